/**
 * How an agency's emails present themselves: the From name (the agency's sender name, or its
 * name) on the platform's sending address, and the brand the template shows. Every email sent on
 * an agency's behalf goes through this.
 */
import { eq } from "drizzle-orm";
import { DEFAULT_PRIMARY_COLOR } from "../../../schema/brand-palette";
import { tenantBranding, tenants } from "../../../schema/index";
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
			color: tenantBranding.primaryColor,
			sender: tenantBranding.emailSenderName,
			logo: tenantBranding.logoFile,
		})
		.from(tenants)
		.leftJoin(tenantBranding, eq(tenantBranding.tenantId, tenants.id))
		.where(eq(tenants.id, tenantId))
		.limit(1);
	const name = row?.name ?? "Atrium";
	return {
		from: formatFrom(row?.sender ?? name, sendingAddress(emailFrom)),
		brand: {
			name,
			color: row?.color ?? DEFAULT_PRIMARY_COLOR,
			logoUrl: row?.logo && tenantBaseUrl ? new URL(`/brand/${row.logo}`, tenantBaseUrl).href : null,
		},
	};
}
