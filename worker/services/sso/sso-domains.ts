/**
 * Proof that an agency controls its SSO email domains, the way custom domains prove control: each
 * domain gets a token, the owner publishes `_atrium-sso.<domain>` TXT `atrium-sso-verification=<token>`,
 * and a check over DNS-over-HTTPS (worker/lib/dns-over-https.ts) marks it verified. Only verified
 * domains count for SSO sign-in and enforcement, so nobody can point SSO at an address domain
 * (the owner's mail provider, say) they do not run. Started, verified and failed checks are audited.
 */
import { and, eq, inArray, notInArray } from "drizzle-orm";
import type { SsoDomainState } from "../../../schema/dto/sso";
import { type SsoDomain, ssoDomains } from "../../../schema/index";
import type { TenantScope } from "../../lib/db";
import { DnsLookupError, lookupTxt } from "../../lib/dns-over-https";
import { problems } from "../../lib/problem";
import { generateToken } from "../../lib/tokens";
import { type AuditActor, recordAudit } from "../audit/audit-log";
import type { RequestOrigin } from "../sessions/sessions";

/** Where the TXT record goes: a label of its own, apart from custom domains' `_atrium-challenge`. */
export function ssoChallengeName(domain: string): string {
	return `_atrium-sso.${domain}`;
}

export function ssoChallengeValue(token: string): string {
	return `atrium-sso-verification=${token}`;
}

type Who = { actor: AuditActor } & RequestOrigin;

async function rowsOf(scope: TenantScope): Promise<SsoDomain[]> {
	return scope.db.select().from(ssoDomains).where(scope.where(ssoDomains));
}

/**
 * Makes the proofs follow the saved domain list: a new domain gets a fresh token and starts
 * unverified (audited `sso.domain_verification_started`); a domain taken off the list loses its
 * proof, so adding it back later needs a new check. Domains kept on the list keep theirs.
 */
export async function syncSsoDomains(scope: TenantScope, domains: string[], who: Who, now = Date.now()): Promise<void> {
	await scope.delete(ssoDomains, domains.length ? notInArray(ssoDomains.domain, domains) : undefined);
	const known = new Set((await rowsOf(scope)).map((r) => r.domain));
	for (const domain of domains.filter((d) => !known.has(d))) {
		await scope.insert(ssoDomains, { domain, verificationToken: generateToken(), createdAt: now }).onConflictDoNothing();
		await recordAudit(
			scope,
			{
				action: "sso.domain_verification_started",
				actor: who.actor,
				target: { type: "sso_domain", id: domain },
				detail: { domain, record: ssoChallengeName(domain) },
				ip: who.ip,
				userAgent: who.userAgent,
			},
			now,
		);
	}
}

/** Each listed domain's proof, in list order: the TXT record to publish and whether it is verified. */
export async function ssoDomainStates(scope: TenantScope, domains: string[]): Promise<SsoDomainState[]> {
	const byDomain = new Map((await rowsOf(scope)).map((r) => [r.domain, r]));
	return domains.map((domain) => {
		const row = byDomain.get(domain);
		return {
			domain,
			status: row?.verifiedAt ? "verified" : "pending",
			// A list saved before proofs existed has no token yet: saving the settings again issues one.
			txtName: ssoChallengeName(domain),
			txtValue: row ? ssoChallengeValue(row.verificationToken) : null,
			verifiedAt: row?.verifiedAt ?? null,
			lastCheckedAt: row?.lastCheckedAt ?? null,
			lastCheckError: row?.lastCheckError ?? null,
		};
	});
}

/** The listed domains whose proof has been checked: the only ones SSO signs in or enforces. */
export async function verifiedSsoDomains(scope: TenantScope, domains: string[]): Promise<string[]> {
	if (domains.length === 0) return [];
	const rows = await scope.db
		.select({ domain: ssoDomains.domain, verifiedAt: ssoDomains.verifiedAt })
		.from(ssoDomains)
		.where(scope.where(ssoDomains, inArray(ssoDomains.domain, domains)));
	const verified = new Set(rows.filter((r) => r.verifiedAt !== null).map((r) => r.domain));
	return domains.filter((d) => verified.has(d));
}

/**
 * Checks one listed domain's TXT record. A match marks it verified (`sso.domain_verified`); a
 * missing or wrong record, or a resolver failure, is stored as the last error and audited
 * (`sso.domain_verification_failed`). 404 naming `domain` when it is not on the list.
 */
export async function verifySsoDomain(
	scope: TenantScope,
	domains: string[],
	domain: string,
	dohUrl: string,
	who: Who,
	now = Date.now(),
): Promise<void> {
	const [row] = domains.includes(domain)
		? await scope.db
				.select()
				.from(ssoDomains)
				.where(scope.where(ssoDomains, eq(ssoDomains.domain, domain)))
				.limit(1)
		: [];
	if (!row) throw problems.validation([{ path: "domain", message: "is not one of the saved SSO domains (save the settings first)" }]);
	if (row.verifiedAt) return;
	const name = ssoChallengeName(domain);
	const expected = ssoChallengeValue(row.verificationToken);
	let error: string | null = null;
	try {
		const records = await lookupTxt(name, dohUrl);
		if (!records.includes(expected)) {
			error =
				records.length === 0
					? `No TXT record found at ${name} yet. DNS changes can take a few minutes to appear.`
					: `The TXT record at ${name} does not match. Expected "${expected}".`;
		}
	} catch (lookupError) {
		if (!(lookupError instanceof DnsLookupError)) throw lookupError;
		error = `We could not check DNS just now: ${lookupError.message}. Try again in a minute.`;
	}
	const where = and(eq(ssoDomains.domain, domain), eq(ssoDomains.verificationToken, row.verificationToken));
	await scope.update(ssoDomains, { lastCheckedAt: now, lastCheckError: error, ...(error ? {} : { verifiedAt: now }) }, where);
	await recordAudit(
		scope,
		{
			action: error ? "sso.domain_verification_failed" : "sso.domain_verified",
			actor: who.actor,
			target: { type: "sso_domain", id: domain },
			detail: { domain, record: name, ...(error ? { error } : {}) },
			ip: who.ip,
			userAgent: who.userAgent,
		},
		now,
	);
}
