/**
 * An agency's SSO settings: read (the client secret never leaves), save (discovery fetched and
 * validated; a change of issuer, client or secret clears the test and switches SSO off), switch
 * on (only after a successful test sign-in and with every domain proven by DNS) and off, and the
 * owner's approval of privileged SSO sign-ins. Every write is the owner's alone (an admin with
 * `tenant:manage` could otherwise point SSO at an IdP they control and sign in as the owner), and
 * every change is audited. The client secret is stored encrypted (worker/lib/secret-keys.ts) and
 * opened only here; a row from before encryption, or sealed under an older key, is resealed the
 * first time it is read.
 */
import { eq } from "drizzle-orm";
import type { SsoSettingsBody } from "../../../schema/dto/sso";
import { type SsoConnection, ssoConnections } from "../../../schema/index";
import type { AuthContext } from "../../env";
import type { TenantScope } from "../../lib/db";
import { Problem, problems } from "../../lib/problem";
import { openStoredSecret, sealStoredSecret, secretContext } from "../../lib/secret-keys";
import { actorOf, recordAudit } from "../audit/audit-log";
import type { RequestOrigin } from "../sessions/sessions";
import { mayManageOwners } from "../team/privileges";
import { discoverOidc } from "./oidc-discovery";
import { syncSsoDomains, verifiedSsoDomains } from "./sso-domains";

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

/**
 * 403 unless the actor is an owner, signed in (not an API key): SSO decides who may sign in as
 * whom, including the owner, so nobody below the owner may point it anywhere.
 */
export function assertMayConfigureSso(auth: AuthContext): void {
	if (mayManageOwners(auth)) return;
	throw new Problem(
		403,
		"sso-owner-only",
		"Only an owner can change single sign-on",
		"Single sign-on decides who can sign in as whom, so only an owner of the agency can set it up, verify its domains, or switch it on or off.",
	);
}

export async function saveSsoSettings(
	scope: TenantScope,
	auth: AuthContext,
	input: SsoSettingsBody,
	options: { allowHttp: boolean; dohUrl?: string },
	origin: RequestOrigin,
	now = Date.now(),
): Promise<SsoConnection> {
	assertMayConfigureSso(auth);
	const existing = await ssoConnectionOf(scope);
	const clientSecret = input.clientSecret ?? existing?.clientSecret;
	if (!clientSecret) throw problems.validation([{ path: "clientSecret", message: "is required" }]);
	const endpoints = await discoverOidc(input.issuer, options.allowHttp, options.dohUrl);
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
		// The ceiling of SSO sign-in: nobody ranking above this owner is signed in without approval.
		configuredBy: auth.via === "session" ? auth.user.id : null,
		updatedAt: now,
	};
	const [saved] = existing
		? await scope.update(ssoConnections, values).returning()
		: await scope.insert(ssoConnections, { ...values, createdAt: now }).returning();
	if (!saved) throw problems.internal();
	saved.clientSecret = clientSecret;
	await syncSsoDomains(scope, domains, { actor: actorOf(auth), ...origin }, now);
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

/** 409 naming each `domains.<i>` whose DNS proof is missing: SSO is never switched on for a domain nobody proved. */
async function assertDomainsVerified(scope: TenantScope, connection: SsoConnection): Promise<void> {
	const domains = domainsOf(connection);
	const verified = new Set(await verifiedSsoDomains(scope, domains));
	const errors = domains.flatMap((domain, i) =>
		verified.has(domain) ? [] : [{ path: `domains.${i}`, message: `${domain} is not verified yet: publish its TXT record and verify it` }],
	);
	if (errors.length === 0) return;
	throw new Problem(
		409,
		"sso-domain-unverified",
		"Verify your domains first",
		`Prove you control ${errors.length === 1 ? "this domain" : "these domains"} with a DNS TXT record before switching single sign-on on.`,
		{ errors },
	);
}

/**
 * Switches SSO on (only after a successful test sign-in and with every domain verified) or off,
 * and sets or withdraws the owner's approval that SSO may sign in members ranking above the
 * configurer. Owners only; each change audited.
 */
export async function updateSsoSwitches(
	scope: TenantScope,
	auth: AuthContext,
	change: { enabled?: boolean | undefined; allowPrivilegedUsers?: boolean | undefined },
	origin: RequestOrigin,
	now = Date.now(),
): Promise<SsoConnection> {
	assertMayConfigureSso(auth);
	const existing = await ssoConnectionOf(scope);
	if (!existing) throw problems.notFound("Single sign-on is not set up yet.");
	const { enabled = existing.enabled, allowPrivilegedUsers } = change;
	if (enabled && !existing.enabled) {
		if (existing.testedAt === null) {
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
		await assertDomainsVerified(scope, existing);
	}
	const approval =
		allowPrivilegedUsers === undefined
			? {}
			: allowPrivilegedUsers
				? { privilegedApprovedBy: auth.via === "session" ? auth.user.id : null, privilegedApprovedAt: now }
				: { privilegedApprovedBy: null, privilegedApprovedAt: null };
	const [updated] = await scope.update(ssoConnections, { enabled, ...approval, updatedAt: now }).returning();
	if (!updated) throw problems.internal();
	const saved = { ...updated, clientSecret: existing.clientSecret };
	const target = { type: "sso_connection", id: scope.tenantId };
	if (existing.enabled !== enabled) {
		await recordAudit(scope, {
			action: enabled ? "sso.enabled" : "sso.disabled",
			actor: actorOf(auth),
			target,
			detail: { issuer: existing.issuer, domains: domainsOf(existing).join(",") },
			...origin,
		});
	}
	if (allowPrivilegedUsers !== undefined && allowPrivilegedUsers !== (existing.privilegedApprovedBy !== null)) {
		await recordAudit(scope, {
			action: "sso.privileged_access_changed",
			actor: actorOf(auth),
			target,
			detail: { allowPrivilegedUsers, configuredBy: existing.configuredBy },
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
