/** axe-core finds no serious or critical WCAG 2.1 AA violation on any page of the shell. */
import { decodeBase32IgnorePadding } from "@oslojs/encoding";
import { generateHOTP } from "@oslojs/otp";
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_IDS } from "../../scripts/lib/demo-portal-seed";
import { LOCAL_OPERATOR_TOKEN } from "../../scripts/lib/local-app";
import { E2E_PASSWORD, signUpAgencyViaApi } from "./agencies";
import { launchBrowser, platformUrl, seriousA11yViolations, signInToNorthwind, tenantUrl } from "./browser";

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

/** The authenticator app's current code for a base32 key. */
function totp(key: string): string {
	return generateHOTP(decodeBase32IgnorePadding(key), BigInt(Math.floor(Date.now() / 30_000)), 6);
}

/**
 * Opens `url`, waits until `ready`, and answers axe's serious and critical violations there in the
 * light theme and then in the dark one (issue #17: every page in light and dark). Each pass sets
 * <html>'s data-theme, as a person's appearance choice does; the page's own theme is put back after.
 */
async function check(page: Page, url: string, ready: () => Promise<unknown>): Promise<string[]> {
	await page.goto(url);
	await ready();
	return inBothThemes(page, url);
}

/** axe on the page as it is, in the light theme and then in the dark one, each violation named by `where` and the theme. */
async function inBothThemes(page: Page, where: string): Promise<string[]> {
	const setTheme = (theme: string) =>
		page.evaluate((value) => {
			const previous = document.documentElement.dataset.theme ?? "";
			document.documentElement.dataset.theme = value;
			return previous;
		}, theme);
	const shown = await setTheme("light");
	const light = (await seriousA11yViolations(page)).map((v) => `${where} (light): ${v}`);
	await setTheme("dark");
	const dark = (await seriousA11yViolations(page)).map((v) => `${where} (dark): ${v}`);
	await setTheme(shown);
	return [...light, ...dark];
}

/**
 * Opens `path` inside the running app as a click on a link does (history and popstate, which
 * preact-iso's router follows): no document load and no second axe injection, 0.05–0.1 s instead of
 * 0.3–0.6 s per page (docs/PERFORMANCE.md). What the old page showed is stamped first, so `ready`
 * must match an element the new page made: a marker left over from the old page never counts.
 */
async function openInApp(page: Page, path: string, ready: Locator): Promise<void> {
	// Off every control, as after a document load: a pointer left where the last click was would
	// show the new page's control under it in its hover colours.
	await page.mouse.move(0, 0);
	if ((await page.evaluate(() => location.pathname + location.search)) === path) {
		await ready.first().waitFor();
		return;
	}
	await page.evaluate((to) => {
		for (const element of document.querySelectorAll("main, main *")) element.setAttribute("data-previous-page", "");
		history.pushState(null, "", to);
		dispatchEvent(new PopStateEvent("popstate"));
	}, path);
	await ready.and(page.locator(":not([data-previous-page])")).first().waitFor();
	await page.evaluate(() => {
		for (const element of document.querySelectorAll("[data-previous-page]")) element.removeAttribute("data-previous-page");
	});
}

/** openInApp, then axe in both themes; violations named by the path. */
async function checkInApp(page: Page, path: string, ready: Locator): Promise<string[]> {
	await openInApp(page, path, ready);
	return inBothThemes(page, path);
}

/**
 * A page of the navigation sweeps is shown once its own heading is there and nothing in it is
 * still loading (tables and charts say so with aria-busy).
 */
async function checkSweptPage(page: Page, path: string): Promise<string[]> {
	await openInApp(page, path, page.locator("main h1"));
	await expect.poll(() => page.locator('main [aria-busy="true"]').count()).toBe(0);
	return inBothThemes(page, path);
}

/** One signed-in page per demo member, signed in on first use and shared by the tests (one sign-in per role). */
const members = new Map<string, Promise<Page>>();
function signedIn(email: string): Promise<Page> {
	let member = members.get(email);
	if (!member) {
		member = (async () => {
			const page = await (await browser.newContext()).newPage();
			await signInToNorthwind(page, email);
			return page;
		})();
		members.set(email, member);
	}
	return member;
}

describe("accessibility", () => {
	// The checker itself: planted faults on a real page are reported, so a clean result means something.
	it("reports an image without text and grey-on-white text planted on a page", async () => {
		const context = await browser.newContext();
		const page = await context.newPage();
		await page.goto(tenantUrl("northwind", "/signin"));
		await page.getByRole("button", { name: "Sign in", exact: true }).waitFor();
		expect(await seriousA11yViolations(page)).toEqual([]);
		await page.evaluate(() => {
			// Styles through the CSSOM: the app's CSP refuses inline style attributes.
			const main = document.querySelector("main");
			const image = document.createElement("img");
			image.id = "planted-image";
			image.src = "/favicon.svg";
			const faint = document.createElement("p");
			faint.id = "planted-text";
			faint.textContent = "Faint";
			faint.style.color = "#bbb";
			faint.style.background = "#fff";
			main?.appendChild(image);
			main?.appendChild(faint);
		});
		const violations = await seriousA11yViolations(page);
		expect(violations).toContainEqual(expect.stringMatching(/^image-alt \(critical\): #planted-image/));
		expect(violations).toContainEqual(expect.stringMatching(/^color-contrast \(serious\): #planted-text/));
		// Text in the theme's text colour on a fixed white box reads in light and fails in dark only.
		await page.evaluate(() => {
			const box = document.createElement("p");
			box.id = "planted-dark-only";
			box.textContent = "Readable in light only";
			box.style.color = "var(--color-text)";
			box.style.background = "#fff";
			document.querySelector("main")?.appendChild(box);
		});
		const themed = (await inBothThemes(page, "planted")).filter((v) => v.includes("#planted-dark-only"));
		expect(themed).toEqual([expect.stringMatching(/^planted \(dark\): color-contrast \(serious\): .*#planted-dark-only/)]);
		await context.close();
	});

	it("signed-out pages", async () => {
		const context = await browser.newContext();
		const page = await context.newPage();
		const token = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
		// One document load per host; then in-app, each page a different route than the one before
		// (the reset page reads its token when it opens, so the two reset pages are never neighbours).
		const violations = [
			...(await check(page, platformUrl("/"), () => page.getByRole("button", { name: "Create agency" }).waitFor())),
			...(await check(page, tenantUrl("northwind", "/signin"), () => page.getByRole("button", { name: "Sign in", exact: true }).waitFor())),
			...(await checkInApp(page, "/welcome", page.locator("main h1"))),
			...(await checkInApp(page, "/reset-password", page.getByRole("button", { name: "Send the link" }))),
			...(await checkInApp(page, `/invite?token=${token}`, page.getByRole("heading", { name: "This invitation cannot be used" }))),
			...(await checkInApp(page, `/reset-password?token=${token}`, page.getByRole("button", { name: "Set new password" }))),
			...(await checkInApp(page, `/verify-email?token=${token}`, page.getByRole("link", { name: "Sign in" }))),
			...(await checkInApp(page, `/unlock?token=${token}`, page.getByRole("link", { name: "Sign in" }))),
		];
		expect(violations).toEqual([]);
		await context.close();
	});

	// Twenty-odd pages with axe each: on a busy 2-core machine this needs more than the default minute.
	it("every page of the staff workspace's navigation", { timeout: 150_000 }, async () => {
		const page = await signedIn("owner@northwind.test");
		const nav = page.getByRole("navigation", { name: /main/i });
		const hrefs = await nav.getByRole("link").evaluateAll((links) => links.map((l) => l.getAttribute("href") ?? ""));
		const violations: string[] = [];
		for (const href of [...new Set([...hrefs, "/account", "/account/security", "/no-such-page"])]) {
			violations.push(...(await checkSweptPage(page, href)));
		}
		expect(hrefs.length).toBeGreaterThanOrEqual(8);
		expect(violations).toEqual([]);
	});

	it("every page of the agency's settings", { timeout: 150_000 }, async () => {
		const page = await signedIn("owner@northwind.test");
		const violations: string[] = [];
		const settings = [
			"/settings",
			"/settings/team",
			"/settings/roles",
			"/settings/api-keys",
			"/settings/audit-log",
			"/settings/invitation-domains",
			"/settings/security",
			"/settings/brand",
			"/settings/domains",
			"/settings/messaging",
			"/settings/support",
			"/settings/sso",
			"/settings/bookings",
			"/settings/onboarding",
		];
		for (const href of settings) violations.push(...(await checkSweptPage(page, href)));
		expect(violations).toEqual([]);
	});

	// The identity screens with their data: passkey listed, sessions and sign-ins, authenticator
	// enrolment and recovery codes, an open invitation, the API key form's refusal, then the second
	// sign-in step. (Sign-in, sign-up, reset, verify, unlock, invite and the settings pages are above;
	// the Agency-plan screens, the SSO form and a new API key revealed, are checked in
	// federated-sign-in.test.ts, whose agency has that plan.)
	it("a new agency owner's identity screens with their data", { timeout: 150_000 }, async () => {
		const agency = await signUpAgencyViaApi("a11y-identity", "Accessible Identity");
		const context = await browser.newContext();
		const page = await context.newPage();
		const cdp = await context.newCDPSession(page);
		await cdp.send("WebAuthn.enable");
		await cdp.send("WebAuthn.addVirtualAuthenticator", {
			options: { protocol: "ctap2", transport: "internal", hasResidentKey: true, hasUserVerification: true, isUserVerified: true },
		});
		const signIn = async () => {
			await page.goto(tenantUrl(agency.slug, "/signin"));
			await page.getByLabel("Email").fill(agency.ownerEmail);
			await page.getByLabel("Password").fill(E2E_PASSWORD);
			await page.getByRole("button", { name: "Sign in", exact: true }).click();
		};
		await signIn();
		await page.waitForURL(tenantUrl(agency.slug, "/"));
		const violations: string[] = [];
		const axe = async (screen: string) => violations.push(...(await inBothThemes(page, screen)));

		await openInApp(page, "/account/security", page.getByLabel("Name for the new passkey"));
		await page.getByLabel("Name for the new passkey").fill("Test laptop");
		await page.getByRole("button", { name: "Add a passkey" }).click();
		await page.getByRole("button", { name: "Remove Test laptop" }).waitFor();
		await page.getByRole("region", { name: "Where you are signed in" }).getByRole("listitem").first().waitFor();
		await page.getByRole("region", { name: "Recent sign-ins" }).getByRole("table").waitFor();
		await page.getByRole("button", { name: "Set up an authenticator app" }).click();
		await page.getByRole("img", { name: "QR code for your authenticator app" }).waitFor();
		await axe("security with authenticator enrolment");
		const key = (await page.getByTestId("totp-secret").textContent())?.trim() ?? "";
		await page.getByLabel("6-digit code from the app").fill(totp(key));
		await page.getByRole("button", { name: "Turn on" }).click();
		await page.getByRole("list", { name: "Recovery codes" }).getByRole("listitem").first().waitFor();
		await axe("recovery codes");

		await openInApp(page, "/settings/team", page.getByRole("form", { name: "Invite someone" }));
		await page.getByRole("form", { name: "Invite someone" }).getByLabel("Email", { exact: true }).fill(`new@${agency.slug}.test`);
		await page.getByRole("button", { name: "Send invitation" }).click();
		await page.getByRole("cell", { name: `new@${agency.slug}.test`, exact: true }).waitFor();
		await axe("team with an invitation");

		await openInApp(
			page,
			"/settings/api-keys",
			page.getByRole("note").getByText("Your Starter plan does not include API access.", { exact: false }),
		);
		await axe("API keys on a plan without API access");

		await openInApp(page, "/account", page.getByRole("main").getByRole("button", { name: "Sign out" }));
		await page.getByRole("main").getByRole("button", { name: "Sign out" }).click();
		await page.waitForURL(/\/signin/);
		await signIn();
		await page.getByRole("heading", { name: "Two-step sign-in" }).waitFor();
		await axe("second sign-in step");
		expect(violations).toEqual([]);
		await context.close();
	});

	it("the settings a staff member sees", async () => {
		const page = await signedIn("staff@northwind.test");
		const violations = await checkInApp(page, "/settings/team", page.getByRole("heading", { name: "Members" }));
		expect(violations).toEqual([]);
		// Staff read the team; the controls to change it are not offered.
		expect(await page.getByRole("button", { name: /Remove/ }).count()).toBe(0);
		expect(await page.getByRole("button", { name: "Send invitation" }).count()).toBe(0);
	});

	it("a client's own security page, and the role editor showing a refusal and a hovered button", async () => {
		const client = await signedIn("client@northwind.test");
		const violations = await checkInApp(client, "/account/security", client.getByRole("table", { name: /Your sign-in attempts/ }));
		const owner = await signedIn("owner@northwind.test");
		violations.push(...(await checkInApp(owner, "/settings/roles", owner.getByRole("heading", { name: "New role" }))));
		await owner.getByRole("button", { name: "Create role" }).click();
		await owner.locator("#role-name-error").waitFor();
		violations.push(...(await inBothThemes(owner, "/settings/roles with an error")));
		// A button under the pointer shows its hover colours, which must read as well (the primary
		// button's dark hover was white on a light blue, 3.2:1).
		await owner.getByRole("button", { name: "Create role" }).hover();
		violations.push(...(await inBothThemes(owner, "/settings/roles, the pointer on Create role")));
		expect(violations).toEqual([]);
	});

	it("the portal's staff pages with their data loaded", async () => {
		const page = await signedIn("staff@northwind.test");
		const violations = [
			...(await checkInApp(page, "/", page.getByRole("heading", { name: "Upcoming bookings" }))),
			...(await checkInApp(page, "/clients", page.getByRole("link", { name: "Acme Bakery" }))),
			...(await checkInApp(page, `/clients/${DEMO_IDS.bakery}`, page.getByRole("heading", { name: "People" }))),
			...(await checkInApp(page, "/projects", page.getByRole("progressbar"))),
			...(await checkInApp(page, `/projects/${DEMO_IDS.project}`, page.getByRole("button", { name: "Add deliverable" }))),
			...(await checkInApp(page, "/messages", page.getByRole("button", { name: "Start conversation" }))),
			...(await checkInApp(page, "/documents", page.getByRole("button", { name: "Create folder" }))),
			...(await checkInApp(page, "/onboarding", page.getByRole("heading", { name: "Onboarding", level: 1 }))),
		];
		expect(violations).toEqual([]);
	});

	it("the portal's client pages with their data loaded", async () => {
		const page = await signedIn("client@northwind.test");
		const violations = [
			...(await checkInApp(page, "/", page.getByRole("heading", { name: "Your next call" }))),
			...(await checkInApp(page, "/projects", page.getByRole("progressbar"))),
			...(await checkInApp(page, `/projects/${DEMO_IDS.project}`, page.getByRole("heading", { name: "Deliverables" }))),
			...(await checkInApp(page, "/messages", page.getByRole("heading", { name: "Conversations" }))),
			...(await checkInApp(page, "/documents", page.getByRole("navigation", { name: "Folder path" }))),
		];
		expect(violations).toEqual([]);
	});

	it("the Deliverables page with its list loaded, for staff and for a client", { timeout: 120_000 }, async () => {
		const violations: string[] = [];
		for (const email of ["staff@northwind.test", "client@northwind.test"]) {
			const page = await signedIn(email);
			violations.push(...(await checkInApp(page, "/downloads", page.getByRole("checkbox", { name: "Homepage design" }))));
		}
		expect(violations).toEqual([]);
	});

	it("the Billing page with its plans loaded, the Referrals page, and Usage with its low-balance alert form", async () => {
		const page = await signedIn("owner@northwind.test");
		const violations = [
			...(await checkInApp(page, "/billing", page.getByTestId("current-plan"))),
			...(await checkInApp(page, "/billing/referrals", page.getByTestId("referral-code"))),
			...(await checkInApp(page, "/usage", page.getByText(/^(No low-balance alert is sent|An alert goes out when)/))),
		];
		expect(violations).toEqual([]);
	});

	it("every page of the client portal", async () => {
		const page = await signedIn("client@northwind.test");
		const nav = page.getByRole("navigation", { name: /main/i });
		const hrefs = await nav.getByRole("link").evaluateAll((links) => links.map((l) => l.getAttribute("href") ?? ""));
		const violations: string[] = [];
		for (const href of hrefs) violations.push(...(await checkSweptPage(page, href)));
		expect(violations).toEqual([]);
	});

	it("a conversation with a message, presence and the composer", async () => {
		const page = await signedIn("client@northwind.test");
		await openInApp(page, `/projects/${DEMO_IDS.project}`, page.getByLabel("Subject"));
		await page.getByLabel("Subject").fill("Conversation page check");
		await page.getByRole("button", { name: "Start a conversation" }).click();
		await page.waitForURL(/\/messages\/[0-9a-f-]{36}$/);
		await page.getByLabel("Message", { exact: true }).fill("Checking the conversation page");
		await page.getByRole("button", { name: "Send" }).click();
		await page.getByText("Checking the conversation page").waitFor();
		expect(await inBothThemes(page, "a conversation")).toEqual([]);
	});

	it("the assistant with a conversation, a streamed reply and the edit form open", async () => {
		const page = await signedIn("staff@northwind.test");
		await openInApp(page, "/assistant", page.getByLabel("Model"));
		// The demo agency holds no credits: the free local model answers.
		await page.getByLabel("Model").selectOption({ label: "Demo model — not a real AI" });
		await page.getByLabel("Message", { exact: true }).fill("Is this page accessible?");
		await page.getByRole("button", { name: "Send" }).click();
		await page.locator(".chat-message.from-assistant .chat-meta", { hasText: "atrium-echo" }).waitFor();
		await page.getByRole("button", { name: "Edit" }).click();
		expect(await inBothThemes(page, "the assistant")).toEqual([]);
	});

	it("the operator console: sign-in with an error, agencies, invoices and the coupon form with field errors", async () => {
		const page = await (await browser.newContext()).newPage();
		await page.goto(platformUrl("/operator"));
		await page.getByRole("button", { name: "Sign in" }).click();
		await page.locator("#token-error").waitFor();
		const violations = await inBothThemes(page, "/operator sign-in");
		await page.getByLabel("Operator token").fill(LOCAL_OPERATOR_TOKEN);
		await page.getByRole("button", { name: "Sign in" }).click();
		// Other test files sign up many agencies: the seeded one may not be on the first page.
		await page.getByLabel("Agency name").fill("Northwind Studio");
		await page.getByRole("button", { name: "Search" }).click();
		await page.getByRole("button", { name: "Invoices of Northwind Studio" }).click();
		await page.getByRole("heading", { name: "Invoices of Northwind Studio" }).waitFor();
		await page.getByLabel("Percent off").fill("lots");
		await page.getByRole("button", { name: "Create" }).click();
		await page.locator("#percentOff-error").waitFor();
		violations.push(...(await inBothThemes(page, "/operator console")));
		expect(violations).toEqual([]);
	});
});
