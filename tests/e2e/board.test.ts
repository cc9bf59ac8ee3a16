/**
 * The kanban board (issue #17) on the staff Projects page, in a new agency of its own: a mouse drag
 * moves a project to another status that survives a reload (the Board view remembered); the keyboard
 * picks up, moves and drops a card with each step heard in the live region; a move the server refuses
 * (the project's status changed meanwhile) is rolled back with a message; axe finds nothing serious;
 * and on a phone (touch emulation, 390 px) a long press and a drag move a card to the next column.
 */
import type { BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { E2E_PASSWORD, signUpAgencyViaApi } from "./agencies";
import { apiInPage, launchBrowser, seriousA11yViolations, signInWithPassword, tenantUrl } from "./browser";

type Project = { id: string; status: string };

let browser: Awaited<ReturnType<typeof launchBrowser>>;
let desktop: BrowserContext;
let page: Page;
let slug: string;
const projects: Record<string, Project> = {};

beforeAll(async () => {
	browser = await launchBrowser();
	const agency = await signUpAgencyViaApi("board", "Board Studio");
	slug = agency.slug;
	desktop = await browser.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: "block" });
	page = await desktop.newPage();
	await signInWithPassword(page, slug, agency.ownerEmail, E2E_PASSWORD);
	const client = (await apiInPage(page, "POST", "/api/v1/clients", { name: "Board Client" })) as { id: string };
	for (const [name, status] of [
		["Alpha", "planned"],
		["Beta", "planned"],
		["Gamma", "active"],
		["Delta", "planned"],
	] as const) {
		projects[name] = (await apiInPage(page, "POST", "/api/v1/projects", { clientId: client.id, name, status })) as Project;
	}
});

afterAll(async () => {
	await browser?.close();
});

const boardOf = (p: Page) => p.getByRole("region", { name: "Projects by status" });
const columnOf = (p: Page, title: string) => boardOf(p).getByRole("region", { name: title, exact: true });
const cardIn = (p: Page, column: string, name: string) => columnOf(p, column).getByRole("listitem").filter({ hasText: name });
const announced = (p: Page) => p.locator("[data-board-announcer]");
const statusOf = async (p: Page, name: string) =>
	((await apiInPage(p, "GET", `/api/v1/projects/${projects[name]?.id}`)) as { project: Project }).project.status;

async function centre(locator: Locator): Promise<{ x: number; y: number }> {
	const box = await locator.boundingBox();
	if (!box) throw new Error("not on screen");
	return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

async function waitForSaved(card: Locator): Promise<void> {
	await card.waitFor();
	await expect.poll(() => card.getAttribute("aria-busy")).toBeNull();
}

describe("the projects board", () => {
	it("moves cards by mouse and keyboard, says each step, rolls a refused move back, and passes axe", async () => {
		await page.goto(tenantUrl(slug, "/projects"));
		await page.getByRole("button", { name: "Board" }).click();
		await cardIn(page, "Planned", "Alpha").waitFor();

		// Mouse: drag Alpha from Planned onto Active; it stays there after a reload (Board remembered).
		const from = await centre(cardIn(page, "Planned", "Alpha").getByRole("link", { name: "Alpha" }));
		const to = await centre(columnOf(page, "Active"));
		await page.mouse.move(from.x, from.y);
		await page.mouse.down();
		for (let step = 1; step <= 6; step++)
			await page.mouse.move(from.x + ((to.x - from.x) * step) / 6, from.y + ((to.y - from.y) * step) / 6);
		await expect.poll(() => announced(page).textContent()).toMatch(/^Alpha: column Active, position \d of 2\./);
		await page.mouse.up();
		await waitForSaved(cardIn(page, "Active", "Alpha"));
		expect(page.url()).toBe(tenantUrl(slug, "/projects"));
		await page.reload();
		await cardIn(page, "Active", "Alpha").waitFor();
		expect(await statusOf(page, "Alpha")).toBe("active");

		// Keyboard: Space picks Beta up, → moves it to Active, Space drops it; each step is announced.
		await columnOf(page, "Planned").getByRole("button", { name: "Move Beta" }).focus();
		await page.keyboard.press("Space");
		await expect.poll(() => announced(page).textContent()).toContain("Picked up Beta. Column Planned, position 2 of 2.");
		await page.keyboard.press("ArrowLeft");
		await expect.poll(() => announced(page).textContent()).toBe("Beta is already in the first column.");
		await page.keyboard.press("ArrowRight");
		await expect.poll(() => announced(page).textContent()).toBe("Beta: column Active, position 2 of 3.");
		await page.keyboard.press("Space");
		await expect.poll(() => announced(page).textContent()).toBe("Dropped Beta in column Active, position 2 of 3.");
		await waitForSaved(cardIn(page, "Active", "Beta"));
		expect(await statusOf(page, "Beta")).toBe("active");
		expect(await page.evaluate(() => document.activeElement?.getAttribute("aria-label"))).toBe("Move Beta");
		// Escape puts a lifted card back where it was.
		await page.keyboard.press("Enter");
		await page.keyboard.press("ArrowRight");
		await page.keyboard.press("Escape");
		await expect.poll(() => announced(page).textContent()).toBe("Move cancelled. Beta is back in column Active, position 2 of 3.");
		await cardIn(page, "Active", "Beta").waitFor();

		// Refused: someone completes Gamma meanwhile; moving the stale card to On hold is rolled back with the reason.
		await apiInPage(page, "PATCH", `/api/v1/projects/${projects.Gamma?.id}`, { status: "completed" });
		await columnOf(page, "Active").getByRole("button", { name: "Move Gamma" }).focus();
		await page.keyboard.press("Space");
		await page.keyboard.press("ArrowRight");
		await page.keyboard.press("Space");
		await page.getByText("Couldn't move Gamma: Its status was changed to completed meanwhile.").waitFor();
		await expect
			.poll(() => announced(page).textContent())
			.toBe("Gamma could not be moved: Its status was changed to completed meanwhile. It is in column Completed, position 1 of 1.");
		await cardIn(page, "Completed", "Gamma").waitFor();
		expect(await cardIn(page, "On hold", "Gamma").count()).toBe(0);
		expect(await statusOf(page, "Gamma")).toBe("completed");

		expect(await seriousA11yViolations(page)).toEqual([]);
	});

	it("on a phone, a long press and a drag move a card to the next column", async () => {
		const phone = await browser.newContext({
			viewport: { width: 390, height: 844 },
			hasTouch: true,
			isMobile: true,
			serviceWorkers: "block",
			storageState: await desktop.storageState(),
		});
		const touchPage = await phone.newPage();
		await touchPage.goto(tenantUrl(slug, "/projects"));
		// The Board view was chosen on this device (storage carried over), so it opens as a board.
		const card = cardIn(touchPage, "Planned", "Delta");
		await card.evaluate((element) => element.scrollIntoView({ block: "center" }));
		const start = await centre(card.getByRole("link", { name: "Delta" }));
		const activeBox = await columnOf(touchPage, "Active").boundingBox();
		if (!activeBox) throw new Error("the Active column is not on screen");
		// The next column peeks in on the right: the finger goes onto its visible edge.
		const end = { x: activeBox.x + 12, y: start.y };
		expect(end.x).toBeLessThan(390);

		const cdp = await phone.newCDPSession(touchPage);
		await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: [start] });
		await expect.poll(() => card.getAttribute("data-state")).toBe("placeholder");
		for (let step = 1; step <= 8; step++) {
			const point = { x: start.x + ((end.x - start.x) * step) / 8, y: start.y };
			await cdp.send("Input.dispatchTouchEvent", { type: "touchMove", touchPoints: [point] });
		}
		await expect.poll(() => announced(touchPage).textContent()).toMatch(/^Delta: column Active/);
		await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
		await waitForSaved(cardIn(touchPage, "Active", "Delta"));
		expect(await statusOf(touchPage, "Delta")).toBe("active");
		expect(touchPage.url()).toBe(tenantUrl(slug, "/projects"));
	});
});
