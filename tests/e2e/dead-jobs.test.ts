/**
 * Dead jobs in the browser, on the demo data `npm start` seeds: the operator sees Northwind's dead
 * welcome email and a platform job, and replays the platform job until it shows Succeeded;
 * Northwind's owner sees only their own dead job in Settings → Failed jobs, double-clicks Replay,
 * and it succeeds once: one welcome email arrives.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LOCAL_OPERATOR_TOKEN } from "../../scripts/lib/local-app";
import { launchBrowser, platformUrl, seriousA11yViolations, signInToNorthwind, tenantUrl } from "./browser";
import { readMailbox } from "./mailbox";

let browser: Browser;

async function welcomeMailsToOwner(): Promise<number> {
	return (await readMailbox()).filter((m) => m.to === "owner@northwind.test" && m.subject.startsWith("Welcome to")).length;
}

/** The status cell's text of the table row naming `type`. */
function statusOf(page: Page, type: string): Promise<string | null> {
	return page
		.getByRole("row", { name: new RegExp(type) })
		.getByRole("cell")
		.nth(0)
		.textContent();
}

beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

describe("dead jobs", () => {
	it("the operator sees every agency's dead jobs and the platform's, and replays one until it succeeds", { timeout: 90_000 }, async () => {
		const page = await (await browser.newContext()).newPage();
		await page.goto(platformUrl("/operator"));
		await page.getByLabel("Operator token").fill(LOCAL_OPERATOR_TOKEN);
		await page.getByRole("button", { name: "Sign in" }).click();
		const section = page.getByRole("region", { name: "Dead jobs" });
		await section.getByRole("row", { name: /purge-expired-auth/ }).waitFor();
		const welcome = section.getByRole("row", { name: /welcome-email/ });
		expect(await welcome.getByRole("cell").first().textContent()).toBe("Northwind Studio");
		const platformJob = section.getByRole("row", { name: /purge-expired-auth/ });
		expect(await platformJob.getByRole("cell").first().textContent()).toBe("Platform");
		expect(await platformJob.textContent()).toContain("Error: D1_ERROR: Network connection lost.");

		await platformJob.getByRole("button", { name: "Replay purge-expired-auth" }).click();
		await expect
			.poll(() => page.getByRole("main").getByRole("status").first().textContent())
			.toBe("purge-expired-auth replayed: it is queued to run again.");
		// The list reads itself again while the replay runs: the job ran, and says so.
		await expect.poll(() => platformJob.getByRole("cell").nth(1).textContent(), { timeout: 30_000 }).toMatch(/^Succeeded/);
		expect(await platformJob.getByRole("button", { name: /Replay/ }).count()).toBe(0);
	});

	it("Northwind's owner sees only their own, double-clicks Replay, and the email is sent once", { timeout: 90_000 }, async () => {
		const page = await (await browser.newContext()).newPage();
		await signInToNorthwind(page, "owner@northwind.test");
		await page.goto(tenantUrl("northwind", "/settings/failed-jobs"));
		await page.getByRole("heading", { name: "Failed jobs", level: 1 }).waitFor();
		const row = page.getByRole("row", { name: /welcome-email/ });
		await row.waitFor();
		expect(await page.getByRole("row", { name: /purge-expired-auth/ }).count()).toBe(0);
		expect(await statusOf(page, "welcome-email")).toMatch(/^Dead/);
		expect(await row.textContent()).toContain("Error: email provider answered 503");
		expect(await seriousA11yViolations(page)).toEqual([]);
		expect(await welcomeMailsToOwner()).toBe(0);

		await row.getByRole("button", { name: "Replay welcome-email" }).dblclick();
		await expect.poll(() => statusOf(page, "welcome-email"), { timeout: 30_000 }).toMatch(/^Succeeded/);
		expect(await statusOf(page, "welcome-email")).toContain("Replayed by owner@northwind.test");
		await expect.poll(welcomeMailsToOwner).toBe(1);
		const audit = await page.evaluate(async () => {
			const res = await fetch("/api/v1/audit-events?action=job.replayed");
			return ((await res.json()) as { events: { actor: { label: string } }[] }).events.map((e) => e.actor.label);
		});
		expect(audit).toEqual(["owner@northwind.test"]);
	});
});
