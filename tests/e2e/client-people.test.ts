/**
 * A client's people join their company through the UI: the agency owner invites a client's contact
 * from the client's page; the contact opens the emailed link on a phone, joins and lands on their
 * company's Home with its project; they start a conversation about the project (with a subject),
 * which the agency sees on the project's Messages card; staff unlink them and their access ends.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { E2E_PASSWORD, signUpAgencyViaApi } from "./agencies";
import { apiInPage, launchBrowser, signInWithPassword, tenantUrl } from "./browser";
import { invitationLinkTo } from "./mailbox";

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

/** A bound for waits on the server: generous, since the machine may be busy (it is a bound, not a sleep). */
const SLOW = { timeout: 20_000, interval: 100 };

function peopleCard(page: Page) {
	return page.getByRole("region", { name: "People" });
}

describe("a client's people", () => {
	it("the owner invites a client's contact from the client's page; they join on a phone, see their project, and lose access when unlinked", async () => {
		const agency = await signUpAgencyViaApi("people", "Harbor Studio");
		const contact = `mara-${Date.now().toString(36)}@harbor-foods.test`;
		const ownerContext = await browser.newContext();
		const owner = await ownerContext.newPage();
		await signInWithPassword(owner, agency.slug, agency.ownerEmail, E2E_PASSWORD);
		const client = (await apiInPage(owner, "POST", "/api/v1/clients", { name: "Harbor Foods", status: "active" })) as { id: string };
		const project = (await apiInPage(owner, "POST", "/api/v1/projects", {
			clientId: client.id,
			name: "Spring menu launch",
			status: "active",
		})) as { id: string };

		// The client's page: no one can sign in yet; the owner invites the contact by name, email and role.
		await owner.goto(tenantUrl(agency.slug, `/clients/${client.id}`));
		const people = peopleCard(owner);
		await people.getByText("No one from Harbor Foods can sign in yet.").waitFor();
		await people.getByLabel("Name", { exact: true }).fill("Mara Lind");
		await people.getByLabel("Email").fill(contact);
		await people.getByLabel("Role in the company (optional)").fill("Head of marketing");
		await people.getByRole("button", { name: "Send invitation" }).click();
		await people.getByText(`Invitation sent to ${contact}.`).waitFor();
		await people.getByRole("listitem").filter({ hasText: "Mara Lind" }).getByText("Invited").waitFor();

		// The contact opens the emailed link on a phone and joins.
		const phoneContext = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
		const phone = await phoneContext.newPage();
		await phone.goto(await invitationLinkTo(contact));
		await phone.getByRole("heading", { name: "Join Harbor Studio" }).waitFor();
		await phone.getByText(/follow Harbor Foods's work/).waitFor();
		expect(await phone.getByLabel("Your name").inputValue()).toBe("Mara Lind");
		await phone.getByLabel("Password").fill("a long enough passphrase");
		await phone.getByRole("button", { name: "Create account and join" }).click();
		await phone.waitForURL(tenantUrl(agency.slug, "/"), SLOW);

		// Their first page is their company's Home with its project.
		await expect.poll(() => phone.getByRole("heading", { level: 1 }).textContent(), SLOW).toContain("Welcome, Mara");
		const projects = phone.getByRole("region", { name: "Your projects" });
		await projects.getByRole("link", { name: "Spring menu launch" }).click();
		await phone.waitForURL(tenantUrl(agency.slug, `/projects/${project.id}`));

		// A conversation about the project, under a subject the contact gives.
		const messages = phone.getByRole("region", { name: "Messages" });
		await messages.getByRole("button", { name: "Start a conversation" }).click();
		await messages.getByText("Subject is required").first().waitFor();
		await messages.getByLabel("Subject").fill("Menu photos");
		await messages.getByRole("button", { name: "Start a conversation" }).click();
		await phone.waitForURL(/\/messages\/[0-9a-f-]{36}$/, SLOW);

		// The agency sees it on the project's Messages card, and the contact on the People card with their role.
		await owner.goto(tenantUrl(agency.slug, `/projects/${project.id}`));
		await owner.getByRole("region", { name: "Messages" }).getByRole("link", { name: "Menu photos" }).waitFor();
		await owner.goto(tenantUrl(agency.slug, `/clients/${client.id}`));
		const person = peopleCard(owner).getByRole("listitem").filter({ hasText: "Mara Lind" });
		await person.getByText(`Head of marketing · ${contact}`).waitFor();

		// Staff unlink them: their access ends.
		await person.getByRole("button", { name: "Unlink Mara Lind" }).click();
		await person.getByRole("button", { name: "Yes, unlink Mara Lind" }).click();
		await peopleCard(owner).getByText("Mara Lind was unlinked and can no longer see this client.").waitFor();
		await peopleCard(owner).getByText("No one from Harbor Foods can sign in yet.").waitFor();

		await phone.goto(tenantUrl(agency.slug, `/projects/${project.id}`));
		await phone.getByRole("heading", { name: "Page not found" }).waitFor();
		await phone.goto(tenantUrl(agency.slug, "/"));
		await phone.getByText("No projects yet. Your agency will add them here.").waitFor();
		expect(await phone.getByRole("main").textContent()).not.toContain("Spring menu launch");

		await ownerContext.close();
		await phoneContext.close();
	});
});
