/**
 * The low-balance alert on the Usage page: the owner sets the agency's threshold (a bad value is
 * named and nothing saved), and an admin, who may see usage but not manage billing, sees the
 * setting with the field disabled.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { E2E_PASSWORD, type E2eAgency, signUpAgencyViaApi } from "./agencies";
import { launchBrowser, signInWithPassword, tenantUrl } from "./browser";
import { invitationLinkTo } from "./mailbox";

let browser: Browser;
let agency: E2eAgency;
beforeAll(async () => {
	browser = await launchBrowser();
	agency = await signUpAgencyViaApi("lowbal", "Lowbal Studio");
});
afterAll(async () => {
	await browser?.close();
});

async function signIn(email: string): Promise<Page> {
	const page = await (await browser.newContext()).newPage();
	await signInWithPassword(page, agency.slug, email, E2E_PASSWORD);
	return page;
}

describe("low-balance alert setting", () => {
	it("the owner sets the threshold; an admin sees it disabled", async () => {
		const owner = await signIn(agency.ownerEmail);
		await owner.goto(tenantUrl(agency.slug, "/usage"));
		const form = owner.getByRole("form", { name: "Low-balance alert" });
		const field = form.getByLabel("Alert threshold (credits)");
		// Before any grant the form shows the default the plan's credits bring (10% of its monthly allowance), never 0.
		const entitlements = (await owner.evaluate(async () => (await fetch("/api/v1/entitlements")).json())) as {
			aiCredits: { monthlyAllowance: number };
		};
		const planDefault = Math.floor(entitlements.aiCredits.monthlyAllowance / 10);
		expect(planDefault).toBeGreaterThan(0);
		await form
			.getByText(`An alert goes out when fewer than ${planDefault.toLocaleString("en-US")} credits are available (your plan's default).`)
			.waitFor();

		await field.fill("ten");
		await form.getByRole("button", { name: "Save threshold" }).click();
		await expect.poll(() => form.getByRole("alert").textContent()).toContain("whole number");
		expect(await field.getAttribute("aria-invalid")).toBe("true");
		expect(await field.evaluate((el) => el === document.activeElement)).toBe(true);

		await field.fill("250");
		await form.getByRole("button", { name: "Save threshold" }).click();
		await expect.poll(() => form.getByRole("status").textContent()).toBe("Saved.");
		expect(await form.textContent()).toContain("An alert goes out when fewer than 250 credits are available.");
		expect(await form.getByRole("alert").textContent()).toBe("");

		const adminEmail = `ada@${agency.slug}.test`;
		const invited = await owner.evaluate(
			async (email) =>
				(
					await fetch("/api/v1/invitations", {
						method: "POST",
						headers: { "Content-Type": "application/json" },
						body: JSON.stringify({ email, role: "admin" }),
					})
				).status,
			adminEmail,
		);
		expect(invited).toBe(201);
		const admin = await (await browser.newContext()).newPage();
		await admin.goto(await invitationLinkTo(adminEmail));
		await admin.getByLabel("Your name").fill("Ada Admin");
		await admin.getByLabel("Password").fill(E2E_PASSWORD);
		await admin.getByRole("button", { name: "Create account and join" }).click();
		await admin.waitForURL(tenantUrl(agency.slug, "/"), { timeout: 20_000 });
		await admin.goto(tenantUrl(agency.slug, "/usage"));
		const adminForm = admin.getByRole("form", { name: "Low-balance alert" });
		await adminForm.getByText("An alert goes out when fewer than 250 credits are available.").waitFor();
		expect(await adminForm.getByLabel("Alert threshold (credits)").isDisabled()).toBe(true);
		expect(await adminForm.getByRole("button", { name: "Save threshold" }).isDisabled()).toBe(true);
		expect(await adminForm.textContent()).toContain("Only someone who manages billing can change this.");
	});
});
