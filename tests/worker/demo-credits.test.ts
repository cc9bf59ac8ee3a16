/**
 * POST /dev/plan-credits/:slug, which `npm start` calls for the demo agency (put on Pro by SQL, with
 * no Stripe subscription): the agency's Usage shows its plan's monthly credits with one plan-start
 * row in History, however often it is called; other agencies are untouched; an agency with a
 * subscription is left to the subscription's own grants; outside development the path does not exist.
 */
import { env } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { CreditBalance, LedgerPage } from "../../schema/credits";
import { subscriptions, tenants } from "../../schema/index";
import { PLANS, type PlanId } from "../../schema/plans";
import { createApp } from "../../worker/app";
import { createDb } from "../../worker/lib/db";
import { type Agency, logIn, PLATFORM, signUpUniqueAgency } from "../support/agencies";
import { call, problemOf } from "../support/http";
import { addMember } from "./members";

const db = () => createDb(env.DB);

let northwind: Agency;
let other: Agency;
beforeEach(async () => {
	northwind = await signUpUniqueAgency("democredits");
	other = await signUpUniqueAgency("democredits-other");
	await putOnPlan(northwind, "pro");
	await putOnPlan(other, "pro");
});

/** What the demo seed does: the plan set on the tenant row, no subscription. */
async function putOnPlan(agency: Agency, planId: PlanId): Promise<void> {
	await db().update(tenants).set({ planId }).where(eq(tenants.id, agency.tenantId));
}

const grantFor = (slug: string) => call(PLATFORM, `/dev/plan-credits/${slug}`, { method: "POST" });

async function creditsOf(agency: Agency): Promise<CreditBalance> {
	const res = await call(agency.host, "/api/v1/usage/credits", { cookie: agency.ownerCookie });
	expect(res.status).toBe(200);
	return res.json();
}

async function historyOf(agency: Agency): Promise<LedgerPage["entries"]> {
	const res = await call(agency.host, "/api/v1/usage/credits/ledger", { cookie: agency.ownerCookie });
	expect(res.status).toBe(200);
	return ((await res.json()) as LedgerPage).entries;
}

describe("POST /dev/plan-credits/:slug", () => {
	it("grants the plan's monthly credits once, however often it is called", async () => {
		const allowance = PLANS.pro.limits.monthlyAiCredits;
		const shown = { balance: allowance, reserved: 0, available: allowance, bySubscription: false };
		const first = await grantFor(northwind.slug);
		expect(first.status).toBe(200);
		expect(await first.json()).toEqual(shown);
		const again = await grantFor(northwind.slug);
		expect(again.status).toBe(200);
		expect(await again.json()).toEqual(shown);

		expect(await creditsOf(northwind)).toEqual({ balance: allowance, reserved: 0, available: allowance });
		const history = await historyOf(northwind);
		expect(history.filter((e) => e.kind === "grant")).toEqual([expect.objectContaining({ amount: allowance, reason: "plan-start:pro" })]);
	});

	it("follows the plan the agency is on", async () => {
		await putOnPlan(northwind, "agency");
		expect((await grantFor(northwind.slug)).status).toBe(200);
		expect((await creditsOf(northwind)).available).toBe(PLANS.agency.limits.monthlyAiCredits);
	});

	it("never touches another agency's credits, and the agency's clients do not see them", async () => {
		expect((await grantFor(northwind.slug)).status).toBe(200);
		expect(await creditsOf(other)).toEqual({ balance: 0, reserved: 0, available: 0 });
		expect(await historyOf(other)).toEqual([]);
		// Another agency's owner still cannot read the demo agency's usage.
		expect((await call(northwind.host, "/api/v1/usage/credits", { cookie: other.ownerCookie })).status).toBe(401);
		await addMember(northwind.tenantId, "client", `client@${northwind.slug}.test`);
		const client = await logIn(northwind.host, `client@${northwind.slug}.test`);
		expect((await call(northwind.host, "/api/v1/usage/credits", { cookie: client })).status).toBe(403);
	});

	it("leaves an agency with a Stripe subscription to that subscription's grants", async () => {
		const now = Date.now();
		await db()
			.insert(subscriptions)
			.values({
				tenantId: northwind.tenantId,
				stripeSubscriptionId: `sub_${northwind.tenantId}`,
				stripeCreatedAt: now,
				status: "canceled",
				planId: "pro",
				interval: "month",
				updatedAt: now,
			});
		const res = await grantFor(northwind.slug);
		expect(res.status).toBe(200);
		expect(await res.json()).toEqual({ balance: 0, reserved: 0, available: 0, bySubscription: true });
		expect(await historyOf(northwind)).toEqual([]);
	});

	it("answers 404 for a slug no agency has", async () => {
		const res = await grantFor("democredits-nobody");
		expect(res.status).toBe(404);
		expect((await problemOf(res)).detail).toMatch(/no agency with this slug/);
	});

	it("does not exist outside development, and grants nothing there", async () => {
		for (const environment of ["production", "staging"]) {
			const res = await createApp().request(
				`http://${PLATFORM}/dev/plan-credits/${northwind.slug}`,
				{ method: "POST" },
				{ ...env, ENVIRONMENT: environment },
			);
			expect(res.status, environment).toBe(404);
		}
		expect(await creditsOf(northwind)).toEqual({ balance: 0, reserved: 0, available: 0 });
		expect(await historyOf(northwind)).toEqual([]);
	});
});
