/** The usage router: reads of the tenant's credit ledger in its TenantGate, and its low-balance alert threshold. */
import { createRouter } from "../../http/create-router";
import { tenantScope } from "../../lib/db";
import { tenantOf } from "../../lib/host-guards";
import { currentAuth } from "../../middleware/require-permission";
import { recordAudit, userActor } from "../../services/audit/audit-log";
import { lowBalanceSettingOf } from "../../services/billing/low-balance";
import { usageSummary } from "../../services/billing/usage-summary";
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
		const scope = tenantScope(c.get("db"), tenantOf(c).id);
		return c.json(await usageSummary(scope, await gate.creditSummary(since ?? startOfMonthUtc(Date.now()))), 200);
	})
	.openapi(routes.lowBalance, async (c) => c.json(await lowBalanceSettingOf(c.env, tenantScope(c.get("db"), tenantOf(c).id)), 200))
	.openapi(routes.setLowBalance, async (c) => {
		const { threshold } = c.req.valid("json");
		const tenant = tenantOf(c);
		await c.env.TENANT_GATE.getByName(tenant.id).setCustomLowBalanceThreshold(tenant.id, threshold);
		const setting = await lowBalanceSettingOf(c.env, tenantScope(c.get("db"), tenant.id));
		await recordAudit(tenantScope(c.get("db"), tenant.id), {
			action: "tenant.settings_changed",
			actor: userActor(currentAuth(c).user),
			target: { type: "tenant", id: tenant.id },
			detail: { lowBalanceThreshold: threshold },
			ip: c.req.header("CF-Connecting-IP") ?? null,
			userAgent: c.req.header("User-Agent") ?? null,
		});
		return c.json(setting, 200);
	});
