/**
 * Bringing the agency's own AI key, through the PWA as an owner would: top up credits, connect an
 * OpenAI-compatible endpoint (the AI providers' local fake, reached through the outbound guard) in
 * Settings → AI providers — a wrong key is refused beside its field, the right one passes the check
 * and shows only its last four — then ask the assistant: the reply streams in from the endpoint,
 * is paid in credits, and Usage shows those credits by model and by person. Then the assistant's
 * other agency screens: prompt templates added and edited, and safety settings that refuse a question.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FAKE_KEYS } from "../fakes/ai-provider-fixtures";
import { E2E_PASSWORD, signUpAgencyViaApi } from "./agencies";
import { launchBrowser, seriousA11yViolations, signInWithPassword, tenantUrl } from "./browser";
import { station } from "./station";

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

/** The fake streams a token every 40 ms for 2 s when asked with [[short-stream]]; polls wait up to 20 s. */
const WAIT = { timeout: 20_000 };
const ENDPOINT_MODEL = "fake-llama-3.3-70b (your endpoint)";

const endpointCard = (page: Page) => page.getByRole("region", { name: "OpenAI-compatible endpoint" });

/** The rows of the Usage table captioned `caption`, as their cells' texts. */
function tableRows(page: Page, caption: string): Promise<string[][]> {
	return page
		.getByRole("table", { name: caption })
		.locator("tbody tr")
		.evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll("th, td")].map((cell) => cell.textContent?.trim() ?? "")));
}

async function topUp(page: Page, slug: string): Promise<void> {
	await page.goto(tenantUrl(slug, "/billing"));
	await page.getByRole("button", { name: "Buy 1,000 AI credits for $10.00" }).click();
	await page.getByLabel("Card number").fill("4242 4242 4242 4242");
	await page.getByRole("button", { name: "Pay" }).click();
	await page.waitForURL(/\/billing\?top-up=success/);
	const credits = () => page.evaluate(async () => (await fetch("/api/v1/usage/credits")).json());
	await expect.poll(credits, WAIT).toEqual({ balance: 1000, reserved: 0, available: 1000 });
}

describe("the agency's own AI key", () => {
	it("owner connects an OpenAI-compatible endpoint, the check passes, a reply streams through it, and Usage shows its credits by model and person", async () => {
		const agency = await signUpAgencyViaApi("aikeys-e2e", "Own Key Studio");
		const page = await (await browser.newContext()).newPage();
		await signInWithPassword(page, agency.slug, agency.ownerEmail, E2E_PASSWORD);
		await topUp(page, agency.slug);

		// Settings → AI providers, through the Settings navigation.
		await page.goto(tenantUrl(agency.slug, "/settings"));
		await page.getByRole("link", { name: "AI providers" }).first().click();
		await page.waitForURL(tenantUrl(agency.slug, "/settings/ai-providers"));
		const card = endpointCard(page);
		await expect.poll(() => card.textContent(), WAIT).toContain("Not connected.");
		await card.getByLabel("Base URL").fill(`${station().fakeAiUrl}/openai/v1`);
		await card.getByLabel("Models").fill("fake-llama-3.3-70b");

		// A wrong key: the check call fails and says so beside the key; nothing is connected.
		await card.getByLabel("API key").fill("sk-not-the-right-key");
		await card.getByRole("button", { name: "Check and connect" }).click();
		await expect
			.poll(() => card.locator(".field-error").first().textContent(), WAIT)
			.toBe("API key was refused by OpenAI-compatible endpoint (401): check the key");
		expect(await card.textContent()).toContain("Not connected.");

		await card.getByLabel("API key").fill(FAKE_KEYS.openai);
		await card.getByRole("button", { name: "Check and connect" }).click();
		await expect
			.poll(() => card.getByRole("status").first().textContent(), WAIT)
			.toBe(`Key …${FAKE_KEYS.openai.slice(-4)} checked and saved.`);
		const connected = (await card.textContent()) ?? "";
		expect(connected).toContain(`…${FAKE_KEYS.openai.slice(-4)}`);
		expect(connected).toContain("Passed");
		expect(connected).toContain(ENDPOINT_MODEL);
		// The key itself never comes back to the page.
		expect(await page.content()).not.toContain(FAKE_KEYS.openai);
		await card.getByRole("button", { name: "Check key" }).click();
		await expect.poll(() => card.getByRole("status").first().textContent(), WAIT).toBe("Checked.");
		expect(await seriousA11yViolations(page)).toEqual([]);

		// The assistant offers the endpoint's model first; the reply streams in, token by token.
		await page.goto(tenantUrl(agency.slug, "/assistant"));
		const model = page.getByLabel("Model");
		await expect.poll(() => model.locator("option:checked").textContent(), WAIT).toBe(ENDPOINT_MODEL);
		expect(await model.locator("option").allTextContents()).toContain("Demo model — not a real AI");
		await page.getByLabel("Message", { exact: true }).fill("Draft the launch email [[short-stream]]");
		await page.getByRole("button", { name: "Send" }).click();
		const streaming = page.locator('.chat-message.from-assistant[aria-busy="true"] .chat-text');
		await expect.poll(() => streaming.textContent(), WAIT).toMatch(/^word( word)+/);
		const partial = ((await streaming.textContent()) ?? "").replace(/…$/, "").trim();
		const reply = page.locator(".chat-message.from-assistant .chat-text").first();
		await expect.poll(async () => (await reply.textContent())?.split(" ").length, WAIT).toBe(50);
		expect(partial.split(" ").length).toBeLessThan(50);
		await expect
			.poll(() => page.locator(".chat-message.from-assistant .chat-meta").textContent(), WAIT)
			.toBe("Assistant · fake-llama-3.3-70b");

		// Paid in credits: 1,000 tokens in at 1 credit and 500 out at 4 credits per 1,000 = 3.
		await page.goto(tenantUrl(agency.slug, "/usage"));
		await expect.poll(() => tableRows(page, "Credits used by model"), WAIT).toEqual([[ENDPOINT_MODEL, "1", "3", "$0.03"]]);
		expect(await tableRows(page, "Credits used by person")).toEqual([["Test Owner (you)", "1", "3", "$0.03"]]);
		const today = new Date().toISOString().slice(0, 10);
		expect(await tableRows(page, "Credits by day, feature, person and model")).toEqual([
			[today, "Assistant", "Test Owner (you)", ENDPOINT_MODEL, "1", "3", "$0.03"],
		]);
		expect(await page.getByRole("region", { name: "Credits" }).textContent()).toContain("Available997");
	});

	it("owner adds and edits a shared prompt template and switches moderation on in Settings: the composer offers the template, a blocked term is refused", async () => {
		const agency = await signUpAgencyViaApi("aikeys-tpl", "Template Studio");
		const page = await (await browser.newContext()).newPage();
		await signInWithPassword(page, agency.slug, agency.ownerEmail, E2E_PASSWORD);

		await page.goto(tenantUrl(agency.slug, "/assistant"));
		await page.getByRole("link", { name: "Prompt templates" }).click();
		await page.waitForURL(tenantUrl(agency.slug, "/assistant/templates"));
		const add = page.getByRole("form", { name: "New template" });
		await add.getByLabel("Title").fill("Launch email");
		await add.getByLabel("Text").fill("Draft the launch email for {{client}} about {{product}}.");
		await add.getByLabel("Share with the whole agency").check();
		await add.getByRole("button", { name: "Add template" }).click();
		const announced = (text: string) => page.getByRole("status").filter({ hasText: text }).count();
		await expect.poll(() => announced("Added “Launch email”."), WAIT).toBe(1);
		const rows = () => tableRows(page, "Prompt templates");
		await expect
			.poll(async () => (await rows()).map((r) => r.slice(0, 3)), WAIT)
			.toEqual([["Launch email", "The whole agency", "client, product"]]);

		await page.getByRole("button", { name: "Edit Launch email" }).click();
		const edit = page.getByRole("form", { name: "Edit template Launch email" });
		await edit.getByLabel("Title").fill("Launch announcement");
		await edit.getByRole("button", { name: "Save template" }).click();
		await expect.poll(async () => (await rows()).map((r) => r[0]), WAIT).toEqual(["Launch announcement"]);
		expect(await seriousA11yViolations(page)).toEqual([]);

		// Settings → Assistant safety: moderation on with a blocked term, kept after a reload.
		await page.goto(tenantUrl(agency.slug, "/settings"));
		await page.getByRole("link", { name: "Assistant safety" }).first().click();
		await page.waitForURL(tenantUrl(agency.slug, "/settings/assistant-safety"));
		await page.getByLabel(/^Moderation on/).check();
		await page.getByLabel("Blocked terms").fill("secret sauce");
		await page.getByRole("button", { name: "Save safety settings" }).click();
		await expect.poll(() => announced("Saved."), WAIT).toBe(1);
		await page.reload();
		await expect.poll(() => page.getByLabel("Blocked terms").inputValue(), WAIT).toBe("secret sauce");
		expect(await page.getByLabel(/^Moderation on/).isChecked()).toBe(true);
		expect(await seriousA11yViolations(page)).toEqual([]);

		// The composer offers the edited template; a question with the blocked term is refused and nothing is sent.
		await page.goto(tenantUrl(agency.slug, "/assistant"));
		await page.getByLabel("Model").selectOption({ label: "Demo model — not a real AI" });
		await page.getByLabel("Template").selectOption({ label: "Launch announcement (shared)" });
		expect(await page.getByLabel("Message", { exact: true }).inputValue()).toBe("Draft the launch email for {{client}} about {{product}}.");
		await page.getByLabel("Message", { exact: true }).fill("What is our Secret Sauce?");
		await page.getByRole("button", { name: "Send" }).click();
		await expect.poll(() => page.locator("h1 + [role=alert]").textContent(), WAIT).toBe("content: contains something your agency blocks");
		expect(await page.locator(".chat-message").count()).toBe(0);
	});
});
