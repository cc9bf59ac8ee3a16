/**
 * The assistant in Chromium: chat with the local demo model, watch the reply stream in, reload
 * mid-reply and keep everything; ask about a project or an attached document; how a send refused
 * for sending too fast (429) or for want of credits (402) reads in the page, and how a top-up lets
 * the paid model answer. The paid models answer through the AI providers' local fake, which the
 * e2e set-up gives the app (tests/e2e/global-setup.ts); the demo agency and new agencies hold no
 * credits, so the tests that chat choose the free local model.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_IDS } from "../../scripts/lib/demo-portal-seed";
import { E2E_PASSWORD, signUpAgencyViaApi } from "./agencies";
import { launchBrowser, seriousA11yViolations, signInToNorthwind, signInWithPassword, tenantUrl } from "./browser";

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

const LOCAL_MODEL = "Demo model — not a real AI";

/** Chooses the free local model in the composer (the page's default is the first paid model). */
async function chooseLocalModel(page: Page): Promise<void> {
	await page.getByLabel("Model").selectOption({ label: LOCAL_MODEL });
}

async function ask(page: Page, question: string): Promise<void> {
	await page.getByLabel("Message", { exact: true }).fill(question);
	await page.getByRole("button", { name: "Send" }).click();
}

/** A request from inside the page (same origin, the session cookie), as the PWA's own fetch makes it; the status and JSON body. */
async function fetchInPage(page: Page, path: string, init: { body: string; contentType?: string; method?: string }) {
	return page.evaluate(
		async ({ path, init }) => {
			const response = await fetch(path, {
				method: init.method ?? "POST",
				headers: { "Content-Type": init.contentType ?? "application/json" },
				body: init.body,
			});
			return { status: response.status, json: (await response.json().catch(() => null)) as Record<string, unknown> | null };
		},
		{ path, init },
	);
}

/** The assistant page's problem notice, right under its heading. */
const alert = (page: Page) => page.locator("h1 + [role=alert]");

describe("assistant", () => {
	it("streams the local model's answer token by token, and a reload mid-reply keeps the history and finishes the reply", async () => {
		const page = await (await browser.newContext()).newPage();
		await signInToNorthwind(page, "staff@northwind.test");
		await page.goto(tenantUrl("northwind", "/assistant"));
		const model = page.getByLabel("Model");
		// The demo agency is on Pro: Claude Sonnet is offered too.
		await expect.poll(() => model.locator("option").allTextContents(), WAIT).toEqual([LOCAL_MODEL, "GPT-4o mini", "Claude Sonnet 4.5"]);
		expect(await model.inputValue()).toBe("openai/gpt-4o-mini");
		await chooseLocalModel(page);

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
		await chooseLocalModel(page);
		await ask(page, "What comes next?");
		await expect
			.poll(() => replies(page).first().textContent(), WAIT)
			.toContain('Portal records I was given: project "Website relaunch" of Acme Bakery.');
	});

	it("editing an earlier message branches, with a 1/2 switcher", async () => {
		const page = await (await browser.newContext()).newPage();
		await signInToNorthwind(page, "client@northwind.test");
		await page.goto(tenantUrl("northwind", "/assistant"));
		await chooseLocalModel(page);
		await page.getByRole("button", { name: "Start a new chat" }).click();
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

	it("attaches a document from the composer: the reply is given that document", async () => {
		const page = await (await browser.newContext()).newPage();
		await signInToNorthwind(page, "client@northwind.test");
		const clients = (await page.evaluate(async () => (await fetch("/api/v1/clients")).json())) as { clients: { id: string }[] };
		const name = `brief-${Date.now().toString(36)}.md`;
		const upload = await fetchInPage(page, `/api/v1/clients/${clients.clients[0]?.id}/documents?name=${name}`, {
			body: "# Brief\nLaunch on 1 March.",
			contentType: "text/markdown",
		});
		expect(upload.status).toBe(201);

		await page.goto(tenantUrl("northwind", "/assistant"));
		await chooseLocalModel(page);
		await page.getByRole("button", { name: "Start a new chat" }).click();
		await page.getByRole("button", { name: "Attach document" }).click();
		const picker = page.getByRole("group", { name: "Attach a document" });
		await expect.poll(() => picker.getByLabel("Client").evaluate((el) => el === document.activeElement), WAIT).toBe(true);
		// A client's person sees only their own client, chosen for them.
		await expect.poll(() => picker.getByLabel("Document").locator("option").allTextContents(), WAIT).toContain(name);
		expect(await seriousA11yViolations(page)).toEqual([]);
		await picker.getByLabel("Document").selectOption({ label: name });
		await expect.poll(() => page.locator(".chat-about").textContent(), WAIT).toContain(`Asking about document ${name}`);
		await ask(page, "Summarise it");
		await expect.poll(() => replies(page).first().textContent(), WAIT).toContain(`Portal records I was given: document "${name}"`);
	});

	it("shows a send refused for speed (429) with the retry time", async () => {
		const agency = await signUpAgencyViaApi("assistant-limits", "Limits Studio");
		const page = await (await browser.newContext()).newPage();
		await signInWithPassword(page, agency.slug, agency.ownerEmail, E2E_PASSWORD);
		await page.goto(tenantUrl(agency.slug, "/assistant"));
		await expect.poll(() => page.getByLabel("Model").locator("option").count(), WAIT).toBeGreaterThan(0);

		// 429 for real: the starter plan allows 10 messages a minute; 12 at once use them up, the page's send is refused.
		const created = await fetchInPage(page, "/api/v1/assistant/conversations", { body: "{}" });
		const sends = await Promise.all(
			Array.from({ length: 12 }, (_, i) =>
				fetchInPage(page, `/api/v1/assistant/conversations/${created.json?.id}/messages`, {
					body: JSON.stringify({ content: `burst ${i}`, parentId: null }),
				}),
			),
		);
		expect(sends.map((r) => r.status)).toContain(429);
		await ask(page, "One more?");
		await expect
			.poll(() => alert(page).textContent(), WAIT)
			.toMatch(/^You are sending messages faster than your plan allows\. Try again shortly\. Try again in \d+ seconds\.$/);
		expect(await seriousA11yViolations(page)).toEqual([]);
	});

	it("shows a send refused for want of credits (402) with a top-up link that works; after a top-up the paid model answers", async () => {
		const agency = await signUpAgencyViaApi("assistant-credits", "Credits Studio");
		const page = await (await browser.newContext()).newPage();
		await signInWithPassword(page, agency.slug, agency.ownerEmail, E2E_PASSWORD);
		await page.goto(tenantUrl(agency.slug, "/assistant"));
		const model = page.getByLabel("Model");
		await expect.poll(() => model.inputValue(), WAIT).toBe("openai/gpt-4o-mini");

		// 402 for real: a new agency holds no credits, and GPT-4o mini costs some.
		await ask(page, "Draft the launch email");
		await expect
			.poll(() => alert(page).textContent(), WAIT)
			.toMatch(/^This message needs up to \d+ credits; 0 are available\. Top up or upgrade to continue\. Top up or upgrade$/);
		// Nothing was sent: no message, no half answer, and the question waits in the composer.
		expect(page.url()).toMatch(/\/assistant\?c=/);
		const conversationUrl = page.url();
		expect(await page.locator(".chat-message").count()).toBe(0);
		expect(await page.getByLabel("Message", { exact: true }).inputValue()).toBe("Draft the launch email");
		expect(await seriousA11yViolations(page)).toEqual([]);

		await alert(page).getByRole("link", { name: "Top up or upgrade" }).click();
		await page.waitForURL(tenantUrl(agency.slug, "/billing"));
		await page.getByRole("button", { name: "Buy 1,000 AI credits for $10.00" }).click();
		await page.getByLabel("Card number").fill("4242 4242 4242 4242");
		await page.getByRole("button", { name: "Pay" }).click();
		await page.waitForURL(/\/billing\?top-up=success/);
		const credits = () => page.evaluate(async () => (await fetch("/api/v1/usage/credits")).json());
		await expect.poll(credits, WAIT).toEqual({ balance: 1000, reserved: 0, available: 1000 });
		// The refused send charged and held nothing: the top-up is the only movement.
		await page.goto(tenantUrl(agency.slug, "/usage"));
		await expect
			.poll(() => page.getByRole("region", { name: "Credits" }).textContent(), WAIT)
			.toContain("Available1,000Held by running work0");
		await expect.poll(() => page.getByRole("region", { name: "History" }).locator("tbody tr").count(), WAIT).toBe(1);

		await page.goto(conversationUrl);
		await expect.poll(() => model.inputValue(), WAIT).toBe("openai/gpt-4o-mini");
		await ask(page, "Draft the launch email");
		await expect.poll(() => replies(page).first().textContent(), WAIT).toBe("Hello from the OpenAI fake.");
		expect(await alert(page).textContent()).toBe("");
		// Who answered shows once the reply is done.
		await expect.poll(() => page.locator(".chat-message.from-assistant .chat-meta").textContent(), WAIT).toBe("Assistant · gpt-4o-mini");
		// Charged what the fake reports: 1,000 tokens in at 1 credit and 500 out at 4 credits per 1,000.
		await expect.poll(credits, WAIT).toEqual({ balance: 997, reserved: 0, available: 997 });
	});
});
