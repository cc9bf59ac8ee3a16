/**
 * Uploads and touch gestures (issue #17), in the agency's own new agency: two files dropped on the
 * Documents page (a DragEvent carrying a DataTransfer built in the page) are previewed (image
 * thumbnail, PDF page count); one held in flight is cancelled and leaves no document while the other
 * lands in the list; an upload the server fails once shows Retry and then succeeds. On a phone
 * (Chromium mobile emulation, touches sent through CDP): pulling down a project's page shows a task
 * created meanwhile through the API, and swiping a task marks it done (still done after a reload).
 */
import type { Browser, Page, Route } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { E2E_PASSWORD, signUpAgencyViaApi } from "./agencies";
import { apiInPage, launchBrowser, signInWithPassword, tenantUrl } from "./browser";

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

/** The upload request (one-request upload) of a file named `name`. */
function isUploadOf(route: Route, name: string): boolean {
	const url = new URL(route.request().url());
	return route.request().method() === "POST" && url.pathname.endsWith("/documents") && url.searchParams.get("name") === name;
}

async function documentNames(page: Page, clientId: string): Promise<string[]> {
	const listing = (await apiInPage(page, "GET", `/api/v1/clients/${clientId}/documents`)) as { documents: { name: string }[] };
	return listing.documents.map((d) => d.name).sort();
}

describe("uploads and gestures", () => {
	it("drops two files with previews, cancels one in flight, and retries a failed one", async () => {
		const agency = await signUpAgencyViaApi("uploads", "Upload Studio");
		const page = await (await browser.newContext()).newPage();
		await signInWithPassword(page, agency.slug, agency.ownerEmail, E2E_PASSWORD);
		const client = (await apiInPage(page, "POST", "/api/v1/clients", { name: "Drop Client" })) as { id: string };

		// held.pdf's request is held until the test lets it go (it never does: it is cancelled);
		// flaky.txt's first request answers 500.
		let held: Route | null = null;
		let flakyFailed = false;
		await page.route(
			(url) => url.pathname.endsWith("/documents"),
			async (route) => {
				if (isUploadOf(route, "held.pdf")) {
					held = route;
					return;
				}
				if (isUploadOf(route, "flaky.txt") && !flakyFailed) {
					flakyFailed = true;
					await route.fulfill({
						status: 500,
						contentType: "application/problem+json",
						body: JSON.stringify({ title: "Boom", detail: "Storage hiccup." }),
					});
					return;
				}
				await route.continue();
			},
		);
		await page.goto(tenantUrl(agency.slug, "/documents"));
		await page.getByLabel(/Choose a file to upload/).waitFor();

		await page.evaluate(() => {
			// A 1×1 PNG and a two-page PDF (just enough structure for the page count).
			const png = Uint8Array.from(
				atob("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="),
				(c) => c.charCodeAt(0),
			);
			const pdf =
				"%PDF-1.4\n1 0 obj << /Type /Pages /Count 2 >> endobj\n2 0 obj << /Type /Page >> endobj\n3 0 obj << /Type /Page >> endobj\n%%EOF";
			const transfer = new DataTransfer();
			transfer.items.add(new File([png], "photo.png", { type: "image/png" }));
			transfer.items.add(new File([pdf], "held.pdf", { type: "application/pdf" }));
			(window as unknown as { transfer: DataTransfer }).transfer = transfer;
			document
				.querySelector("main")
				?.dispatchEvent(new DragEvent("dragenter", { dataTransfer: transfer, bubbles: true, cancelable: true }));
		});
		await page.getByRole("status").filter({ hasText: "Drop files to upload them to Drop Client" }).waitFor();
		await page.evaluate(() => {
			const transfer = (window as unknown as { transfer: DataTransfer }).transfer;
			document.querySelector("main")?.dispatchEvent(new DragEvent("drop", { dataTransfer: transfer, bubbles: true, cancelable: true }));
		});

		await page.getByRole("img", { name: "Preview of photo.png" }).waitFor();
		await page.getByRole("img", { name: "PDF preview of held.pdf" }).getByText("2 pages").waitFor();
		await page.getByRole("progressbar", { name: "Uploading photo.png" }).and(page.locator('[aria-valuenow="100"]')).waitFor();
		await page.getByRole("list", { name: "Folders and documents" }).getByRole("button", { name: "photo.png", exact: true }).waitFor();

		await expect.poll(() => held !== null).toBe(true);
		await page.getByRole("button", { name: "Cancel held.pdf" }).click();
		await page.getByRole("progressbar", { name: "Uploading held.pdf" }).waitFor({ state: "detached" });
		await page.getByRole("status").filter({ hasText: "held.pdf cancelled." }).waitFor();
		// Let the held request go: the browser aborted it, so it never reaches the server (were it still
		// alive, held.pdf would be stored and listed by the end of this test).
		await (held as Route | null)?.continue().catch(() => undefined);
		expect(await documentNames(page, client.id)).toEqual(["photo.png"]);

		await page
			.getByLabel(/Choose a file to upload/)
			.setInputFiles({ name: "flaky.txt", mimeType: "text/plain", buffer: Buffer.from("try again") });
		await page.getByText("Storage hiccup.", { exact: true }).waitFor();
		await page.getByRole("button", { name: "Retry flaky.txt" }).click();
		await page.getByRole("list", { name: "Folders and documents" }).getByRole("button", { name: "flaky.txt", exact: true }).waitFor();
		expect(await documentNames(page, client.id)).toEqual(["flaky.txt", "photo.png"]);
	});

	it("on a phone, pull-to-refresh shows a task added elsewhere and a swipe marks a task done", async () => {
		const agency = await signUpAgencyViaApi("gestures", "Gesture Studio");
		const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
		const page = await context.newPage();
		await signInWithPassword(page, agency.slug, agency.ownerEmail, E2E_PASSWORD);
		const client = (await apiInPage(page, "POST", "/api/v1/clients", { name: "Touch Client" })) as { id: string };
		const project = (await apiInPage(page, "POST", "/api/v1/projects", { clientId: client.id, name: "Touch site" })) as { id: string };
		await apiInPage(page, "POST", "/api/v1/tasks", { projectId: project.id, title: "Swipe me" });
		await page.goto(tenantUrl(agency.slug, `/projects/${project.id}`));
		const rowOf = (title: string) => page.getByRole("listitem").filter({ has: page.getByText(title, { exact: true }) });
		await rowOf("Swipe me").waitFor();
		// The page's own first sync is done: what shows next comes from the pull.
		await page.waitForLoadState("networkidle");
		await apiInPage(page, "POST", "/api/v1/tasks", { projectId: project.id, title: "Added elsewhere" });
		expect(await rowOf("Added elsewhere").count()).toBe(0);

		const cdp = await context.newCDPSession(page);
		const touch = async (from: { x: number; y: number }, to: { x: number; y: number }) => {
			await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: [from] });
			for (let step = 1; step <= 8; step++) {
				const point = { x: from.x + ((to.x - from.x) * step) / 8, y: from.y + ((to.y - from.y) * step) / 8 };
				await cdp.send("Input.dispatchTouchEvent", { type: "touchMove", touchPoints: [point] });
			}
			await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
		};
		expect(await page.evaluate(() => window.scrollY)).toBe(0);
		await touch({ x: 195, y: 200 }, { x: 195, y: 500 });
		await rowOf("Added elsewhere").waitFor();

		const row = rowOf("Swipe me");
		// In the middle of the screen: clear of the fixed header and the phone's tab bar.
		await row.evaluate((element) => element.scrollIntoView({ block: "center" }));
		const box = await row.boundingBox();
		if (!box) throw new Error("the task row is not on screen");
		const y = box.y + box.height / 2;
		await touch({ x: box.x + 20, y }, { x: box.x + 20 + 220, y });
		await row.getByText(/^Done/).waitFor();
		await row.getByText("Pending — not sent yet").waitFor({ state: "detached" });
		await page.reload();
		await rowOf("Swipe me").getByText(/^Done/).waitFor();
		await expect(rowOf("Added elsewhere").getByRole("button", { name: "Mark done Added elsewhere" }).isVisible()).resolves.toBe(true);
	});
});
