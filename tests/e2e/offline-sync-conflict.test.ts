/**
 * A sync conflict in Chromium: a client asks for changes offline while the agency approves the
 * same deliverable; back online the app shows the conflict with the server's answer, and the
 * client takes theirs. The page with a conflict and pending writes passes axe.
 */
import type { Browser, BrowserContext, Page } from "playwright-core";
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

const projectUrl = () => tenantUrl("northwind", `/projects/${DEMO_IDS.project}`);

/** A signed-in browser context; `serviceWorkers: "block"` for one that only calls the API (no app shell precached for it). */
async function signedIn(email: string, serviceWorkers: "allow" | "block" = "allow"): Promise<{ context: BrowserContext; page: Page }> {
	const context = await browser.newContext({ viewport: { width: 1024, height: 900 }, serviceWorkers });
	const page = await context.newPage();
	await signInToNorthwind(page, email);
	return { context, page };
}

/** An API call made by the page itself (Node cannot resolve *.localhost; the browser can). */
async function apiJson<T>(page: Page, method: "GET" | "POST", path: string, data?: unknown): Promise<T> {
	const { status, body } = await page.evaluate(
		async ([method, path, data]) => {
			const res = await fetch(path, {
				method,
				headers: data === undefined ? {} : { "Content-Type": "application/json" },
				body: data === undefined ? undefined : JSON.stringify(data),
			});
			return { status: res.status, body: await res.text() };
		},
		[method, path, data] as const,
	);
	if (status >= 300) throw new Error(`${method} ${path}: ${status} ${body}`);
	return JSON.parse(body) as T;
}

/** Whether the page's IndexedDB store holds a record (the device can work on it offline). */
function storeHas(page: Page, entity: string, id: string): Promise<boolean> {
	return page.evaluate(
		async ([entity, id]) => {
			const names = (await indexedDB.databases()).map((d) => d.name ?? "").filter((n) => n.startsWith("atrium-sync:"));
			for (const name of names) {
				const found = await new Promise<boolean>((resolve) => {
					const open = indexedDB.open(name);
					open.onsuccess = () => {
						const db = open.result;
						if (!db.objectStoreNames.contains("records")) return resolve(false);
						const get = db.transaction("records").objectStore("records").get([entity, id]);
						get.onsuccess = () => resolve(get.result !== undefined);
						get.onerror = () => resolve(false);
					};
					open.onerror = () => resolve(false);
				});
				if (found) return true;
			}
			return false;
		},
		[entity, id] as const,
	);
}

describe("offline sync conflicts", () => {
	it("shows a review that collided with the agency's approval, and lets the client take theirs", async () => {
		const suffix = Date.now().toString(36);
		// The agency owner, online at the office, only calls the API.
		const owner = await signedIn("owner@northwind.test", "block");
		const deliverable = await apiJson<{ id: string }>(owner.page, "POST", "/api/v1/deliverables", {
			projectId: DEMO_IDS.project,
			title: `Contested draft ${suffix}`,
			kind: "link",
			url: "https://example.com/contested",
		});

		const phone = await signedIn("client@northwind.test");
		const page = phone.page;
		await page.goto(projectUrl());
		await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 20_000 });
		await expect.poll(() => storeHas(page, "deliverables", deliverable.id), { timeout: 10_000 }).toBe(true);
		const item = page.getByRole("listitem", { name: `Contested draft ${suffix}` });
		await item.getByLabel("Comment").waitFor();

		await phone.context.setOffline(true);
		await item.getByLabel("Comment").fill("Make it pop");
		await item.getByRole("button", { name: "Request changes" }).click();
		await page.getByRole("status").filter({ hasText: "pending" }).getByText("1 pending").waitFor();
		expect(await seriousA11yViolations(page)).toEqual([]);

		await apiJson(owner.page, "POST", `/api/v1/deliverables/${deliverable.id}/reviews`, { decision: "approved", comment: "" });
		await phone.context.setOffline(false);

		const conflicts = page.getByRole("region", { name: "Changes that need your answer" });
		await conflicts.getByText(/Your review of “Contested draft .*” conflicted .* It is now “approved”/).waitFor({ timeout: 15_000 });
		await page.getByRole("status").filter({ hasText: "to resolve" }).getByText("1 to resolve").waitFor();
		expect(await seriousA11yViolations(page)).toEqual([]);
		await conflicts.getByRole("button", { name: `Take theirs for Contested draft ${suffix}` }).click();
		await conflicts.waitFor({ state: "detached" });
		await item.getByText("Approved", { exact: true }).waitFor();
		await expect(item.getByRole("form").count()).resolves.toBe(0);

		const server = await apiJson<{ reviews: { decision: string; comment: string }[] }>(
			owner.page,
			"GET",
			`/api/v1/deliverables/${deliverable.id}`,
		);
		expect(server.reviews.map((r) => r.decision)).toEqual(["approved"]);

		// Signing out takes this person's synced data off the device.
		await page.getByRole("button", { name: "Sign out" }).first().click();
		await page.waitForURL(/\/signin$/);
		const left = await page.evaluate(async () =>
			(await indexedDB.databases()).map((d) => d.name ?? "").filter((n) => n.startsWith("atrium-sync:")),
		);
		expect(left).toEqual([]);
		await Promise.all([owner.context.close(), phone.context.close()]);
	});
});
