/**
 * An agency's own domains: add one (it gets a verification token), prove control with a DNS TXT
 * record checked over DNS-over-HTTPS, then Atrium serves the agency there — after creating the
 * Cloudflare for SaaS custom hostname when that is configured. One domain is primary: the app's
 * pages on the others redirect to it. Removal deletes the hostname at Cloudflare too. Claims on a
 * hostname that are never verified lapse (./domain-claims.ts).
 */
import { asc, eq, ne } from "drizzle-orm";
import type { TenantDomainView } from "../../../schema/dto/domains";
import { tenantDomains } from "../../../schema/index";
import type { TenantDomain } from "../../../schema/tables/tenants";
import { CloudflareApiError, createCustomHostname, deleteCustomHostname, type SaasConfig } from "../../lib/cloudflare-for-saas";
import type { TenantScope } from "../../lib/db";
import { isUniqueViolation } from "../../lib/db-errors";
import { DnsLookupError, lookupTxt } from "../../lib/dns-over-https";
import { hostCache } from "../../lib/identity-cache";
import { newId } from "../../lib/ids";
import { Problem, problems } from "../../lib/problem";
import { generateToken } from "../../lib/tokens";
import { type AuditActor, recordAudit } from "../audit/audit-log";
import type { RequestOrigin } from "../sessions/sessions";
import { auditLapsedClaim, claimLapsed, claimOn, deleteLapsedClaim, domainUnavailable } from "./domain-claims";

/** Where the TXT record goes: a label of its own, so it never clashes with the domain's other records. */
export function challengeName(hostname: string): string {
	return `_atrium-challenge.${hostname}`;
}

export function challengeValue(token: string): string {
	return `atrium-verification=${token}`;
}

export type DomainDeps = { scope: TenantScope; platformDomain: string; dohUrl: string; saas: SaasConfig | null };
type Who = { actor: AuditActor } & RequestOrigin;

function view(row: TenantDomain, cnameTarget: string): TenantDomainView {
	const custom = row.kind === "custom";
	return {
		id: row.id,
		hostname: row.hostname,
		kind: row.kind,
		status: row.verified ? "active" : "pending_verification",
		primary: row.primary,
		dnsRecords:
			custom && row.verificationToken
				? [
						{
							type: "TXT",
							name: challengeName(row.hostname),
							value: challengeValue(row.verificationToken),
							purpose: "Proves you control this domain",
						},
						{ type: "CNAME", name: row.hostname, value: cnameTarget, purpose: "Sends visitors of this domain to your portal" },
					]
				: [],
		certificateStatus: row.cloudflareStatus,
		lastCheckedAt: row.lastCheckedAt,
		lastCheckError: row.lastCheckError,
		verifiedAt: row.verifiedAt,
	};
}

async function rows(scope: TenantScope): Promise<TenantDomain[]> {
	return scope.db
		.select()
		.from(tenantDomains)
		.where(scope.where(tenantDomains))
		.orderBy(asc(tenantDomains.createdAt), asc(tenantDomains.id));
}

async function rowById(scope: TenantScope, id: string): Promise<TenantDomain> {
	const [row] = await scope.db
		.select()
		.from(tenantDomains)
		.where(scope.where(tenantDomains, eq(tenantDomains.id, id)))
		.limit(1);
	if (!row) throw problems.notFound("This agency has no domain with this id.");
	return row;
}

/** The sub-domain, which custom domains point their CNAME at. */
async function cnameTarget(scope: TenantScope): Promise<string> {
	const all = await rows(scope);
	return all.find((r) => r.kind === "subdomain")?.hostname ?? "";
}

export async function listDomains(deps: DomainDeps): Promise<TenantDomainView[]> {
	const all = await rows(deps.scope);
	const target = all.find((r) => r.kind === "subdomain")?.hostname ?? "";
	return all.map((r) => view(r, target));
}

export async function addDomain(deps: DomainDeps, hostname: string, who: Who, now = Date.now()): Promise<TenantDomainView> {
	const { scope } = deps;
	if (hostname === deps.platformDomain || hostname.endsWith(`.${deps.platformDomain}`)) {
		throw problems.validation([{ path: "hostname", message: `must be your own domain, not one under ${deps.platformDomain}` }]);
	}
	const taken = await claimOn(scope.db, hostname);
	if (taken?.tenantId === scope.tenantId) throw problems.conflict("hostname", "is already one of your domains");
	// Another agency's verified or live claim: one generic answer. A lapsed one gives way below.
	const lapsed = taken && claimLapsed(taken, now) ? taken : null;
	if (taken && !lapsed) throw domainUnavailable();
	const row = {
		id: newId(now),
		hostname,
		kind: "custom" as const,
		verified: false,
		primary: false,
		verificationToken: generateToken(),
		createdAt: now,
	};
	try {
		// The lapsed claim goes in the same batch as the new one, and only if it is still unverified.
		if (lapsed) await scope.db.batch([deleteLapsedClaim(scope.db, lapsed, now), scope.insert(tenantDomains, row)]);
		else await scope.insert(tenantDomains, row);
	} catch (error) {
		// Another agency claimed it meanwhile, or the lapsed claim was verified at the last moment.
		if (isUniqueViolation(error)) throw domainUnavailable();
		throw error;
	}
	if (lapsed) await auditLapsedClaim(scope.db, { id: lapsed.id, tenantId: lapsed.tenantId, hostname });
	await recordAudit(scope, {
		action: "tenant.settings_changed",
		actor: who.actor,
		target: { type: "domain", id: row.id },
		detail: { hostname, change: "added" },
		...origin(who),
	});
	return view(await rowById(scope, row.id), await cnameTarget(scope));
}

function origin(who: Who): RequestOrigin {
	return { ip: who.ip, userAgent: who.userAgent };
}

/** Checks the TXT record; on success marks the domain active (creating the Cloudflare hostname first when configured). */
export async function verifyDomain(deps: DomainDeps, id: string, who: Who, now = Date.now()): Promise<TenantDomainView> {
	const { scope } = deps;
	const row = await rowById(scope, id);
	if (row.kind !== "custom") throw new Problem(409, "not-custom", "Nothing to verify", "The agency's own sub-domain is always active.");
	const fail = async (message: string): Promise<TenantDomainView> => {
		await scope.update(tenantDomains, { lastCheckedAt: now, lastCheckError: message }, eq(tenantDomains.id, id));
		return view(await rowById(scope, id), await cnameTarget(scope));
	};
	if (row.verified) return view(row, await cnameTarget(scope));
	let records: string[];
	try {
		records = await lookupTxt(challengeName(row.hostname), deps.dohUrl);
	} catch (error) {
		if (error instanceof DnsLookupError) return fail(`We could not check DNS just now: ${error.message}. Try again in a minute.`);
		throw error;
	}
	const expected = challengeValue(row.verificationToken ?? "");
	if (!records.includes(expected)) {
		return fail(
			records.length === 0
				? `No TXT record found at ${challengeName(row.hostname)} yet. DNS changes can take a few minutes to appear.`
				: `The TXT record at ${challengeName(row.hostname)} does not match. Expected "${expected}".`,
		);
	}
	let cloudflare: { id: string; status: string } | null = null;
	if (deps.saas) {
		try {
			cloudflare = await createCustomHostname(deps.saas, row.hostname);
		} catch (error) {
			if (error instanceof CloudflareApiError) return fail(error.message);
			throw error;
		}
	}
	await scope.update(
		tenantDomains,
		{
			verified: true,
			verifiedAt: now,
			lastCheckedAt: now,
			lastCheckError: null,
			cloudflareHostnameId: cloudflare?.id ?? null,
			cloudflareStatus: cloudflare?.status ?? null,
		},
		eq(tenantDomains.id, id),
	);
	hostCache.clear();
	await recordAudit(scope, {
		action: "tenant.settings_changed",
		actor: who.actor,
		target: { type: "domain", id },
		detail: { hostname: row.hostname, change: "verified" },
		...origin(who),
	});
	return view(await rowById(scope, id), await cnameTarget(scope));
}

/** Makes an active domain the primary one: the app's pages on every other host redirect to it. */
export async function makePrimary(deps: DomainDeps, id: string, who: Who): Promise<TenantDomainView[]> {
	const { scope } = deps;
	const row = await rowById(scope, id);
	if (!row.verified)
		throw new Problem(
			409,
			"domain-not-verified",
			"Domain not verified yet",
			`Verify ${row.hostname} before making it the primary address.`,
		);
	await scope.db.batch([
		scope.update(tenantDomains, { primary: false }, ne(tenantDomains.id, id)),
		scope.update(tenantDomains, { primary: true }, eq(tenantDomains.id, id)),
	]);
	hostCache.clear();
	await recordAudit(scope, {
		action: "tenant.settings_changed",
		actor: who.actor,
		target: { type: "domain", id },
		detail: { hostname: row.hostname, change: "primary" },
		...origin(who),
	});
	return listDomains(deps);
}

/** Removes a custom domain cleanly: Cloudflare hostname deleted, primary back to the sub-domain if it was primary. */
export async function removeDomain(deps: DomainDeps, id: string, who: Who): Promise<TenantDomainView[]> {
	const { scope } = deps;
	const row = await rowById(scope, id);
	if (row.kind !== "custom")
		throw new Problem(409, "subdomain-required", "The sub-domain stays", "Your agency's own sub-domain cannot be removed.");
	if (deps.saas && row.cloudflareHostnameId) await deleteCustomHostname(deps.saas, row.cloudflareHostnameId);
	if (row.primary) {
		await scope.db.batch([
			scope.delete(tenantDomains, eq(tenantDomains.id, id)),
			scope.update(tenantDomains, { primary: true }, eq(tenantDomains.kind, "subdomain")),
		]);
	} else {
		await scope.delete(tenantDomains, eq(tenantDomains.id, id));
	}
	hostCache.clear();
	await recordAudit(scope, {
		action: "tenant.settings_changed",
		actor: who.actor,
		target: { type: "domain", id },
		detail: { hostname: row.hostname, change: "removed" },
		...origin(who),
	});
	return listDomains(deps);
}
