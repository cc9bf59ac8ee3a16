/**
 * Claims on custom domains: adding a domain claims its hostname platform-wide (one agency per
 * hostname), but a claim never verified lapses after `UNVERIFIED_CLAIM_TTL_MS`, so nobody can
 * block a domain they do not control by adding it and walking away. A lapsed claim gives way to
 * the next agency that adds the domain (in the same batch that writes the new claim) and is
 * deleted by the `purge-expired-auth` job. Whoever else holds a domain, the answer is the same
 * generic "unavailable": it never says which agency, nor whether its claim is verified.
 */
import { and, eq, lte } from "drizzle-orm";
import { tenantDomains } from "../../../schema/index";
import type { Database } from "../../env";
import { tenantScope } from "../../lib/db";
import { Problem } from "../../lib/problem";
import { recordAudit, SYSTEM_ACTOR } from "../audit/audit-log";

/** How long an added custom domain may stay unverified before another agency may claim it. */
export const UNVERIFIED_CLAIM_TTL_MS = 72 * 60 * 60 * 1000;

export type DomainClaim = { id: string; tenantId: string; kind: "subdomain" | "custom"; verified: boolean; createdAt: number };

/** Whether a claim has lapsed: a custom domain still unverified `UNVERIFIED_CLAIM_TTL_MS` after it was added. */
export function claimLapsed(claim: DomainClaim, now: number): boolean {
	return claim.kind === "custom" && !claim.verified && claim.createdAt <= now - UNVERIFIED_CLAIM_TTL_MS;
}

/** The one answer when another agency holds a domain, verified or not: it names no agency. */
export function domainUnavailable(): Problem {
	return new Problem(
		409,
		"domain-unavailable",
		"Domain unavailable",
		`This domain cannot be added right now. If you control it, try again later (a claim that is never verified lapses after ${UNVERIFIED_CLAIM_TTL_MS / 3_600_000} hours) or contact support.`,
		{ errors: [{ path: "hostname", message: "is not available" }] },
	);
}

/** The current claim on a hostname, whoever holds it (platform-wide by nature: hostnames are unique across agencies). */
export async function claimOn(db: Database, hostname: string): Promise<DomainClaim | null> {
	const [row] = await db
		.select({
			id: tenantDomains.id,
			tenantId: tenantDomains.tenantId,
			kind: tenantDomains.kind,
			verified: tenantDomains.verified,
			createdAt: tenantDomains.createdAt,
		})
		.from(tenantDomains)
		.where(eq(tenantDomains.hostname, hostname))
		.limit(1);
	return row ?? null;
}

/**
 * Deletes one lapsed claim, only while it is still unverified and lapsed (so a verification that
 * lands meanwhile wins): a statement for the batch that writes the new claim.
 */
export function deleteLapsedClaim(db: Database, claim: DomainClaim, now: number) {
	return db
		.delete(tenantDomains)
		.where(
			and(
				eq(tenantDomains.tenantId, claim.tenantId),
				eq(tenantDomains.id, claim.id),
				eq(tenantDomains.kind, "custom"),
				eq(tenantDomains.verified, false),
				lte(tenantDomains.createdAt, now - UNVERIFIED_CLAIM_TTL_MS),
			),
		);
}

/** Tells the agency whose claim lapsed, in its own audit log. */
export async function auditLapsedClaim(db: Database, claim: { id: string; tenantId: string; hostname: string }): Promise<void> {
	await recordAudit(tenantScope(db, claim.tenantId), {
		action: "tenant.settings_changed",
		actor: SYSTEM_ACTOR,
		target: { type: "domain", id: claim.id },
		detail: { hostname: claim.hostname, change: "claim_lapsed" },
		ip: null,
		userAgent: null,
	});
}

/** Platform-wide housekeeping: every lapsed claim of every agency, each noted in its agency's audit log. */
export async function purgeLapsedClaims(db: Database, now = Date.now()): Promise<number> {
	const deleted = await db
		.delete(tenantDomains)
		.where(
			and(eq(tenantDomains.kind, "custom"), eq(tenantDomains.verified, false), lte(tenantDomains.createdAt, now - UNVERIFIED_CLAIM_TTL_MS)),
		)
		.returning({ id: tenantDomains.id, tenantId: tenantDomains.tenantId, hostname: tenantDomains.hostname });
	for (const claim of deleted) await auditLapsedClaim(db, claim);
	return deleted.length;
}
