/** The owner invites someone from Settings › Team; the invitee opens the emailed link in another browser and lands signed in. */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, signInToNorthwind, tenantUrl } from "./browser";
import { newestMailTo } from "./mailbox";

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

/** A bound for waits on the server: generous, since the machine may be busy (it is a bound, not a sleep). */
const SLOW = { timeout: 20_000, interval: 100 };

describe("invitations", () => {
	it("the owner invites a new person, who accepts in another browser and lands signed in", async () => {
		const email = `nia-${Date.now().toString(36)}@example.test`;
		const ownerContext = await browser.newContext();
		const owner = await ownerContext.newPage();
		await signInToNorthwind(owner, "owner@northwind.test");
		await owner.getByRole("navigation", { name: /main/i }).getByRole("link", { name: "Settings" }).click();
		await owner.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Team" }).click();
		await owner.waitForURL(tenantUrl("northwind", "/settings/team"));
		await owner.getByLabel("Email").fill(email);
		await owner.getByLabel("Role", { exact: true }).selectOption("staff");
		await owner.getByRole("button", { name: "Send invitation" }).click();
		await expect.poll(() => owner.getByRole("main").textContent(), SLOW).toContain(`Invitation sent to ${email}`);
		await expect.poll(() => owner.getByRole("region", { name: "Invitations" }).textContent(), SLOW).toContain(email);

		const mail = await newestMailTo(email);
		expect(mail.subject).toBe("Olivia Owner invited you to Northwind Studio");
		const link = mail.text.match(/http:\/\/\S+\/invite\?token=[a-z2-7]{32}/)?.[0];
		expect(link?.startsWith(tenantUrl("northwind", "/invite?token="))).toBe(true);

		const inviteeContext = await browser.newContext();
		const invitee = await inviteeContext.newPage();
		await invitee.goto(link ?? "");
		await invitee.getByRole("heading", { name: "Join Northwind Studio" }).waitFor();
		await invitee.getByLabel("Your name").fill("Nia Newcomer");
		await invitee.getByLabel("Password").fill("a long enough passphrase");
		await invitee.getByRole("button", { name: "Create account and join" }).click();
		await invitee.waitForURL(tenantUrl("northwind", "/"), SLOW);
		await expect.poll(() => invitee.getByRole("heading", { level: 1 }).textContent(), SLOW).toContain("Welcome, Nia");
		const me = await invitee.evaluate(async () => (await (await fetch("/api/v1/me")).json()) as { user: { email: string }; role: string });
		expect(me).toMatchObject({ user: { email }, role: "staff" });

		// The link worked once.
		const again = await (await browser.newContext()).newPage();
		await again.goto(link ?? "");
		await again.getByRole("heading", { name: "This invitation cannot be used" }).waitFor();

		await owner.reload();
		await expect.poll(() => owner.getByRole("region", { name: "Members" }).textContent(), SLOW).toContain("Nia Newcomer");
		await ownerContext.close();
		await inviteeContext.close();
	});
});
