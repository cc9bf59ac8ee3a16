/**
 * The portal end to end, two people at once: staff completes a milestone and shares a link
 * deliverable; the client (another browser context) sees the progress move and approves it; staff
 * then sees it approved. The client's device is a busy one whose synced store opens late: an
 * older copy on the device must never hide the other person's change (docs/OFFLINE-SYNC.md).
 */
import type { Browser, Page } from "playwright-core";
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

async function percentShown(page: Page): Promise<number> {
	const bar = page.getByRole("progressbar", { name: "Project progress" });
	await bar.waitFor();
	return Number(await bar.getAttribute("aria-valuenow"));
}

/**
 * A busy device, made certain: the page's synced store finishes opening only once the project page
 * has asked the network for the project (so the page's first sync request finds no store open yet).
 * Only the browser's own IndexedDB and fetch are slowed; the app runs unchanged.
 */
function storeOpensAfterProjectRequest(): void {
	let release: () => void = () => {};
	const projectRequested = new Promise<void>((resolve) => {
		release = resolve;
	});
	const originalFetch = window.fetch;
	window.fetch = function (this: typeof globalThis, ...args: Parameters<typeof fetch>) {
		const [input] = args;
		const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
		if (url.includes("/api/v1/projects/")) release();
		return originalFetch.apply(this, args);
	};
	const originalOpen = IDBFactory.prototype.open;
	IDBFactory.prototype.open = function (this: IDBFactory, name: string, version?: number) {
		const request = originalOpen.call(this, name, version);
		if (!name.startsWith("atrium-sync:")) return request;
		const listen = request.addEventListener.bind(request);
		request.addEventListener = ((type: string, listener: EventListener, options?: AddEventListenerOptions) =>
			listen(
				type,
				type === "success" ? (event) => void projectRequested.then(() => listener.call(request, event)) : listener,
				options,
			)) as typeof request.addEventListener;
		return request;
	};
}

async function person(email: string): Promise<Page> {
	const page = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
	await signInToNorthwind(page, email);
	return page;
}

describe("client portal", () => {
	it("staff's milestone and deliverable reach the client, whose approval reaches staff", async () => {
		const staff = await person("staff@northwind.test");
		const client = await person("client@northwind.test");
		await client.context().addInitScript(storeOpensAfterProjectRequest);
		await client.goto(projectUrl());
		const before = await percentShown(client);

		await staff.goto(projectUrl());
		const milestone = staff
			.getByRole("list")
			.filter({ has: staff.getByRole("button", { name: /^Complete / }) })
			.first();
		await milestone.waitFor();
		const completeButton = staff.getByRole("button", { name: /^Complete / }).first();
		const milestoneTitle = ((await completeButton.textContent()) ?? "").replace(/^Complete\s*/, "").trim();
		await completeButton.click();
		await staff.getByRole("button", { name: `Complete ${milestoneTitle}` }).waitFor({ state: "detached" });
		const after = await percentShown(staff);
		expect(after).toBeGreaterThan(before);

		const title = `Style guide ${Date.now().toString(36)}`;
		await staff.getByLabel("Deliverable title").fill(title);
		await staff.getByLabel("Link (https://)").fill("https://example.com/style-guide");
		await staff.getByRole("button", { name: "Add deliverable" }).click();
		const staffItem = staff.getByRole("listitem", { name: title });
		await staffItem.getByText("Waiting for review").waitFor();

		await client.reload();
		await expect.poll(() => percentShown(client), { timeout: 10_000 }).toBe(after);
		const clientItem = client.getByRole("listitem", { name: title });
		await clientItem.getByRole("link", { name: title }).waitFor();
		await clientItem.getByLabel("Comment").fill("Looks great, thank you!");
		await clientItem.getByRole("button", { name: "Approve" }).click();
		await clientItem.getByText("Approved", { exact: true }).waitFor();
		await expect(client.getByRole("form", { name: `Review ${title}` }).count()).resolves.toBe(0);

		await staff.reload();
		const approved = staff.getByRole("listitem", { name: title });
		await approved.getByText("Approved", { exact: true }).waitFor();
		await approved.getByText(/Chris Client approved on .*: “Looks great, thank you!”/).waitFor();
	});
});
