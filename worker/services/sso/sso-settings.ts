/**
 * An agency's SSO settings: read (the client secret never leaves), save (discovery fetched and
 * validated; a change of issuer, client or secret clears the test and switches SSO off), switch
 * on (only after a successful test sign-in) and off. Every change is audited. The client secret is
 * stored encrypted (worker/lib/secret-keys.ts) and opened only here; a row from before encryption,
 * or sealed under an older key, is resealed the first time it is read.
 */
import { eq } from "drizzle-orm";
import type { SsoSettings, SsoSettingsBody } from "../../../schema/dto/sso";
import { type SsoConnection, ssoConnections } from "../../../schema/index";
import type { AuthContext } from "../../env";
import type { TenantScope } from "../../lib/db";
import { Problem, problems } from "../../lib/problem";
import { openStoredSecret, sealStoredSecret, secretContext } from "../../lib/secret-keys";
import { actorOf, recordAudit } from "../audit-log";
import type { RequestOrigin } from "../sessions";
import { discoverOidc } from "./oidc-discovery";
import { ssoAllowedByPlan } from "./sso-plan";

/** The agency's connection with its client secret decrypted (for this request only; never returned by the API). */
export async function ssoConnectionOf(scope: TenantScope): Promise<SsoConnection | null> {
	const [row] = await scope.db.select().from(ssoConnections).where(scope.where(ssoConnections)).limit(1);
	if (!row) return null;
	const context = secretContext.ssoClientSecret(scope.tenantId);
	const secret = await openStoredSecret(row.clientSecret, context);
	if (secret.needsReseal) {
		const resealed = await sealStoredSecret(secret.plaintext, context);
		await scope.update(ssoConnections, { clientSecret: resealed }, eq(ssoConnections.clientSecret, row.clientSecret));
	}
	return { ...row, clientSecret: secret.plaintext };
}

export function domainsOf(connection: Pick<SsoConnection, "domains">): string[] {
	try {
		const value: unknown = JSON.parse(connection.domains);
		return Array.isArray(value) ? value.filter((d): d is string => typeof d === "string") : [];
	} catch {
		return [];
	}
}

export function toSsoSettings(connection: SsoConnection | null, planAllows: boolean): SsoSettings {
	return {
		planAllows,
		configured: connection !== null,
		issuer: connection?.issuer ?? null,
		clientId: connection?.clientId ?? null,
		hasClientSecret: Boolean(connection?.clientSecret),
		domains: connection ? domainsOf(connection) : [],
		enabled: connection?.enabled ?? false,
		testedAt: connection?.testedAt ?? null,
	};
}

export async function saveSsoSettings(
	scope: TenantScope,
	auth: AuthContext,
	input: SsoSettingsBody,
	options: { allowHttp: boolean },
	origin: RequestOrigin,
	now = Date.now(),
): Promise<SsoConnection> {
	const existing = await ssoConnectionOf(scope);
	const clientSecret = input.clientSecret ?? existing?.clientSecret;
	if (!clientSecret) throw problems.validation([{ path: "clientSecret", message: "is required" }]);
	const endpoints = await discoverOidc(input.issuer, options.allowHttp);
	const domains = [...new Set(input.domains)];
	const sameIdp =
		existing !== null && existing.issuer === input.issuer && existing.clientId === input.clientId && existing.clientSecret === clientSecret;
	const values = {
		issuer: input.issuer,
		clientId: input.clientId,
		clientSecret: await sealStoredSecret(clientSecret, secretContext.ssoClientSecret(scope.tenantId)),
		...endpoints,
		domains: JSON.stringify(domains),
		// A different IdP or client must prove itself again before it can be (or stay) on.
		enabled: sameIdp ? existing.enabled : false,
		testedAt: sameIdp ? existing.testedAt : null,
		testedBy: sameIdp ? existing.testedBy : null,
		updatedAt: now,
	};
	const [saved] = existing
		? await scope.update(ssoConnections, values).returning()
		: await scope.insert(ssoConnections, { ...values, createdAt: now }).returning();
	if (!saved) throw problems.internal();
	saved.clientSecret = clientSecret;
	await recordAudit(scope, {
		action: "sso.configured",
		actor: actorOf(auth),
		target: { type: "sso_connection", id: scope.tenantId },
		detail: {
			issuer: input.issuer,
			clientId: input.clientId,
			domains: domains.join(","),
			secretChanged: input.clientSecret !== undefined,
			retestNeeded: !sameIdp,
		},
		...origin,
	});
	return saved;
}

export async function setSsoEnabled(
	scope: TenantScope,
	auth: AuthContext,
	enabled: boolean,
	origin: RequestOrigin,
	now = Date.now(),
): Promise<SsoConnection> {
	const existing = await ssoConnectionOf(scope);
	if (!existing) throw problems.notFound("Single sign-on is not set up yet.");
	if (enabled && existing.testedAt === null) {
		throw new Problem(
			409,
			"sso-test-required",
			"Test it first",
			"Complete a test sign-in with these settings before switching single sign-on on.",
			{
				errors: [{ path: "enabled", message: "needs a successful test sign-in first" }],
			},
		);
	}
	const [updated] = await scope.update(ssoConnections, { enabled, updatedAt: now }).returning();
	if (!updated) throw problems.internal();
	const saved = { ...updated, clientSecret: existing.clientSecret };
	if (existing.enabled !== enabled) {
		await recordAudit(scope, {
			action: enabled ? "sso.enabled" : "sso.disabled",
			actor: actorOf(auth),
			target: { type: "sso_connection", id: scope.tenantId },
			detail: { issuer: existing.issuer, domains: domainsOf(existing).join(",") },
			...origin,
		});
	}
	return saved;
}

/** Records a successful test sign-in, if the settings are still the ones that were tested. */
export async function markSsoTested(
	scope: TenantScope,
	user: { id: string; email: string },
	testedVersion: number,
	email: string,
	origin: RequestOrigin,
	now = Date.now(),
): Promise<boolean> {
	const updated = await scope
		.update(ssoConnections, { testedAt: now, testedBy: user.id }, eq(ssoConnections.updatedAt, testedVersion))
		.returning({ tenantId: ssoConnections.tenantId });
	if (updated.length === 0) return false;
	await recordAudit(scope, {
		action: "sso.tested",
		actor: { userId: user.id, label: user.email },
		target: { type: "sso_connection", id: scope.tenantId },
		detail: { signedInAs: email },
		...origin,
	});
	return true;
}

/** The domain part of an address, lower-case. */
export function emailDomain(email: string): string {
	return email.slice(email.lastIndexOf("@") + 1).toLowerCase();
}

/**
 * Refuses a non-SSO sign-in for an address of the agency's SSO domains while SSO is on and the plan
 * includes it (clients of the agency excepted: SSO is for its staff). A 403 problem pointing at the
 * SSO sign-in.
 */
export async function refuseIfSsoRequired(scope: TenantScope, email: string, role: string | null): Promise<void> {
	if (role === "client") return;
	const connection = await ssoConnectionOf(scope);
	if (!connection?.enabled || !domainsOf(connection).includes(emailDomain(email))) return;
	// A plan without SSO (after a downgrade) offers no SSO sign-in, so it must not demand one either.
	if (!(await ssoAllowedByPlan(scope.db, scope.tenantId))) return;
	throw new Problem(
		403,
		"sso-required",
		"Sign in with single sign-on",
		`Accounts at ${emailDomain(email)} sign in through your organisation's single sign-on.`,
		{ extensions: { ssoUrl: "/api/v1/auth/sso/start" } },
	);
}
