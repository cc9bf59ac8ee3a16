/**
 * Offline-first sync in Chromium: a client loads a project, goes offline, completes a task and
 * requests changes with a comment (2 pending), reloads offline and still sees the data and the
 * pending writes; back online they are sent once (checked on the server), and a second device of
 * the same person gets them through sync.
 */
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_IDS } from "../../scripts/lib/demo-portal-seed";
import { launchBrowser, signInToNorthwind, tenantUrl } from "./browser";

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

const projectUrl = () => tenantUrl("northwind", `/projects/${DEMO_IDS.project}`);

async function signedIn(email: string): Promise<{ context: BrowserContext; page: Page }> {
	const context = await browser.newContext({ viewport: { width: 1024, height: 900 } });
	const page = await context.newPage();
	await signInToNorthwind(page, email);
	return { context, page };
}

type Detail = {
	tasks: { id: string; title: string; status: string }[];
	deliverables: { id: string; title: string; status: string; reviews: { comment: string; decision: string }[] }[];
	assignees: { userId: string; side: string }[];
};

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

describe("offline sync", () => {
	it("keeps a client's offline work through a reload and sends it once when back online", async () => {
		const suffix = Date.now().toString(36);
		const staff = await signedIn("staff@northwind.test");
		const detail = await apiJson<Detail>(staff.page, "GET", `/api/v1/projects/${DEMO_IDS.project}`);
		const clientId = detail.assignees.find((a) => a.side === "client")?.userId;
		const task = await apiJson<{ id: string }>(staff.page, "POST", "/api/v1/tasks", {
			projectId: DEMO_IDS.project,
			title: `Offline task ${suffix}`,
			assigneeUserId: clientId,
		});
		const deliverable = await apiJson<{ id: string }>(staff.page, "POST", "/api/v1/deliverables", {
			projectId: DEMO_IDS.project,
			title: `Offline draft ${suffix}`,
			kind: "link",
			url: "https://example.com/offline-draft",
		});

		const phone = await signedIn("client@northwind.test");
		const page = phone.page;
		await page.goto(projectUrl());
		await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 20_000 });
		await page.locator(".record-title", { hasText: `Offline task ${suffix}` }).waitFor();
		await expect.poll(() => storeHas(page, "tasks", task.id), { timeout: 10_000 }).toBe(true);
		await expect.poll(() => storeHas(page, "deliverables", deliverable.id), { timeout: 10_000 }).toBe(true);

		await phone.context.setOffline(true);
		await page.getByRole("button", { name: `Mark done Offline task ${suffix}` }).click();
		const item = page.getByRole("listitem", { name: `Offline draft ${suffix}` });
		await item.getByLabel("Comment").fill("Please use the darker blue");
		await item.getByRole("button", { name: "Request changes" }).click();
		const status = page.getByRole("status").filter({ hasText: "pending" });
		await status.getByText("2 pending").waitFor();
		await status.getByText(/Offline/).waitFor();

		await page.reload();
		await page.locator(".record-title", { hasText: `Offline task ${suffix}` }).waitFor();
		await page.getByRole("status").filter({ hasText: "pending" }).getByText("2 pending").waitFor();
		await expect(page.getByText("Pending — not sent yet").count()).resolves.toBe(2);
		await page
			.getByRole("listitem", { name: `Offline draft ${suffix}` })
			.getByText(/Please use the darker blue/)
			.waitFor();
		await expect(page.getByRole("button", { name: `Mark done Offline task ${suffix}` }).count()).resolves.toBe(0);

		await phone.context.setOffline(false);
		await page.getByText("Pending — not sent yet").first().waitFor({ state: "detached", timeout: 15_000 });
		await expect.poll(() => page.getByRole("status").filter({ hasText: "pending" }).count()).toBe(0);

		const after = await apiJson<Detail>(staff.page, "GET", `/api/v1/projects/${DEMO_IDS.project}`);
		expect(after.tasks.find((t) => t.id === task.id)?.status).toBe("done");
		const reviewed = after.deliverables.find((d) => d.id === deliverable.id);
		expect(reviewed?.status).toBe("changes_requested");
		expect(reviewed?.reviews.map((r) => r.comment)).toEqual(["Please use the darker blue"]);

		const tablet = await signedIn("client@northwind.test");
		await tablet.page.goto(projectUrl());
		const onTablet = tablet.page.getByRole("listitem", { name: `Offline draft ${suffix}` });
		await onTablet.getByText(/Please use the darker blue/).waitFor();
		await expect.poll(() => storeHas(tablet.page, "tasks", task.id), { timeout: 10_000 }).toBe(true);
		const feed = await tablet.page.evaluate(async () => (await fetch("/api/v1/sync?limit=500")).json());
		const synced = (feed as { changes: { id: string; record: { status?: string } | null }[] }).changes;
		expect(synced.find((c) => c.id === task.id)?.record?.status).toBe("done");
		expect(synced.find((c) => c.id === deliverable.id)?.record?.status).toBe("changes_requested");

		await Promise.all([staff.context.close(), phone.context.close(), tablet.context.close()]);
	});
});
