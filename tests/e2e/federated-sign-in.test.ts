/**
 * Signing in through an identity provider in Chromium, against the local fake provider started by
 * global-setup.ts: "Continue with Google" for a member whose verified Google address matches, and an
 * agency's own SSO (OpenID Connect) set up, its domain verified through the local DNS-over-HTTPS fake, tested and switched on on
 * Settings → Single sign-on, then "Continue with SSO". Its agency is
 * on the Agency plan, so the screens only that plan shows (SSO form, a new API key) get axe here.
 * The fake picks the person registered under the empty login hint, as a user picking an account.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FakeProfile } from "../fakes/oauth-profile";
import { FAKE_OAUTH_CLIENTS } from "../fakes/oauth-providers";
import { E2E_PASSWORD, signUpAgencyViaApi } from "./agencies";
import { launchBrowser, seriousA11yViolations, signInWithPassword, tenantUrl } from "./browser";
import { station } from "./station";

const { oauthUrl, dohUrl } = station();
let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

/** The person the fake provider signs in next (whoever is registered under the empty login hint). */
async function atProvider(provider: "google" | "oidc", email: string): Promise<void> {
	const profile: FakeProfile = { sub: `e2e-${email}`, email, emailVerified: true, name: "E2e Person" };
	const res = await fetch(`${oauthUrl}/__test/users`, { method: "POST", body: JSON.stringify({ provider, loginHint: "", profile }) });
	expect(res.status).toBe(204);
}

/** Who the page's session belongs to: GET /api/v1/me from the page, with its cookie. */
function signedInEmail(page: Page): Promise<string | null> {
	return page.evaluate(async () => {
		const me = (await (await fetch("/api/v1/me")).json()) as { user?: { email?: string } };
		return me.user?.email ?? null;
	});
}

describe("federated sign-in", () => {
	it("signs a member in with Google and lands on the next page", async () => {
		const agency = await signUpAgencyViaApi("oauth", "OAuth Agency");
		await atProvider("google", agency.ownerEmail);
		const page = await (await browser.newContext()).newPage();
		await page.goto(tenantUrl(agency.slug, "/signin?next=/account"));
		await page.getByRole("link", { name: "Continue with Google" }).click();
		await page.waitForURL(tenantUrl(agency.slug, "/account"));
		await expect.poll(() => signedInEmail(page)).toBe(agency.ownerEmail);
	});

	it("sets up the agency's SSO, tests it, switches it on, and signs in with it", { timeout: 120_000 }, async () => {
		const agency = await signUpAgencyViaApi("sso", "SSO Agency");
		const page = await (await browser.newContext()).newPage();
		await signInWithPassword(page, agency.slug, agency.ownerEmail, E2E_PASSWORD);
		// SSO is an Agency-plan feature: a trial through the local Stripe fake.
		await page.goto(tenantUrl(agency.slug, "/billing"));
		await page.getByRole("button", { name: "Start 14-day trial of Agency" }).click();
		await page.getByLabel("Card number").fill("4242 4242 4242 4242");
		await page.getByRole("button", { name: "Subscribe" }).click();
		await page.waitForURL(/\/billing\?checkout=success/);
		await expect.poll(async () => page.getByTestId("current-plan").textContent(), { timeout: 20_000 }).toMatch(/Agency/);

		await page.goto(tenantUrl(agency.slug, "/settings/sso"));
		await page.getByLabel("Issuer URL").fill(`${oauthUrl}/oidc/${agency.slug}`);
		await page.getByLabel("Client ID").fill(FAKE_OAUTH_CLIENTS.oidc.id);
		await page.getByLabel("Client secret").fill(FAKE_OAUTH_CLIENTS.oidc.secret);
		await page.getByLabel("Email domains").fill(`${agency.slug}.test`);
		await page.getByRole("button", { name: "Save settings" }).click();
		await page.getByText("Saved. Verify your domains and run a test sign-in before switching it on.").waitFor();
		// Publish the TXT record the page shows (as the owner would at their DNS host), then verify it.
		const record = page.getByRole("table", { name: `TXT record to create at ${agency.slug}.test's DNS provider` });
		const [name, value] = await Promise.all([record.locator("code").nth(0).textContent(), record.locator("code").nth(1).textContent()]);
		const published = await fetch(`${dohUrl}/__test/records`, {
			method: "POST",
			body: JSON.stringify({ name, type: "TXT", values: [value] }),
		});
		expect(published.status).toBe(204);
		await page.getByRole("button", { name: `Verify ${agency.slug}.test` }).click();
		await page.getByRole("status").getByText(`${agency.slug}.test is verified.`).waitFor();
		await atProvider("oidc", agency.ownerEmail);
		await page.getByRole("button", { name: "Run a test sign-in" }).click();
		await page.waitForURL(tenantUrl(agency.slug, "/settings/sso?tested=1"));
		await page.getByRole("button", { name: "Switch on" }).click();
		await page.getByRole("status").getByText("Single sign-on is on.").waitFor();
		// Screens only the Agency plan shows are axe-checked here rather than in accessibility.test.ts.
		const violations = (await seriousA11yViolations(page)).map((v) => `SSO settings: ${v}`);
		await page.goto(tenantUrl(agency.slug, "/settings/api-keys"));
		await page.getByLabel("Name", { exact: true }).fill("Reporting");
		await page.getByRole("group", { name: "Scopes" }).getByRole("checkbox").first().check();
		await page.getByRole("button", { name: "Create key" }).click();
		await page.getByRole("button", { name: "Copy key" }).waitFor();
		violations.push(...(await seriousA11yViolations(page)).map((v) => `new API key: ${v}`));
		expect(violations).toEqual([]);

		await page.goto(tenantUrl(agency.slug, "/account"));
		await page.getByRole("main").getByRole("button", { name: "Sign out" }).click();
		await page.waitForURL(/\/signin/);
		await page.getByRole("link", { name: "Continue with SSO" }).click();
		await page.waitForURL(tenantUrl(agency.slug, "/"));
		await expect.poll(() => signedInEmail(page)).toBe(agency.ownerEmail);
	});
});
