/**
 * The one gate in front of adding a client (creating one, or restoring an archived one): the
 * tenant's plan allows `limits.clients` live, non-archived clients. The shared entitlements
 * helper of billing can take this over without any caller changing.
 */
import { count, eq, isNull, ne } from "drizzle-orm";
import { clients, tenants } from "../../../schema/index";
import { PLANS } from "../../../schema/plans";
import type { TenantScope } from "../../lib/db";
import { Problem } from "../../lib/problem";

export async function assertCanAddClient(scope: TenantScope): Promise<void> {
	const [tenant] = await scope.db.select({ planId: tenants.planId }).from(tenants).where(eq(tenants.id, scope.tenantId)).limit(1);
	if (!tenant) throw new Error("tenant vanished");
	const plan = PLANS[tenant.planId];
	const limit = plan.limits.clients;
	if (limit === null) return;
	const [row] = await scope.db
		.select({ n: count() })
		.from(clients)
		.where(scope.where(clients, isNull(clients.deletedAt), ne(clients.status, "archived")));
	if ((row?.n ?? 0) >= limit) {
		throw new Problem(
			403,
			"plan-limit-reached",
			"Your plan's client limit is reached",
			`The ${plan.name} plan includes up to ${limit} active clients. Archive a client or upgrade your plan to add another.`,
			{ errors: [{ path: "limits.clients", message: `at most ${limit} on the ${plan.name} plan` }] },
		);
	}
}
