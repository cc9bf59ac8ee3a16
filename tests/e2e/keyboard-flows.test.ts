/**
 * Keyboard only (issue #17): after signing in, a staff member creates a client, a project, a task
 * (and marks it done), a conversation with a message, and uploads a document without the mouse —
 * Tab, Shift+Tab, Enter, Space, Escape, typing and the app's shortcuts (the skip link, Ctrl+K, "?",
 * "/", "g m"). After each step the test checks what the person sees, where the keyboard is (the new
 * item, the page's main region after a navigation, the opener after a dialog closes, never <body>),
 * and that the focused control shows a focus indicator. The rules are in docs/DESIGN-SYSTEM.md
 * ("Keyboard").
 */
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { E2E_PASSWORD, signUpAgencyViaApi } from "./agencies";
import { launchBrowser, seriousA11yViolations, signInWithPassword, tenantUrl } from "./browser";

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

/** Presses Tab (or Shift+Tab) until `target` has the keyboard; fails after `limit` presses. */
async function tabTo(page: Page, target: Locator, { back = false, limit = 40 } = {}): Promise<void> {
	await target.waitFor({ timeout: 10_000 });
	for (let i = 0; i < limit; i++) {
		if (await hasFocus(target)) return;
		await page.keyboard.press(back ? "Shift+Tab" : "Tab");
	}
	if (!(await hasFocus(target)))
		throw new Error(`${limit} × ${back ? "Shift+Tab" : "Tab"} never reached ${target}; focus: ${await focusedDescription(page)}`);
}

function hasFocus(target: Locator): Promise<boolean> {
	return target.evaluate((el) => el === document.activeElement, undefined, { timeout: 1_000 }).catch(() => false);
}

/** The focused element, as a short description for failure messages and assertions. */
function focusedDescription(page: Page): Promise<string> {
	return page.evaluate(() => {
		const el = document.activeElement;
		if (!el) return "nothing";
		const name = el.getAttribute("aria-label") ?? (el as HTMLInputElement).labels?.[0]?.textContent ?? el.textContent ?? "";
		return `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""} "${name.trim().slice(0, 60)}"`;
	});
}

/** Polls until `target` has the keyboard (focus moves after the page answers). */
async function expectFocusOn(page: Page, target: Locator): Promise<void> {
	await expect.poll(async () => ((await hasFocus(target)) ? "focused" : await focusedDescription(page))).toBe("focused");
}

/** The focused element draws a focus indicator: an outline or a box shadow. */
function showsFocusRing(page: Page): Promise<boolean> {
	return page.evaluate(() => {
		const el = document.activeElement;
		if (!el || el === document.body) return false;
		const style = getComputedStyle(el);
		const outline = style.outlineStyle !== "none" && Number.parseFloat(style.outlineWidth) > 0;
		return outline || style.boxShadow !== "none";
	});
}

describe("keyboard only", () => {
	it("creates a client, project, task, message and document with the keyboard alone", async () => {
		const agency = await signUpAgencyViaApi("keyboard", "Keyboard Studio");
		const context = await browser.newContext({ serviceWorkers: "block", viewport: { width: 1280, height: 800 } });
		const page = await context.newPage();
		await signInWithPassword(page, agency.slug, agency.ownerEmail, E2E_PASSWORD);
		await page.getByRole("heading", { level: 1 }).waitFor();
		const main = page.getByRole("main");
		const keys = page.keyboard;

		// Signed in, the keyboard starts on the page. On a fresh load, the first Tab reaches the skip link
		// (shown, with a ring) and Enter puts the keyboard on the page.
		await expectFocusOn(page, main);
		await page.reload();
		await page.getByRole("heading", { level: 1 }).waitFor();
		await keys.press("Tab");
		await expectFocusOn(page, page.getByRole("link", { name: "Skip to content" }));
		expect(await showsFocusRing(page)).toBe(true);
		await keys.press("Enter");
		await expectFocusOn(page, main);

		// Back into the sidebar with Shift+Tab, Enter on Clients: the new page's main region has the keyboard.
		const nav = page.getByRole("navigation", { name: "Main" });
		await tabTo(page, nav.getByRole("link", { name: "Clients" }), { back: true });
		expect(await showsFocusRing(page)).toBe(true);
		await keys.press("Enter");
		await page.waitForURL(tenantUrl(agency.slug, "/clients"));
		await page.getByRole("heading", { name: "Clients", level: 1 }).waitFor();
		await expectFocusOn(page, main);

		// "/" jumps to the page's search field.
		await keys.press("/");
		await expectFocusOn(page, page.getByRole("searchbox", { name: "Search by name" }));
		expect(await showsFocusRing(page)).toBe(true);

		// Create a client: Tab to the form, type, Enter on Add client; the keyboard lands on the new client.
		await tabTo(page, page.getByLabel("Name", { exact: true }));
		await keys.type("Keyboard Bakery");
		await tabTo(page, page.getByRole("button", { name: "Add client" }));
		expect(await showsFocusRing(page)).toBe(true);
		await keys.press("Enter");
		const clientLink = page.getByRole("region", { name: "Your clients" }).getByRole("link", { name: "Keyboard Bakery" });
		await expectFocusOn(page, clientLink);
		expect(await showsFocusRing(page)).toBe(true);

		// Open it; start a project from its page (Enter in the field sends); the keyboard lands on the project.
		await keys.press("Enter");
		await page.getByRole("heading", { name: "Keyboard Bakery", level: 1 }).waitFor();
		await expectFocusOn(page, main);
		await tabTo(page, page.getByLabel("New project name"));
		await keys.type("Spring site");
		await keys.press("Enter");
		const projectLink = page.getByRole("region", { name: "Projects" }).getByRole("link", { name: "Spring site" });
		await expectFocusOn(page, projectLink);
		expect(await showsFocusRing(page)).toBe(true);

		// Add a task: it is listed, a status says so, the keyboard stays in the empty field for the next one.
		await keys.press("Enter");
		await page.getByRole("heading", { name: "Spring site", level: 1 }).waitFor();
		await expectFocusOn(page, main);
		const taskField = page.getByLabel("New task");
		await tabTo(page, taskField);
		await keys.type("Write the brief");
		await keys.press("Enter");
		const tasks = page.getByRole("region", { name: "Tasks" });
		const taskTitle = tasks.getByRole("paragraph").filter({ hasText: /^Write the brief$/ });
		await taskTitle.waitFor();
		await tasks.getByRole("status").filter({ hasText: "Added “Write the brief”." }).waitFor();
		expect(await taskField.inputValue()).toBe("");
		await expectFocusOn(page, taskField);

		// Mark it done with Space (Shift+Tab back to its button): the keyboard stays on the task, not on <body>.
		await tabTo(page, tasks.getByRole("button", { name: "Mark done Write the brief" }), { back: true });
		await keys.press("Space");
		await expect.poll(() => tasks.getByRole("listitem").first().textContent()).toContain("Done");
		await expectFocusOn(page, taskTitle);
		expect(await showsFocusRing(page)).toBe(true);

		// "?" opens the shortcuts sheet; Escape closes it and gives the keyboard back to the task.
		await keys.press("?");
		const sheet = page.getByRole("dialog", { name: "Keyboard shortcuts" });
		await sheet.waitFor();
		await keys.press("Escape");
		await sheet.waitFor({ state: "detached" });
		await expectFocusOn(page, taskTitle);

		// "g m" goes to Messages; start a conversation (Enter sends), which opens it with the keyboard on the page.
		await keys.press("g");
		await keys.press("m");
		await page.getByRole("heading", { name: "Messages", level: 1 }).waitFor();
		await expectFocusOn(page, main);
		await tabTo(page, page.getByLabel("Subject"));
		await keys.type("Launch plan");
		await keys.press("Enter");
		await page.getByRole("heading", { name: "Launch plan", level: 1 }).waitFor();
		await expectFocusOn(page, main);

		// Write and send a message: it shows in the conversation, the keyboard is back in the empty message field.
		const body = page.getByLabel("Message", { exact: true });
		await tabTo(page, body);
		await keys.type("Hello from the keyboard");
		await tabTo(page, page.getByRole("button", { name: "Send", exact: true }));
		await keys.press("Enter");
		await page.getByRole("log", { name: "Messages" }).getByText("Hello from the keyboard").waitFor();
		await expectFocusOn(page, body);
		expect(await body.inputValue()).toBe("");

		// Ctrl+K opens the palette; Escape gives the keyboard back; Ctrl+K, "Documents", Enter opens the page.
		await keys.press("Control+k");
		const palette = page.getByRole("dialog", { name: "Command palette" });
		await expectFocusOn(page, palette.getByRole("combobox"));
		await keys.press("Escape");
		await palette.waitFor({ state: "detached" });
		await expectFocusOn(page, body);
		await keys.press("Control+k");
		await expectFocusOn(page, palette.getByRole("combobox"));
		await keys.type("Documents");
		await palette
			.getByRole("option", { name: /Documents/ })
			.first()
			.waitFor();
		await keys.press("Enter");
		await page.getByRole("heading", { name: "Documents", level: 1 }).waitFor();
		await expectFocusOn(page, main);

		// Upload: Tab to the file picker, Space opens the chooser; the document is listed, the keyboard stays on the picker.
		const picker = page.getByLabel(/^Choose a file to upload/);
		await tabTo(page, picker);
		expect(await showsFocusRing(page)).toBe(true);
		const [chooser] = await Promise.all([page.waitForEvent("filechooser"), keys.press("Space")]);
		await chooser.setFiles({ name: "brief.txt", mimeType: "text/plain", buffer: Buffer.from("the brief") });
		await page.getByRole("list", { name: "Folders and documents" }).getByRole("button", { name: "brief.txt", exact: true }).waitFor();
		await expectFocusOn(page, picker);
		expect(await seriousA11yViolations(page)).toEqual([]);
		await context.close();
	});
});
