/**
 * Referrals through the Stripe fake: an agency's code and link, sign-up attribution (bad, expired
 * and self-referring codes refused with 422 naming the field, mailbox variants included; the
 * landing time the server's own), the referee's discounted first Checkout, and the referrer's
 * reward granted exactly once however the webhooks arrive.
 */
import { env } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { auditEvents, subscriptions, tenants } from "../../schema/index";
import type { ReferralsOverview } from "../../schema/referrals";
import { createDb } from "../../worker/lib/db";
import { issueReferralLanding } from "../../worker/services/billing/referral-landing";
import { type Agency, logIn, PASSWORD, signUpAgency, uniqueSlug } from "../support/agencies";
import { call, freshIp, PLATFORM, problemOf } from "../support/http";
import { deliverAll, fake, type SignedEvent, sessionIdOf } from "../support/stripe";
import { addMember } from "./members";

vi.setConfig({ testTimeout: 30_000 });

let acme: Agency;
let beta: Agency;
beforeEach(async () => {
	acme = await signUpAgency(uniqueSlug("acme"));
	beta = await signUpAgency(uniqueSlug("beta"));
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

		await signUpAgency(uniqueSlug("newco"), {
			agencyName: "New Co",
			referralCode: mine.code.toLowerCase(),
			referralLandedAt: Date.now() - 86_400_000,
		});
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
		const gamma = uniqueSlug("gamma");
		const cases: [Record<string, unknown>, string, string?][] = [
			[{ referralCode: "NOSUCHCODE" }, "is not a valid referral code"],
			[{ referralCode: "no!" }, "is not a valid referral code"],
			[
				{ referralCode: code, referralLanding: (await issueReferralLanding(code, Date.now() - 31 * 86_400_000)).landing },
				"has expired: referral links count for 30 days",
			],
			[{ referralCode: code }, "cannot be used by a member of the referring agency", acme.owner.email],
		];
		for (const [fields, message, email] of cases) {
			const res = await signUpWith(gamma, fields, email);
			expect(res.status).toBe(422);
			expect((await problemOf(res)).errors).toEqual([{ path: "referralCode", message }]);
		}
		expect(await db().select().from(tenants).where(eq(tenants.slug, gamma))).toHaveLength(0);
		expect((await overview(acme)).signUps).toBe(0);
	});

	it("links to the platform's canonical address, whatever port or forwarded host the page was asked on", async () => {
		const res = await call(`${acme.host}:6666`, "/api/v1/referrals", {
			cookie: acme.ownerCookie,
			headers: { "X-Forwarded-Host": "evil.example", "X-Forwarded-Port": "6666" },
		});
		expect(res.status).toBe(200);
		const { link, code } = (await res.json()) as ReferralsOverview;
		expect(link).toBe(`http://${PLATFORM}/signup?ref=${code}`);
	});

	it("is for the owner only: staff are refused", async () => {
		await addMember(acme.tenantId, "staff", `sam@${acme.slug}.test`);
		const staff = await logIn(acme.host, `sam@${acme.slug}.test`);
		const res = await call(acme.host, "/api/v1/referrals", { cookie: staff });
		expect(res.status).toBe(403);
		expect((await call(acme.host, "/api/v1/referrals")).status).toBe(401);
	});
});

describe("self-referral and the landing time", () => {
	it("rate-limits landings per IP address with 429 and Retry-After, leaving other addresses alone", async () => {
		const { code } = await overview(acme);
		const ip = freshIp();
		const land = (from: string) => call(PLATFORM, "/api/v1/referrals/landing", { body: { code }, ip: from });
		for (let i = 0; i < 20; i++) expect((await land(ip)).status).toBe(200);
		const refused = await land(ip);
		expect(refused.status).toBe(429);
		expect(Number(refused.headers.get("Retry-After"))).toBeGreaterThan(0);
		expect((await problemOf(refused)).type).toMatch(/rate-limited$/);
		expect((await land(freshIp())).status).toBe(200);
	});

	const DAY = 86_400_000;

	async function storedLanding(slug: string): Promise<number | undefined> {
		const row = await env.DB.prepare(
			"SELECT r.landed_at AS landedAt FROM referrals r JOIN tenants t ON t.id = r.referred_tenant_id WHERE t.slug = ?",
		)
			.bind(slug)
			.first<{ landedAt: number }>();
		return row?.landedAt;
	}

	it("refuses a referee whose mailbox is a referring agency person's: +alias, Gmail dots, googlemail.com; creates nothing", async () => {
		// The mailbox is shared by the file's tests: this test's Gmail addresses carry its own tag.
		const tag = crypto.randomUUID().slice(0, 8);
		const referrer = await signUpAgency(uniqueSlug("self-ref-agency"), { email: `Ann.Lee.${tag}@gmail.com` });
		await addMember(referrer.tenantId, "staff", `sam@${referrer.slug}.test`);
		const { code } = await overview(referrer);
		const variants = [
			`annlee${tag}+promo@gmail.com`,
			`a.n.n.l.e.e.${tag}@googlemail.com`,
			`ANN.LEE.${tag.toUpperCase()}+x@GMAIL.COM`,
			`Sam+new@${referrer.slug.toUpperCase()}.test`,
		];
		const variantSlugs = uniqueSlug("self-ref-variant");
		for (const [i, email] of variants.entries()) {
			const res = await signUpWith(`${variantSlugs}-${i}`, { referralCode: code }, email);
			expect(res.status, email).toBe(422);
			expect((await problemOf(res)).errors, email).toEqual([
				{ path: "referralCode", message: "cannot be used by a member of the referring agency" },
			]);
		}
		const created = await env.DB.prepare("SELECT COUNT(*) AS n FROM tenants WHERE slug LIKE ?")
			.bind(`${variantSlugs}-%`)
			.first<{ n: number }>();
		expect(created?.n).toBe(0);
		expect((await overview(referrer)).signUps).toBe(0);

		const someoneElse = await signUpWith(uniqueSlug("self-ref-stranger"), { referralCode: code }, `ann.leeson.${tag}@gmail.com`);
		expect(someoneElse.status).toBe(201);
		expect((await overview(referrer)).signUps).toBe(1);
	});

	it("never trusts a landing time the client states: the window runs from the server's landing token, else from sign-up", async () => {
		const referrer = await signUpAgency(uniqueSlug("landing-referrer"));
		const stated = uniqueSlug("landing-stated");
		const viaToken = uniqueSlug("landing-token");
		const badSlugs = uniqueSlug("landing-bad");
		const { code } = await overview(referrer);

		// A stated time is ignored: a link "opened" 40 days ago still counts, and is stored as landing now.
		const before = Date.now();
		expect((await signUpWith(stated, { referralCode: code, referralLandedAt: before - 40 * DAY })).status).toBe(201);
		expect(await storedLanding(stated)).toBeGreaterThanOrEqual(before);

		// The platform's token for this code carries the time the link was opened.
		const issued = await call(PLATFORM, "/api/v1/referrals/landing", { body: { code: code.toLowerCase() }, ip: freshIp() });
		expect(issued.status).toBe(200);
		const token = (await issued.json()) as { landing: string; landedAt: number };
		expect(token.landing).not.toContain(code);
		expect((await signUpWith(viaToken, { referralCode: code, referralLanding: token.landing })).status).toBe(201);
		expect(await storedLanding(viaToken)).toBe(token.landedAt);

		// Forged, altered or another code's tokens are no evidence: the landing is the sign-up.
		const other = (await issueReferralLanding("OTHERCODE", before - 10 * DAY)).landing;
		const altered = `${token.landing.slice(0, -2)}${token.landing.at(-2) === "A" ? "B" : "A"}${token.landing.slice(-1)}`;
		const forged = JSON.stringify({ code, landedAt: before - 10 * DAY });
		for (const [i, referralLanding] of [other, altered, forged].entries()) {
			const started = Date.now();
			expect((await signUpWith(`${badSlugs}-${i}`, { referralCode: code, referralLanding })).status).toBe(201);
			expect(await storedLanding(`${badSlugs}-${i}`)).toBeGreaterThanOrEqual(started);
		}

		// Only the platform host stamps landings, and only well-formed codes.
		expect((await call(referrer.host, "/api/v1/referrals/landing", { body: { code }, ip: freshIp() })).status).toBe(404);
		const bad = await call(PLATFORM, "/api/v1/referrals/landing", { body: { code: "no!" }, ip: freshIp() });
		expect(bad.status).toBe(422);
		expect((await problemOf(bad)).errors).toEqual([{ path: "code", message: "is not a valid referral code" }]);
	});
});

describe("referral discount and reward", () => {
	it("discounts the referee's first Checkout and rewards the referrer once, on its first paid invoice, however webhooks arrive", async () => {
		const { code } = await overview(acme);
		const newco = await signUpAgency(uniqueSlug("newco"), { referralCode: code });
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
			`Referral reward: Agency ${newco.slug} paid its first invoice`,
		]);
		expect(await overview(acme)).toMatchObject({ signUps: 1, conversions: 1, creditsEarned: 1000 });
		const audit = await db().select().from(auditEvents).where(eq(auditEvents.tenantId, acme.tenantId));
		expect(audit.filter((e) => e.action === "billing.referral_rewarded")).toHaveLength(1);
		// Neither the referee (only its plan's allowance: the trial, then each renewal) nor a bystander gets the reward.
		const refereeGrants = (await env.TENANT_GATE.getByName(newco.tenantId).creditHistory(50, null)).entries.filter(
			(e) => e.kind === "grant",
		);
		expect(refereeGrants.map((e) => e.reason)).toEqual(["plan-period:pro", "plan-period:pro", "plan-start:pro"]);
		expect((await env.TENANT_GATE.getByName(beta.tenantId).credits()).available).toBe(0);
	});

	it("gives no referral discount to an agency that was not referred", async () => {
		expect(await (await fetch(await checkoutUrl(beta))).text()).not.toContain("Discount");
	});
});
