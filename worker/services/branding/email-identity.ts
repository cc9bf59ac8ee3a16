/**
 * How an agency's emails present themselves: the From name (the agency's sender name, or its
 * name) on the platform's sending address, and the brand the template shows. Every email sent on
 * an agency's behalf goes through this. The sender name, colour and logo are white label: on a plan
 * without it the email is sent under the agency's name with the default colour and no logo.
 */
import { eq } from "drizzle-orm";
import { DEFAULT_PRIMARY_COLOR } from "../../../schema/brand-palette";
import { tenantBranding, tenants } from "../../../schema/index";
import { planHasFeature } from "../../../schema/plans";
import type { Database } from "../../env";
import type { EmailBrand } from "../../lib/email/render";

export type EmailIdentity = { from: string; brand: EmailBrand };

/** The address part of `Name <address>` (or the whole value when it has no name). */
export function sendingAddress(emailFrom: string): string {
	return emailFrom.match(/<([^>]+)>/)?.[1] ?? emailFrom.trim();
}

/** `"Name" <address>`, with the name's quotes and backslashes escaped (RFC 5322 quoted-string). */
export function formatFrom(name: string, address: string): string {
	return `"${name.replace(/["\\]/g, (ch) => `\\${ch}`)}" <${address}>`;
}

/** The From header and brand of one agency's email. `tenantBaseUrl` makes the logo's URL absolute. */
export async function emailIdentityFor(
	db: Database,
	tenantId: string,
	emailFrom: string,
	tenantBaseUrl: string | null,
): Promise<EmailIdentity> {
	const [row] = await db
		.select({
			name: tenants.name,
			planId: tenants.planId,
			color: tenantBranding.primaryColor,
			sender: tenantBranding.emailSenderName,
			logo: tenantBranding.logoFile,
		})
		.from(tenants)
		.leftJoin(tenantBranding, eq(tenantBranding.tenantId, tenants.id))
		.where(eq(tenants.id, tenantId))
		.limit(1);
	const name = row?.name ?? "Atrium";
	const branded = row ? planHasFeature(row.planId, "white_label") : false;
	const sender = branded ? row?.sender : null;
	const logo = branded ? row?.logo : null;
	return {
		from: formatFrom(sender ?? name, sendingAddress(emailFrom)),
		brand: {
			name,
			color: (branded ? row?.color : null) ?? DEFAULT_PRIMARY_COLOR,
			logoUrl: logo && tenantBaseUrl ? new URL(`/brand/${logo}`, tenantBaseUrl).href : null,
		},
	};
}
