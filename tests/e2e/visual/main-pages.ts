/**
 * The app pages the visual test photographs, on an agency of its own with fixed names (never
 * Northwind's data, which other files read and may see change): a client, a project, a conversation
 * with one message, and one of the client's people who has joined. The staff pages are the owner's.
 */
import type { Browser, BrowserContext, Page } from "playwright-core";
import { newId } from "../../../worker/lib/ids";
import { E2E_PASSWORD, type E2eAgency, signUpAgencyViaApi } from "../agencies";
import { apiInPage, signInWithPassword, tenantUrl } from "../browser";
import { invitationLinkTo } from "../mailbox";

export type VisualAgency = {
	agency: E2eAgency;
	projectId: string;
	/** Signed-in sessions to start each viewport's context from. */
	staffState: Awaited<ReturnType<BrowserContext["storageState"]>>;
	clientState: Awaited<ReturnType<BrowserContext["storageState"]>>;
};

/** The pages, by who sees them: a name (the baseline's) and the address. */
export function mainPages(visual: VisualAgency): { staff: [string, string][]; client: [string, string][] } {
	return {
		staff: [
			["staff-dashboard", "/"],
			["staff-clients", "/clients"],
			["staff-project", `/projects/${visual.projectId}`],
			["staff-messages", "/messages"],
		],
		client: [["client-home", "/"]],
	};
}

/** Both people follow the device's light or dark setting, which the test then switches (emulateMedia). */
async function followSystemAppearance(page: Page): Promise<void> {
	await apiInPage(page, "PATCH", "/api/v1/me", { appearance: "system" });
}

export async function setUpVisualAgency(browser: Browser): Promise<VisualAgency> {
	const agency = await signUpAgencyViaApi("visual", "Lumen Studio");
	const staffContext = await browser.newContext({ serviceWorkers: "block" });
	const staff = await staffContext.newPage();
	await signInWithPassword(staff, agency.slug, agency.ownerEmail, E2E_PASSWORD);
	await followSystemAppearance(staff);
	const client = (await apiInPage(staff, "POST", "/api/v1/clients", { name: "Harbor Foods", status: "active" })) as { id: string };
	const project = (await apiInPage(staff, "POST", "/api/v1/projects", {
		clientId: client.id,
		name: "Spring menu launch",
		status: "active",
	})) as { id: string };
	const thread = (await apiInPage(staff, "POST", "/api/v1/threads", {
		clientId: client.id,
		projectId: project.id,
		subject: "Menu photos",
	})) as {
		id: string;
	};
	await apiInPage(staff, "POST", `/api/v1/threads/${thread.id}/messages`, {
		id: newId(),
		body: "The photos from Tuesday's shoot are in Documents.",
	});
	const contact = `mara@${agency.slug}.test`;
	await apiInPage(staff, "POST", `/api/v1/clients/${client.id}/invitations`, { name: "Mara Lind", email: contact });
	const token = new URL(await invitationLinkTo(contact)).searchParams.get("token");

	const clientContext = await browser.newContext({ serviceWorkers: "block" });
	const person = await clientContext.newPage();
	await person.goto(tenantUrl(agency.slug, "/signin"));
	await apiInPage(person, "POST", "/api/v1/invitations/accept", { token, name: "Mara Lind", password: E2E_PASSWORD });
	await followSystemAppearance(person);

	const visual = {
		agency,
		projectId: project.id,
		staffState: await staffContext.storageState(),
		clientState: await clientContext.storageState(),
	};
	await Promise.all([staffContext.close(), clientContext.close()]);
	return visual;
}
