/**
 * Messaging end to end, two people at once: staff opens the project's conversation and writes; the
 * client's navigation badge counts it live, the client reads it (staff sees "Seen" and the client
 * online), types (staff sees the typing indicator) and replies, which staff sees live and reads.
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

async function person(email: string): Promise<Page> {
	const page = await (await browser.newContext()).newPage();
	await signInToNorthwind(page, email);
	return page;
}

describe("messaging", () => {
	it("delivers messages, typing, presence and Seen live between staff and the client", async () => {
		const staff = await person("staff@northwind.test");
		const client = await person("client@northwind.test");
		await client.goto(tenantUrl("northwind", "/messages"));
		await client.getByRole("heading", { name: "Conversations" }).waitFor();

		await staff.goto(tenantUrl("northwind", `/projects/${DEMO_IDS.project}`));
		await staff.getByLabel("Subject").fill("Homepage draft");
		await staff.getByRole("button", { name: "Start a conversation" }).click();
		await staff.waitForURL(/\/messages\/[0-9a-f-]{36}$/);
		const threadUrl = staff.url();
		const hello = `The homepage draft is ready ${Date.now().toString(36)}`;
		await staff.getByLabel("Message", { exact: true }).fill(hello);
		await staff.getByRole("button", { name: "Send" }).click();
		await staff.getByText(hello).waitFor();

		// The client's navigation badge counts it without a reload.
		const badge = client.getByTestId("unread-badge");
		await badge.waitFor();
		expect(await badge.textContent()).toBe("1 unread");

		await client.goto(threadUrl);
		await client.getByText(hello).waitFor();
		await staff.getByText("Seen", { exact: true }).waitFor();
		await staff.getByText(/is online$/).waitFor();

		const composer = client.getByLabel("Message", { exact: true });
		await composer.pressSequentially("Looks great", { delay: 20 });
		await staff.getByText(/is typing…$/).waitFor();
		await client.getByRole("button", { name: "Send" }).click();
		await staff.getByText("Looks great", { exact: true }).waitFor();
		await client.getByText("Seen", { exact: true }).waitFor();
		await expect(client.getByTestId("unread-badge").count()).resolves.toBe(0);
	});
});
