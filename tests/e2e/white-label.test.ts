/**
 * White label without leaks, as people use it: the owner of a Pro agency renames it (the header
 * follows at once, no reload), sets a sender name and uploads a logo; a client invited by email
 * joins, and from then on sees only the agency's logo and name — header, sign-in page, tab title,
 * favicon, installed-app manifest, the pages of their portal — and every email they received comes
 * from the agency's sender name with its logo, never from or about Atrium.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { E2E_PASSWORD, type E2eAgency, signUpAgencyViaApi, subscribeToPro } from "./agencies";
import { apiInPage, launchBrowser, signInWithPassword, tenantUrl } from "./browser";
import { mailsTo } from "./mailbox";

let browser: Browser;
let agency: E2eAgency;
beforeAll(async () => {
	browser = await launchBrowser();
	agency = await signUpAgencyViaApi("wl-leaks", "Wl Draft Name");
});
afterAll(async () => {
	await browser?.close();
});

const SLOW = { timeout: 20_000, interval: 100 };
const NAME = "Verdant Wl Studio";
const SENDER = "Verdant Wl Team";
const LOGO_SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="240" height="120"><rect width="240" height="120" fill="#0b6e4f"/><text x="20" y="80" font-size="64" fill="#fff">VW</text></svg>`;

const header = (page: Page) => page.locator(".app-header-brand");

/** What a person sees of the brand on this page: the header's or the sign-in frame's name and logo, the tab title, favicon and manifest. */
async function brandOn(page: Page, frame: string) {
	const logo = page.locator(`${frame} img`);
	return {
		name: (await page.locator(`${frame} span`).textContent())?.trim(),
		logo: (await logo.count()) === 1 ? await logo.getAttribute("src") : null,
		title: await page.title(),
		favicon: await page.locator('link[rel="icon"]').getAttribute("href"),
		manifest: (await page.evaluate(async () => (await fetch("/manifest.webmanifest")).json())) as {
			name: string;
			icons: { src: string }[];
		},
		text: (await page.locator("body").textContent()) ?? "",
	};
}

function expectAgencyBrand(seen: Awaited<ReturnType<typeof brandOn>>): void {
	expect(seen.name).toBe(NAME);
	expect(seen.logo).toMatch(/^\/brand\/logo-[0-9a-f]{16}\.png$/);
	expect(seen.title).toContain(NAME);
	expect(seen.favicon).toMatch(/^\/brand\/favicon-[0-9a-f]{16}\.png$/);
	expect(seen.manifest.name).toBe(NAME);
	expect(seen.manifest.icons.map((i) => i.src).every((src) => src.startsWith("/brand/"))).toBe(true);
	expect(seen.title).not.toMatch(/Atrium/);
	expect(seen.text).not.toMatch(/Atrium/);
}

describe("white label without leaks", () => {
	it("a client sees only the agency's logo and name in the app and in every email", async () => {
		const ownerContext = await browser.newContext();
		const owner = await ownerContext.newPage();
		await signInWithPassword(owner, agency.slug, agency.ownerEmail, E2E_PASSWORD);
		await subscribeToPro(owner);

		// The owner renames the agency: the header follows at once, without a reload.
		await owner.goto(tenantUrl(agency.slug, "/settings/brand"));
		await owner.getByLabel("Email sender name").waitFor(SLOW);
		const loadedAt = await owner.evaluate(() => performance.timeOrigin);
		await owner.getByLabel("Agency name").fill(NAME);
		await owner.getByLabel("Email sender name").fill(SENDER);
		await owner.getByRole("button", { name: "Save brand" }).click();
		await expect.poll(() => header(owner).locator("span").textContent(), SLOW).toBe(NAME);
		expect(await owner.evaluate(() => performance.timeOrigin)).toBe(loadedAt);

		// The logo: the header shows it at once too.
		await owner.locator('input[type="file"]').setInputFiles({ name: "logo.svg", mimeType: "image/svg+xml", buffer: Buffer.from(LOGO_SVG) });
		await expect.poll(() => header(owner).locator("img").getAttribute("src"), SLOW).toMatch(/^\/brand\/logo-[0-9a-f]{16}\.png$/);

		// A client is invited by email and joins through the link.
		const client = `client@${agency.slug}.test`;
		await apiInPage(owner, "POST", "/api/v1/invitations", { email: client, role: "client" });
		const [invitation] = await mailsTo(client, 1);
		const link = invitation?.text.match(/http:\/\/\S+\/invite\?token=[a-z2-7]{32}/)?.[0] ?? "";
		const clientContext = await browser.newContext();
		const page = await clientContext.newPage();
		await page.goto(link);
		await page.getByRole("heading", { name: `Join ${NAME}` }).waitFor(SLOW);
		expectAgencyBrand(await brandOn(page, ".auth-header"));
		await page.getByLabel("Your name").fill("Chris Client");
		await page.getByLabel("Password").fill(E2E_PASSWORD);
		await page.getByRole("button", { name: "Create account and join" }).click();
		await page.waitForURL(tenantUrl(agency.slug, "/"), SLOW);

		// Signed in: the header, tab, favicon, manifest and every page of the portal are the agency's.
		await header(page).locator("img").waitFor(SLOW);
		expectAgencyBrand(await brandOn(page, ".app-header-brand"));
		const nav = page.getByRole("navigation", { name: /main/i });
		const areas = await nav.getByRole("link").evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).pathname));
		expect(areas.length).toBeGreaterThan(2);
		for (const path of [...areas, "/account", "/account/security"]) {
			await page.goto(tenantUrl(agency.slug, path));
			await page.locator("main h1").first().waitFor(SLOW);
			const text = await page.locator("body").textContent();
			expect(text, path).not.toMatch(/Atrium/);
			expect(await page.title(), path).not.toMatch(/Atrium/);
		}

		// Signed out, the sign-in page is the agency's, down to the HTML the server sends.
		await page.locator(".app-header").getByRole("button", { name: "Sign out" }).click();
		await page.waitForURL(/\/signin/, SLOW);
		await page.locator(".auth-header img").waitFor(SLOW);
		expectAgencyBrand(await brandOn(page, ".auth-header"));
		const shell = await page.evaluate(async () => (await fetch("/signin", { headers: { Accept: "text/html" } })).text());
		expect(shell).toContain(`<title>${NAME}</title>`);
		expect(shell).toMatch(/<link rel="icon" href="\/brand\/favicon-[0-9a-f]{16}\.png" type="image\/png"/);
		expect(shell).not.toMatch(/Atrium/);

		// A password reset from the sign-in page: a second email.
		await page.getByRole("link", { name: "Forgot password?" }).click();
		// The sign-in page (and its Email field) stays until the reset page has loaded.
		await page.getByRole("heading", { name: "Forgot your password?" }).waitFor(SLOW);
		await page.getByLabel("Email").fill(client);
		await page.getByRole("button", { name: /reset|send/i }).click();
		await page.getByRole("heading", { name: "Check your email" }).waitFor(SLOW);

		// Every email the client received: the agency's sender name, its logo and name, no Atrium.
		const mails = await mailsTo(client, 2);
		expect(mails.map((m) => m.subject).sort()).toEqual(
			[`Reset your ${NAME} password`, expect.stringMatching(` invited you to ${NAME}$`)].sort(),
		);
		for (const mail of mails) {
			expect(mail.from).toMatch(new RegExp(`^"${SENDER}" <[^>]+>$`));
			expect(mail.html).toMatch(new RegExp(`<img src="http://${agency.slug}\\.localhost:\\d+/brand/logo-[0-9a-f]{16}\\.png"`));
			expect(mail.html).toContain(`>${NAME}</div>`);
			expect([mail.subject, mail.text, mail.html].filter((part) => /Atrium/.test(part))).toEqual([]);
		}
		await ownerContext.close();
		await clientContext.close();
	});
});
