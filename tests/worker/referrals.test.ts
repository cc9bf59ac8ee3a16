/**
 * Referrals through the Stripe fake: an agency's code and link, sign-up attribution (bad, expired
 * and self-referring codes refused with 422 naming the field), the referee's discounted first
 * Checkout, and the referrer's reward granted exactly once however the webhooks arrive.
 */
import { env } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { auditEvents, subscriptions, tenants } from "../../schema/index";
import type { ReferralsOverview } from "../../schema/referrals";
import { createDb } from "../../worker/lib/db";
import { resetStorageBeforeEachTest } from "../support/storage";
import { type Agency, call, freshIp, logIn, PASSWORD, PLATFORM, problemOf, signUpAgency } from "./helpers";
import { addMember } from "./members";
import { deliverAll, fake, type SignedEvent, sessionIdOf } from "./stripe";

// Legacy: these tests reuse agency slugs or count rows of every tenant, so each starts from empty
// storage (~0.2 s a test) until converted to unique slugs (tests/support/README.md).
resetStorageBeforeEachTest();

vi.setConfig({ testTimeout: 30_000 });

let acme: Agency;
let beta: Agency;
beforeEach(async () => {
	acme = await signUpAgency("acme");
	beta = await signUpAgency("beta");
});

const db = () => createDb(env.DB);

async function overview(agency: Agency): Promise<ReferralsOverview> {
	const res = await call(agency.host, "/api/v1/referrals", { cookie: agency.ownerCookie });
	expect(res.status).toBe(200);
	return res.json();
}

function signUpWith(slug: string, fields: Record<string, unknown>, email = `owner@${slug}.test`) {
	return call(PLATFORM, "/api/v1/auth/signup", {
		body: { agencyName: `Agency ${slug}`, slug, name: "Nia New", email, password: PASSWORD, ...fields },
		ip: freshIp(),
	});
}

async function checkoutUrl(agency: Agency): Promise<string> {
	const res = await call(agency.host, "/api/v1/billing/checkout", {
		cookie: agency.ownerCookie,
		body: { planId: "pro", interval: "month" },
	});
	expect(res.status, await res.clone().text()).toBe(200);
	return ((await res.json()) as { url: string }).url;
}

async function pay(url: string): Promise<SignedEvent[]> {
	const paid = await fake<{ ok: boolean; events: SignedEvent[] }>(`/_fake/checkout/${sessionIdOf(url)}/pay`, { card: "4242424242424242" });
	expect(paid.ok).toBe(true);
	return paid.events;
}

async function renewEvents(tenantId: string): Promise<SignedEvent[]> {
	const [row] = await db().select().from(subscriptions).where(eq(subscriptions.tenantId, tenantId));
	return (await fake(`/_fake/subscriptions/${row?.stripeSubscriptionId}/renew`)).events;
}

describe("referral code and sign-up attribution", () => {
	it("gives each agency its own code and link; a sign-up with it shows on the referrer's page only", async () => {
		const mine = await overview(acme);
		expect(mine).toMatchObject({ signUps: 0, conversions: 0, creditsEarned: 0, discountPercent: 20, rewardCredits: 1000, windowDays: 30 });
		expect(mine.code).toMatch(/^[A-Z2-9]{8}$/);
		expect(mine.link).toBe(`http://${PLATFORM}/signup?ref=${mine.code}`);
		expect((await overview(acme)).code).toBe(mine.code);

		await signUpAgency("newco", { agencyName: "New Co", referralCode: mine.code.toLowerCase(), referralLandedAt: Date.now() - 86_400_000 });
		const after = await overview(acme);
		expect(after).toMatchObject({
			signUps: 1,
			conversions: 0,
			referrals: [{ agencyName: "New Co", convertedAt: null, rewardCredits: null }],
		});

		// Cross-tenant: beta has its own code and sees none of acme's referrals.
		const theirs = await overview(beta);
		expect(theirs.code).not.toBe(mine.code);
		expect(theirs).toMatchObject({ signUps: 0, referrals: [] });
	});

	it("refuses unknown, expired and self-referring codes with 422 naming the field, creating nothing", async () => {
		const { code } = await overview(acme);
		const cases: [Record<string, unknown>, string, string?][] = [
			[{ referralCode: "NOSUCHCODE" }, "is not a valid referral code"],
			[{ referralCode: "no!" }, "is not a valid referral code"],
			[{ referralCode: code, referralLandedAt: Date.now() - 31 * 86_400_000 }, "has expired: referral links count for 30 days"],
			[{ referralCode: code }, "cannot be used by a member of the referring agency", acme.owner.email],
		];
		for (const [fields, message, email] of cases) {
			const res = await signUpWith("gamma", fields, email);
			expect(res.status).toBe(422);
			expect((await problemOf(res)).errors).toEqual([{ path: "referralCode", message }]);
		}
		expect(await db().select().from(tenants).where(eq(tenants.slug, "gamma"))).toHaveLength(0);
		expect((await overview(acme)).signUps).toBe(0);
	});

	it("is for the owner only: staff are refused", async () => {
		await addMember(acme.tenantId, "staff", "sam@acme.test");
		const staff = await logIn(acme.host, "sam@acme.test");
		const res = await call(acme.host, "/api/v1/referrals", { cookie: staff });
		expect(res.status).toBe(403);
		expect((await call(acme.host, "/api/v1/referrals")).status).toBe(401);
	});
});

describe("referral discount and reward", () => {
	it("discounts the referee's first Checkout and rewards the referrer once, on its first paid invoice, however webhooks arrive", async () => {
		const { code } = await overview(acme);
		const newco = await signUpAgency("newco", { referralCode: code });
		const url = await checkoutUrl(newco);
		expect(await (await fetch(url)).text()).toContain("Discount: −29.80 USD");

		// The trial's free invoice is no conversion.
		const checkoutEvents = await pay(url);
		await deliverAll([...checkoutEvents].reverse());
		await deliverAll(checkoutEvents);
		expect((await overview(acme)).conversions).toBe(0);
		expect((await env.TENANT_GATE.getByName(acme.tenantId).credits()).available).toBe(0);

		// The first charged invoice (discounted) converts it; replays and reordering change nothing.
		const firstPaid = await renewEvents(newco.tenantId);
		await deliverAll([...firstPaid].reverse());
		await deliverAll(firstPaid);
		await deliverAll(await renewEvents(newco.tenantId));
		const gate = env.TENANT_GATE.getByName(acme.tenantId);
		expect((await gate.credits()).available).toBe(1000);
		const ledger = await gate.creditHistory(50, null);
		expect(ledger.entries.filter((e) => e.kind === "grant").map((e) => e.reason)).toEqual([
			"Referral reward: Agency newco paid its first invoice",
		]);
		expect(await overview(acme)).toMatchObject({ signUps: 1, conversions: 1, creditsEarned: 1000 });
		const audit = await db().select().from(auditEvents).where(eq(auditEvents.tenantId, acme.tenantId));
		expect(audit.filter((e) => e.action === "billing.referral_rewarded")).toHaveLength(1);
		// Neither the referee nor a bystander gets the reward.
		expect((await env.TENANT_GATE.getByName(newco.tenantId).credits()).available).toBe(0);
		expect((await env.TENANT_GATE.getByName(beta.tenantId).credits()).available).toBe(0);
	});

	it("gives no referral discount to an agency that was not referred", async () => {
		expect(await (await fetch(await checkoutUrl(beta))).text()).not.toContain("Discount");
	});
});
