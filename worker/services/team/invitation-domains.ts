/** The agency's rule on which email domains may be invited (none listed: any). */
import { asc } from "drizzle-orm";
import { invitationDomains } from "../../../schema/index";
import type { AuthContext } from "../../env";
import type { TenantScope } from "../../lib/db";
import { problems } from "../../lib/problem";
import { actorOf, recordAudit } from "../audit/audit-log";
import type { RequestOrigin } from "../sessions/sessions";

export async function listInvitationDomains(scope: TenantScope): Promise<string[]> {
	const rows = await scope.db
		.select({ domain: invitationDomains.domain })
		.from(invitationDomains)
		.where(scope.where(invitationDomains))
		.orderBy(asc(invitationDomains.domain));
	return rows.map((r) => r.domain);
}

export async function replaceInvitationDomains(
	deps: { scope: TenantScope; actor: AuthContext; origin: RequestOrigin },
	domains: string[],
	now = Date.now(),
): Promise<string[]> {
	const unique = [...new Set(domains)].sort();
	const { scope } = deps;
	const deleteAll = scope.delete(invitationDomains);
	if (unique.length === 0) await deleteAll;
	else {
		// One multi-row insert with the scope's own tenant id on every row, in the same transaction as the delete.
		const rows = unique.map((domain) => ({ tenantId: scope.tenantId, domain, createdAt: now }));
		await scope.db.batch([deleteAll, scope.db.insert(invitationDomains).values(rows)]);
	}
	await recordAudit(scope, {
		action: "tenant.settings_changed",
		actor: actorOf(deps.actor),
		target: { type: "tenant", id: scope.tenantId },
		detail: { setting: "invitation_domains", domains: unique.join(" ") },
		...deps.origin,
	});
	return unique;
}

/** 422 naming `email` when the agency limits invitations to domains this address is not at. */
export async function assertInvitableDomain(scope: TenantScope, email: string): Promise<void> {
	const allowed = await listInvitationDomains(scope);
	if (allowed.length === 0) return;
	const domain = email.slice(email.lastIndexOf("@") + 1).toLowerCase();
	if (!allowed.includes(domain)) {
		throw problems.validation([{ path: "email", message: `must be an address at ${allowed.join(", ")} (this agency's rule)` }]);
	}
}
