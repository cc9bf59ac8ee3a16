/** Entitlements: features and counted limits from the effective plan, reduced after the payment grace period. */
import { env } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { EntitlementsResponse } from "../../schema/entitlements";
import { subscriptions, tenants } from "../../schema/index";
import { createDb, tenantScope } from "../../worker/lib/db";
import { Problem } from "../../worker/lib/problem";
import { assertFeature, assertWithinLimit, PAYMENT_GRACE_MS } from "../../worker/services/billing/entitlements";
import { type Agency, logIn, signUpUniqueAgency } from "../support/agencies";
import { call, problemOf } from "../support/http";
import { addMember } from "./members";

let acme: Agency;
let beta: Agency;
beforeEach(async () => {
	acme = await signUpUniqueAgency("acme");
	beta = await signUpUniqueAgency("beta");
});

const db = () => createDb(env.DB);

async function refusal(promise: Promise<void>): Promise<Problem> {
	try {
		await promise;
	} catch (error) {
		if (error instanceof Problem) return error;
		throw error;
	}
	throw new Error("expected a refusal");
}

async function entitlementsOf(agency: Agency, cookie = agency.ownerCookie): Promise<EntitlementsResponse> {
	const res = await call(agency.host, "/api/v1/entitlements", { cookie });
	expect(res.status).toBe(200);
	return res.json();
}

async function setPastDue(tenantId: string, pastDueSince: number, planId: "pro" | "agency" = "pro"): Promise<void> {
	await db().update(tenants).set({ planId }).where(eq(tenants.id, tenantId));
	await db()
		.insert(subscriptions)
		.values({
			tenantId,
			stripeSubscriptionId: `sub_${tenantId}`,
			stripeCreatedAt: pastDueSince - 30 * 86_400_000,
			status: "past_due",
			planId,
			interval: "month",
			pastDueSince,
			updatedAt: pastDueSince,
		});
}

describe("GET /api/v1/entitlements", () => {
	it("shows a new agency Starter's features, its seats in use and its credits", async () => {
		await addMember(acme.tenantId, "staff", `staff@${acme.slug}.test`);
		await addMember(acme.tenantId, "client", `client@${acme.slug}.test`);
		await env.TENANT_GATE.getByName(acme.tenantId).grantCredits({ amount: 40, idempotencyKey: "g", reason: "allowance" });
		const body = await entitlementsOf(acme, await logIn(acme.host, `staff@${acme.slug}.test`));
		expect(body).toMatchObject({ planId: "starter", subscriptionStatus: null, restricted: false });
		expect(body.features).toMatchObject({ messaging: true, sso: false, white_label: false });
		expect(body.limits.seats).toEqual({ limit: 3, used: 2, remaining: 1 });
		expect(body.aiCredits).toEqual({ monthlyAllowance: 1000, available: 40 });
		const other = await entitlementsOf(beta);
		expect(other.limits.seats.used).toBe(1);
		expect(other.aiCredits.available).toBe(0);
	});

	it("is refused to clients and visitors", async () => {
		await addMember(acme.tenantId, "client", `client@${acme.slug}.test`);
		const res = await call(acme.host, "/api/v1/entitlements", { cookie: await logIn(acme.host, `client@${acme.slug}.test`) });
		expect(res.status).toBe(403);
		expect((await problemOf(res)).detail).toMatch(/plan:read/);
		expect((await call(acme.host, "/api/v1/entitlements")).status).toBe(401);
		expect((await call(beta.host, "/api/v1/entitlements", { cookie: acme.ownerCookie })).status).toBe(401);
	});
});

describe("assertWithinLimit / assertFeature", () => {
	it("refuses a fourth Starter seat with a problem naming the limit and the plans that allow more", async () => {
		const scope = tenantScope(db(), acme.tenantId);
		await addMember(acme.tenantId, "admin", `a@${acme.slug}.test`);
		await assertWithinLimit(scope, "seats");
		await addMember(acme.tenantId, "staff", `s@${acme.slug}.test`);
		const problem = await refusal(assertWithinLimit(scope, "seats"));
		expect(problem.status).toBe(403);
		expect(problem.slug).toBe("plan-limit-reached");
		expect(problem.errors).toEqual([{ path: "seats", message: "limit of 3 reached" }]);
		expect(problem.message).toMatch(/Starter plan includes 3 team seats and 3 are in use\. Upgrade to Pro or Agency/);
		await assertWithinLimit(tenantScope(db(), beta.tenantId), "seats");
	});

	it("counts live clients through the portal's counter: the eleventh Starter client is refused, archived ones free a place", async () => {
		for (let i = 0; i < 10; i++) {
			const created = await call(acme.host, "/api/v1/clients", { cookie: acme.ownerCookie, body: { name: `Client ${i}` } });
			expect(created.status).toBe(201);
		}
		const problem = await refusal(assertWithinLimit(tenantScope(db(), acme.tenantId), "clients"));
		expect(problem.errors).toEqual([{ path: "clients", message: "limit of 10 reached" }]);
		await assertWithinLimit(tenantScope(db(), beta.tenantId), "clients", 10);
		expect((await entitlementsOf(acme)).limits.clients).toEqual({ limit: 10, used: 10, remaining: 0 });
	});

	it("refuses a feature the plan lacks and allows it on a plan that has it", async () => {
		const problem = await refusal(assertFeature(tenantScope(db(), acme.tenantId), "sso"));
		expect(problem).toMatchObject({ status: 403, slug: "feature-not-in-plan" });
		expect(problem.message).toMatch(/does not include single sign-on\. Upgrade to Agency/);
		await db().update(tenants).set({ planId: "agency" }).where(eq(tenants.id, acme.tenantId));
		await assertFeature(tenantScope(db(), acme.tenantId), "sso");
	});

	it("keeps full access during the grace period, then reduces it to Starter's features and refuses limit-consuming writes", async () => {
		const failedAt = Date.now();
		await setPastDue(acme.tenantId, failedAt, "agency");
		const scope = tenantScope(db(), acme.tenantId);
		const during = await entitlementsOf(acme);
		expect(during).toMatchObject({ planId: "agency", restricted: false, graceEndsAt: failedAt + PAYMENT_GRACE_MS });
		expect(during.features.sso).toBe(true);
		await assertFeature(scope, "sso");
		await assertWithinLimit(scope, "seats");

		const after = failedAt + PAYMENT_GRACE_MS + 1;
		const reduced = await refusal(assertWithinLimit(scope, "seats", 1, after));
		expect(reduced).toMatchObject({ status: 402, slug: "payment-required" });
		expect(reduced.message).toMatch(/Update the payment method in Billing/);
		expect(await refusal(assertFeature(scope, "sso", after))).toMatchObject({ status: 402 });
		await assertFeature(scope, "messaging", after);

		await db().update(subscriptions).set({ status: "active", pastDueSince: null }).where(eq(subscriptions.tenantId, acme.tenantId));
		await assertWithinLimit(scope, "seats", 1, after);
		await assertFeature(scope, "sso", after);
	});

	it("shows reduced access on the endpoint once the grace period is over", async () => {
		await setPastDue(acme.tenantId, Date.now() - PAYMENT_GRACE_MS - 1000);
		const body = await entitlementsOf(acme);
		expect(body).toMatchObject({ planId: "pro", restricted: true, restrictionReason: "payment_overdue" });
		expect(body.features).toMatchObject({ white_label: false, messaging: true });
		expect((await entitlementsOf(beta)).restricted).toBe(false);
	});
});
