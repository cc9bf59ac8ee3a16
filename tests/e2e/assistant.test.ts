/** The assistant in Chromium: chat with the local demo model, watch the reply stream in, reload mid-reply and keep everything. */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_IDS } from "../../scripts/lib/demo-portal-seed";
import { launchBrowser, seriousA11yViolations, signInToNorthwind, tenantUrl } from "./browser";

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

/** Replies stream for about a second (30 ms a word); polls wait up to 20 s (the machine may be busy). */
const WAIT = { timeout: 20_000 };

const replies = (page: Page) => page.locator(".chat-message.from-assistant .chat-text");

async function ask(page: Page, question: string): Promise<void> {
	await page.getByLabel("Message", { exact: true }).fill(question);
	await page.getByRole("button", { name: "Send" }).click();
}

describe("assistant", () => {
	it("streams the local model's answer token by token, and a reload mid-reply keeps the history and finishes the reply", async () => {
		const page = await (await browser.newContext()).newPage();
		await signInToNorthwind(page, "staff@northwind.test");
		await page.goto(tenantUrl("northwind", "/assistant"));
		const model = page.getByLabel("Model");
		await expect.poll(() => model.locator("option").allTextContents(), WAIT).toEqual(["Local demo model — not a real AI"]);

		await ask(page, "When is the Henderson launch?");
		const streaming = page.locator('.chat-message.from-assistant[aria-busy="true"] .chat-text');
		await streaming.waitFor();
		const partial = (await streaming.textContent()) ?? "";
		const final =
			'Local demo model — not a real AI. You asked: "When is the Henderson launch?". Your message has 5 words. Connect an AI provider to get real answers.';
		await expect.poll(() => replies(page).first().textContent(), WAIT).toBe(final);
		expect(final.startsWith(partial.replace(/…$/, ""))).toBe(true);
		expect(partial.length).toBeLessThan(final.length);
		expect(await seriousA11yViolations(page)).toEqual([]);

		await ask(page, "And who owns the copy?");
		await page.locator('.chat-message.from-assistant[aria-busy="true"]').waitFor();
		expect(page.url()).toMatch(/\/assistant\?c=/);
		await page.reload();
		await expect
			.poll(() => page.locator(".chat-message.from-user .chat-text").allTextContents())
			.toEqual(["When is the Henderson launch?", "And who owns the copy?"]);
		await expect.poll(() => replies(page).nth(1).textContent(), WAIT).toContain('You asked: "And who owns the copy?"');
		await expect.poll(() => replies(page).nth(1).textContent(), WAIT).toMatch(/real answers\.$/);
		expect(await replies(page).first().textContent()).toBe(final);
	});

	it("asks about a project from its page: the reply is given that project, which the client may see", async () => {
		const page = await (await browser.newContext()).newPage();
		await signInToNorthwind(page, "client@northwind.test");
		await page.goto(tenantUrl("northwind", `/projects/${DEMO_IDS.project}`));
		await page.getByRole("link", { name: "Ask the assistant about this project" }).click();
		await page.waitForURL(/\/assistant\?about=project/);
		await expect.poll(() => page.locator(".chat-about").textContent(), WAIT).toContain("Asking about project Website relaunch");
		await ask(page, "What comes next?");
		await expect
			.poll(() => replies(page).first().textContent(), WAIT)
			.toContain('Portal records I was given: project "Website relaunch" of Acme Bakery.');
	});

	it("editing an earlier message branches, with a 1/2 switcher", async () => {
		const page = await (await browser.newContext()).newPage();
		await signInToNorthwind(page, "client@northwind.test");
		await page.goto(tenantUrl("northwind", "/assistant"));
		await page.getByRole("button", { name: "New chat" }).click();
		await ask(page, "first version");
		await expect.poll(() => replies(page).first().textContent(), WAIT).toMatch(/real answers\.$/);
		await page.getByRole("button", { name: "Edit" }).click();
		await page.getByLabel("Edit your message").fill("second version");
		await page.getByRole("button", { name: "Save and regenerate" }).click();
		await expect.poll(() => replies(page).first().textContent(), WAIT).toContain('"second version"');
		await expect.poll(() => page.locator(".chat-message.from-user .branch-switcher").textContent(), WAIT).toContain("2/2");
		await page.getByRole("button", { name: "Previous version" }).click();
		await expect.poll(() => page.locator(".chat-message.from-user .chat-text").first().textContent(), WAIT).toBe("first version");
		await expect.poll(() => replies(page).first().textContent(), WAIT).toContain('"first version"');

		// Regenerate asks the same question again on a third branch; the earlier answers stay browsable.
		await page.getByRole("button", { name: "Regenerate" }).click();
		await expect.poll(() => page.locator(".chat-message.from-user .branch-switcher").textContent(), WAIT).toContain("3/3");
		await expect.poll(() => page.locator(".chat-message.from-user .chat-text").first().textContent(), WAIT).toBe("first version");
		await expect.poll(() => replies(page).first().textContent(), WAIT).toMatch(/"first version".*real answers\.$/);
	});
});
