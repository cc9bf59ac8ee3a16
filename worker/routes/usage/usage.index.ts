/** The usage router: reads of the tenant's credit ledger in its TenantGate. */
import { createRouter } from "../../lib/create-router";
import { tenantOf } from "../../lib/host-guards";
import { withMoney } from "../../services/usage-money";
import * as routes from "./usage.routes";

/** Midnight UTC on the first day of `now`'s month. */
export function startOfMonthUtc(now: number): number {
	const date = new Date(now);
	return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1);
}

export const usageRouter = createRouter()
	.openapi(routes.balance, async (c) => {
		const gate = c.env.TENANT_GATE.getByName(tenantOf(c).id);
		return c.json(await gate.credits(), 200);
	})
	.openapi(routes.ledger, async (c) => {
		const { cursor, limit } = c.req.valid("query");
		const gate = c.env.TENANT_GATE.getByName(tenantOf(c).id);
		return c.json(await gate.creditHistory(limit, cursor ? Number(cursor) : null), 200);
	})
	.openapi(routes.summary, async (c) => {
		const { since } = c.req.valid("query");
		const gate = c.env.TENANT_GATE.getByName(tenantOf(c).id);
		return c.json(withMoney(await gate.creditSummary(since ?? startOfMonthUtc(Date.now()))), 200);
	});
