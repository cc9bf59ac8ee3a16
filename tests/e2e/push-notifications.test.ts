/**
 * Push in the browser: the account page offers notifications for this device, and a push message
 * delivered to the real service worker (CDP ServiceWorker.deliverPushMessage — Chromium here has no
 * push service of its own) is shown under the agency's name, with the page to open on click.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS } from "../../scripts/lib/demo-seed";
import { launchBrowser, signInToNorthwind, tenantUrl } from "./browser";

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

type Shown = { title: string; body: string; tag: string; icon: string; url: unknown };

async function shownNotifications(page: Page): Promise<Shown[]> {
	return page.evaluate(async () => {
		const registration = await navigator.serviceWorker.ready;
		const list = await registration.getNotifications();
		return list.map((n) => ({ title: n.title, body: n.body, tag: n.tag, icon: n.icon, url: (n.data as { url?: unknown } | null)?.url }));
	});
}

describe("push notifications", () => {
	it("offers notifications on the account page, and shows a pushed message under the agency's name", async () => {
		const origin = tenantUrl("northwind", "").replace(/\/$/, "");
		const context = await browser.newContext({ serviceWorkers: "allow" });
		await context.grantPermissions(["notifications"], { origin });
		const page = await context.newPage();
		await signInToNorthwind(page, DEMO_ACCOUNTS[0].email);
		await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 20_000 });

		await page.goto(tenantUrl("northwind", "/account"));
		const section = page.getByRole("region", { name: "Notifications" });
		await expect.poll(() => section.getByRole("button", { name: "Turn on for this device" }).count()).toBe(1);
		await expect.poll(() => section.textContent()).toContain("No device receives notifications yet.");

		const cdp = await context.newCDPSession(page);
		const registrationId = new Promise<string>((resolve) => {
			cdp.on("ServiceWorker.workerRegistrationUpdated", ({ registrations }) => {
				const ours = registrations.find((r) => r.scopeURL.startsWith(origin) && !r.isDeleted);
				if (ours) resolve(ours.registrationId);
			});
		});
		await cdp.send("ServiceWorker.enable");
		// A worker that controls the page may still be activating; a push is for an activated one.
		await page.waitForFunction(async () => (await navigator.serviceWorker.ready).active?.state === "activated", undefined, {
			timeout: 20_000,
		});
		const payload = {
			title: "New message",
			body: "Globex: can we move the kickoff?",
			url: "/messages",
			tag: "thread-1",
			tenantName: "Northwind Studio",
			icon: "/icons/icon-192.png",
		};
		await cdp.send("ServiceWorker.deliverPushMessage", { origin, registrationId: await registrationId, data: JSON.stringify(payload) });

		await expect
			.poll(() => shownNotifications(page))
			.toEqual([
				{
					title: "Northwind Studio · New message",
					body: "Globex: can we move the kickoff?",
					tag: "thread-1",
					icon: `${origin}/icons/icon-192.png`,
					url: "/messages",
				},
			]);
		await context.close();
	});
});
