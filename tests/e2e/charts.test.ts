/**
 * The chart kit on the Usage page, for an agency whose only usage is one assistant reply (3 credits
 * today, charged by the AI providers' local fake): credits by day has one point per UTC day of the
 * month so far, credits by feature one bar; the table alternative holds the same numbers; the
 * keyboard reaches a point and its readout; axe is clean in light and dark; nothing overflows at 390 px.
 */
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { E2E_PASSWORD, signUpAgencyViaApi, subscribeToPro } from "./agencies";
import { apiInPage, launchBrowser, seriousA11yViolations, signInWithPassword, tenantUrl } from "./browser";

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

const WAIT = { timeout: 20_000 };
/** What one reply from the OpenAI fake costs: 1,000 tokens in at 1 credit and 500 out at 4 per 1,000. */
const REPLY_CREDITS = 3;

/** One assistant reply with a paid model, through the API; waits until its credits are settled. */
async function useCredits(page: Page): Promise<void> {
	const conversation = (await apiInPage(page, "POST", "/api/v1/assistant/conversations", { modelId: "openai/gpt-4o-mini" })) as {
		id: string;
	};
	await apiInPage(page, "POST", `/api/v1/assistant/conversations/${conversation.id}/messages`, {
		content: "Summarise the launch plan",
		modelId: "openai/gpt-4o-mini",
	});
	const used = async () => {
		const summary = (await apiInPage(page, "GET", "/api/v1/usage/credits/summary")) as { byFeature: { credits: number }[] };
		const credits = (await apiInPage(page, "GET", "/api/v1/usage/credits")) as { reserved: number };
		return credits.reserved === 0 ? summary.byFeature.reduce((sum, f) => sum + f.credits, 0) : -1;
	};
	await expect.poll(used, WAIT).toBe(REPLY_CREDITS);
}

/** The cells of a table alternative, row by row. */
function tableRows(figure: Locator): Promise<string[][]> {
	return figure
		.getByRole("table")
		.locator("tbody tr")
		.evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll("th, td")].map((cell) => cell.textContent?.trim() ?? "")));
}

/** Each point's accessible label. */
function pointLabels(figure: Locator): Promise<string[]> {
	return figure.getByRole("option").evaluateAll((options) => options.map((o) => o.getAttribute("aria-label") ?? ""));
}

describe("charts", () => {
	it("draws the Usage page's credits by day and by feature with tables, keyboard readouts, no axe issue in light or dark, and no overflow at 390 px", async () => {
		const agency = await signUpAgencyViaApi("charts", "Chart Studio");
		const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
		await signInWithPassword(page, agency.slug, agency.ownerEmail, E2E_PASSWORD);
		await subscribeToPro(page);
		await expect
			.poll(async () => ((await apiInPage(page, "GET", "/api/v1/usage/credits")) as { available: number }).available, WAIT)
			.toBeGreaterThan(0);
		await useCredits(page);

		await page.goto(tenantUrl(agency.slug, "/usage"));
		const byDay = page.getByRole("figure", { name: "Credits by day" });
		const byFeature = page.getByRole("figure", { name: "Credits by feature" });

		// "This month" (UTC): one point per day from the 1st to today; today's is the reply's credits, the others 0.
		// Dates as the page writes them (the browser's locale, UTC days).
		const [today, first, days] = await page.evaluate(() => {
			const now = new Date();
			const write = (ms: number) => new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeZone: "UTC" }).format(ms);
			return [write(now.getTime()), write(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1)), now.getUTCDate()] as const;
		});
		await expect.poll(() => byDay.getByRole("option").count(), WAIT).toBe(days);
		const labels = await pointLabels(byDay);
		expect(labels.at(-1)).toBe(`${today}: Credits ${REPLY_CREDITS}`);
		expect(labels.slice(0, -1).every((label) => label.endsWith(": Credits 0"))).toBe(true);
		expect(await byDay.locator("figcaption p").textContent()).toContain(
			`Credits: total ${REPLY_CREDITS}, highest ${REPLY_CREDITS} on ${today}.`,
		);
		// One bar, labelled with its value on the bar itself.
		expect(await pointLabels(byFeature)).toEqual([`Assistant: Credits ${REPLY_CREDITS}`]);
		expect(await byFeature.locator("svg .kit-chart-value").allTextContents()).toEqual([String(REPLY_CREDITS)]);

		// The table alternative holds the same numbers as the points.
		await byDay.getByText("Show as table").click();
		const dayRows = await tableRows(byDay);
		expect(dayRows).toHaveLength(days);
		expect(dayRows.map(([date, credits]) => `${date}: Credits ${credits}`)).toEqual(labels);
		await byFeature.getByText("Show as table").click();
		expect(await tableRows(byFeature)).toEqual([["Assistant", String(REPLY_CREDITS)]]);

		// Keyboard: Tab from the period lands on the chart's one tab stop (today), whose readout shows its value; Home goes to the 1st.
		const readout = byDay.getByTestId("chart-readout");
		await page.getByLabel("Period").focus();
		await page.keyboard.press("Tab");
		await expect.poll(() => readout.textContent()).toBe(`${today}Credits${REPLY_CREDITS}`);
		expect(await page.evaluate(() => document.activeElement?.getAttribute("aria-selected"))).toBe("true");
		await page.keyboard.press("Home");
		await expect.poll(() => readout.textContent()).toBe(`${first}Credits0`);
		await page.keyboard.press("Escape");
		await expect.poll(() => readout.count()).toBe(0);

		expect(await seriousA11yViolations(page)).toEqual([]);
		await page.evaluate(() => document.documentElement.setAttribute("data-theme", "dark"));
		await page.keyboard.press("End");
		await expect.poll(() => readout.count()).toBe(1);
		expect(await seriousA11yViolations(page)).toEqual([]);

		// A phone: the charts redraw at the page's width and nothing scrolls sideways.
		await page.setViewportSize({ width: 390, height: 844 });
		await expect
			.poll(() =>
				byDay
					.locator("svg")
					.first()
					.evaluate((svg) => svg.getBoundingClientRect().width),
			)
			.toBeLessThan(390);
		expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
	});
});
