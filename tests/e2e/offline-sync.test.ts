/**
 * Offline-first sync in Chromium: a client loads a project, goes offline, completes a task and
 * requests changes with a comment (2 pending), reloads offline and still sees the data and the
 * pending writes; back online they are sent once (checked on the server), and a second device of
 * the same person gets them through sync. Then two client devices and a staff device work on one
 * task and one thread offline while the agency owner edits the task online: every message reaches
 * every device once, the staff's edit that lost to the owner's later one is shown and kept ("Keep
 * mine" reaches the server and the other devices), and a reload offline shows the last synced data. The service worker's
 * Background Sync handler (fired through CDP) sends an outbox left by a closed page. Last, a
 * document kept offline follows its new version in the background, reads offline (the documents
 * page too, from the store), and unpinning it frees its bytes.
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
const threadUrl = (id: string) => tenantUrl("northwind", `/messages/${id}`);

/**
 * The staff member at the office, online, who only calls the API (sets work up, reads the server):
 * signed in once for the file, service worker blocked (no shell precached for it).
 */
let office: Promise<Page> | undefined;
function officeStaff(): Promise<Page> {
	office ??= signedIn("staff@northwind.test", "block").then((device) => device.page);
	return office;
}

/** A signed-in browser context; `serviceWorkers: "block"` for one that only calls the API (less load). */
async function signedIn(email: string, serviceWorkers: "allow" | "block" = "allow"): Promise<{ context: BrowserContext; page: Page }> {
	const context = await browser.newContext({ viewport: { width: 1024, height: 900 }, serviceWorkers });
	const page = await context.newPage();
	await signInToNorthwind(page, email);
	return { context, page };
}

type Detail = {
	project: { clientId: string };
	tasks: { id: string; title: string; status: string; assigneeUserId: string | null }[];
	deliverables: { id: string; title: string; status: string; reviews: { comment: string; decision: string }[] }[];
	assignees: { userId: string; side: string }[];
};

/** An API call made by the page itself (Node cannot resolve *.localhost; the browser can). */
async function apiJson<T>(page: Page, method: "GET" | "POST" | "PATCH", path: string, data?: unknown): Promise<T> {
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

/** Opens the project page online and waits until the service worker controls it and the store holds `records`. */
async function readyOffline(page: Page, records: [string, string][]): Promise<void> {
	await page.goto(projectUrl());
	await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 20_000 });
	for (const [entity, id] of records) await expect.poll(() => storeHas(page, entity, id), { timeout: 10_000 }).toBe(true);
}

/** Writes a message in the open thread page; offline it stays on the device, pending. */
async function sendMessage(page: Page, body: string): Promise<void> {
	await page.getByLabel("Message", { exact: true }).fill(body);
	await page.getByRole("button", { name: "Send" }).click();
	await page.getByRole("log", { name: "Messages" }).getByRole("listitem").filter({ hasText: body }).waitFor();
}

/** How many unsent writes the page's IndexedDB outbox holds. */
function outboxSize(page: Page): Promise<number> {
	return page.evaluate(async () => {
		const names = (await indexedDB.databases()).map((d) => d.name ?? "").filter((n) => n.startsWith("atrium-sync:"));
		let total = 0;
		for (const name of names) {
			total += await new Promise<number>((resolve) => {
				const open = indexedDB.open(name);
				open.onsuccess = () => {
					const count = open.result.transaction("outbox").objectStore("outbox").count();
					count.onsuccess = () => {
						open.result.close();
						resolve(count.result);
					};
				};
			});
		}
		return total;
	});
}

/** Brings a device back online and waits until its outbox is sent (the store's, not only the header's). */
async function reconnect(device: { context: BrowserContext; page: Page }): Promise<void> {
	await device.context.setOffline(false);
	await expect.poll(() => outboxSize(device.page), { timeout: 15_000 }).toBe(0);
	await expect.poll(() => device.page.getByRole("status").filter({ hasText: "pending" }).count(), { timeout: 15_000 }).toBe(0);
}

function pendingStatus(page: Page) {
	return page.getByRole("status").filter({ hasText: "pending" });
}

describe("offline sync", () => {
	it("keeps a client's offline work through a reload and sends it once when back online", async () => {
		const suffix = Date.now().toString(36);
		const staff = { page: await officeStaff() };
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

		await Promise.all([phone.context.close(), tablet.context.close()]);
	});

	it("merges two client devices' and a staff device's offline work: each message once everywhere, the lost edit kept by its author", {
		timeout: 150_000,
	}, async () => {
		const suffix = Date.now().toString(36);
		const taskTitle = `Shared task ${suffix}`;
		const staff = await signedIn("staff@northwind.test");
		// The agency owner, at the office and online, edits the same task while the devices are offline.
		const owner = await signedIn("owner@northwind.test", "block");
		const detail = await apiJson<Detail>(staff.page, "GET", `/api/v1/projects/${DEMO_IDS.project}`);
		const me = await apiJson<{ user: { id: string } }>(staff.page, "GET", "/api/v1/me");
		const ownerMe = await apiJson<{ user: { id: string } }>(owner.page, "GET", "/api/v1/me");
		const clientPerson = detail.assignees.find((a) => a.side === "client")?.userId;
		const task = await apiJson<{ id: string }>(staff.page, "POST", "/api/v1/tasks", {
			projectId: DEMO_IDS.project,
			title: taskTitle,
			assigneeUserId: clientPerson,
		});
		const thread = await apiJson<{ id: string }>(staff.page, "POST", "/api/v1/threads", {
			clientId: detail.project.clientId,
			projectId: DEMO_IDS.project,
			subject: `Offline chat ${suffix}`,
		});
		// The demo client has one client person: the phone and the tablet are two devices of that person.
		const phone = await signedIn("client@northwind.test");
		const tablet = await signedIn("client@northwind.test");
		const devices = { phone, tablet, staff };
		const bodies = Object.fromEntries(Object.keys(devices).map((name) => [name, `Hello from the ${name} ${suffix}`]));
		const needed: [string, string][] = [
			["tasks", task.id],
			["message_threads", thread.id],
		];
		// One device at a time: three service workers precaching at once time out on a busy machine.
		for (const d of Object.values(devices)) await readyOffline(d.page, needed);

		// Offline, each device edits the same task and writes in the thread.
		for (const d of Object.values(devices)) await d.context.setOffline(true);
		await phone.page.getByRole("button", { name: `Mark done ${taskTitle}` }).click();
		await tablet.page.getByRole("button", { name: `Mark done ${taskTitle}` }).click();
		await staff.page.getByLabel(`Assign ${taskTitle}`).selectOption({ label: "Sam Staff" });
		for (const [name, d] of Object.entries(devices)) {
			await pendingStatus(d.page).getByText("1 pending").waitFor();
			await d.page.goto(threadUrl(thread.id));
			await sendMessage(d.page, bodies[name] ?? "");
			await pendingStatus(d.page).getByText("2 pending").waitFor();
		}
		await expect(phone.page.getByText("Pending — not sent yet").count()).resolves.toBe(1);

		// The client devices come back first: the task is done (the second "done" changes nothing).
		// Then the owner reassigns the task — a later edit than the staff's offline one — and the
		// staff device comes back: its reassignment loses by clock and is shown to its author.
		await reconnect(tablet);
		await reconnect(phone);
		await apiJson(owner.page, "PATCH", `/api/v1/tasks/${task.id}`, { assigneeUserId: ownerMe.user.id });
		await reconnect(staff);
		for (const d of Object.values(devices)) {
			const log = d.page.getByRole("log", { name: "Messages" });
			for (const body of Object.values(bodies)) {
				await expect.poll(() => log.getByText(body, { exact: true }).count(), { timeout: 15_000 }).toBe(1);
			}
			await expect(d.page.getByText("Pending — not sent yet").count()).resolves.toBe(0);
		}
		const server = await apiJson<{ messages: { body: string }[] }>(staff.page, "GET", `/api/v1/threads/${thread.id}/messages`);
		expect(server.messages.map((m) => m.body).sort()).toEqual(Object.values(bodies).sort());
		for (const d of [phone, tablet]) await expect(d.page.getByRole("status").filter({ hasText: "to resolve" }).count()).resolves.toBe(0);

		// The staff keeps their own choice: it is sent again as a new change and reaches everyone.
		await staff.page.getByRole("status").getByText("1 to resolve").waitFor();
		await staff.page.goto(projectUrl());
		const conflicts = staff.page.getByRole("region", { name: "Changes that need your answer" });
		await conflicts
			.getByText(`Your edit of “${taskTitle}” was replaced by a later change made meanwhile: it is now assigned to Olivia Owner.`)
			.waitFor();
		await conflicts.getByRole("button", { name: `Keep mine for ${taskTitle}` }).click();
		await conflicts.waitFor({ state: "detached" });
		const serverTask = async () =>
			(await apiJson<Detail>(owner.page, "GET", `/api/v1/projects/${DEMO_IDS.project}`)).tasks.find((t) => t.id === task.id);
		await expect.poll(serverTask, { timeout: 15_000 }).toMatchObject({ status: "done", assigneeUserId: me.user.id });
		await expect.poll(() => staff.page.getByLabel(`Assign ${taskTitle}`).inputValue()).toBe(me.user.id);
		await expect.poll(() => pendingStatus(staff.page).count()).toBe(0);
		for (const d of [phone, tablet]) {
			await d.page.goto(projectUrl());
			await d.page.getByRole("listitem").filter({ hasText: taskTitle }).getByText("Done · Sam Staff").waitFor();
		}

		// A reload offline shows what was last synced.
		await phone.context.setOffline(true);
		await phone.page.reload();
		await phone.page.getByRole("listitem").filter({ hasText: taskTitle }).getByText("Done · Sam Staff").waitFor();
		await phone.page.goto(threadUrl(thread.id));
		const log = phone.page.getByRole("log", { name: "Messages" });
		for (const body of Object.values(bodies)) await log.getByText(body, { exact: true }).waitFor();
		await expect(log.getByRole("listitem").count()).resolves.toBe(3);

		await Promise.all([...Object.values(devices), owner].map((d) => d.context.close()));
	});

	it("sends an outbox left by a closed page from the service worker's Background Sync handler", async () => {
		const suffix = Date.now().toString(36);
		const body = `Sent by the service worker ${suffix}`;
		const staff = { page: await officeStaff() };
		const detail = await apiJson<Detail>(staff.page, "GET", `/api/v1/projects/${DEMO_IDS.project}`);
		const thread = await apiJson<{ id: string }>(staff.page, "POST", "/api/v1/threads", {
			clientId: detail.project.clientId,
			subject: `Background sync ${suffix}`,
		});
		const phone = await signedIn("client@northwind.test");
		await readyOffline(phone.page, [["message_threads", thread.id]]);
		await phone.page.goto(threadUrl(thread.id));
		await phone.page.getByLabel("Message", { exact: true }).waitFor();
		await phone.context.setOffline(true);
		await sendMessage(phone.page, body);
		await pendingStatus(phone.page).getByText("1 pending").waitFor();

		// No page of the app is left to send it: only the service worker can.
		const blank = await phone.context.newPage();
		const cdp = await phone.context.newCDPSession(blank);
		const registrations: { registrationId: string; scopeURL: string }[] = [];
		cdp.on("ServiceWorker.workerRegistrationUpdated", (event) => registrations.push(...event.registrations));
		await cdp.send("ServiceWorker.enable");
		await phone.page.close();
		const origin = tenantUrl("northwind", "").replace(/\/$/, "");
		await expect.poll(() => registrations.find((r) => r.scopeURL.startsWith(origin))).toBeTruthy();
		const registrationId = registrations.find((r) => r.scopeURL.startsWith(origin))?.registrationId ?? "";
		await phone.context.setOffline(false);
		await cdp.send("ServiceWorker.dispatchSyncEvent", { origin, registrationId, tag: "atrium-outbox", lastChance: false });

		const sentBodies = async () =>
			(await apiJson<{ messages: { body: string }[] }>(staff.page, "GET", `/api/v1/threads/${thread.id}/messages`)).messages.map(
				(m) => m.body,
			);
		await expect.poll(sentBodies, { timeout: 15_000 }).toEqual([body]);
		await phone.context.close();
	});

	it("keeps a pinned document readable offline, follows its new version, and frees it when unpinned", async () => {
		const name = `pinned-${Date.now().toString(36)}.txt`;
		const phone = await signedIn("client@northwind.test");
		const page = phone.page;
		const detail = await apiJson<Detail>(page, "GET", `/api/v1/projects/${DEMO_IDS.project}`);
		const uploaded = await page.evaluate(
			async ([clientId, name]) => {
				const res = await fetch(`/api/v1/clients/${clientId}/documents?name=${encodeURIComponent(name)}`, {
					method: "POST",
					headers: { "Content-Type": "text/plain" },
					body: "Read me on the train",
				});
				return (await res.json()) as { id: string };
			},
			[detail.project.clientId, name] as const,
		);
		await page.goto(tenantUrl("northwind", "/documents"));
		await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 20_000 });
		const pin = page.getByRole("button", { name: `Keep offline ${name}` });
		await pin.click();
		await page.getByRole("button", { name: `Kept offline ${name}`, pressed: true }).waitFor();

		// A new version (the same name) arrives through sync: the kept copy follows in the background.
		await page.getByLabel(/Choose a file to upload/).setInputFiles({
			name,
			mimeType: "text/plain",
			buffer: Buffer.from("Read me on the plane"),
		});
		await page
			.getByRole("status", { name: "Documents kept offline" })
			.getByText(`Kept offline, updated to the newest version: “${name}” (version 2).`)
			.waitFor({ timeout: 15_000 });

		const readOffline = () =>
			page.evaluate(async (id) => {
				try {
					return await (await fetch(`/api/v1/documents/${id}/content`)).text();
				} catch {
					return "unreachable";
				}
			}, uploaded.id);
		const kept = () => page.evaluate(async () => (await (await caches.open("atrium-pinned-documents")).keys()).length);
		await phone.context.setOffline(true);
		expect(await readOffline()).toBe("Read me on the plane");

		// Offline, the documents page reads the device's store.
		await page.reload();
		await page.getByRole("button", { name: `Kept offline ${name}` }).click();
		await page.getByRole("button", { name: `Keep offline ${name}`, pressed: false }).waitFor();
		expect(await kept()).toBe(0);
		expect(await readOffline()).toBe("unreachable");
		await phone.context.close();
	});
});
