/**
 * The demo portal seed: the demo client user sees their client's project, staff see the client's
 * people, and running the seed again changes nothing. Its rows have fixed ids under the fixed demo
 * agency, so it cannot run once per test under fresh names: it runs once for the file (whose
 * storage is fresh, tests/support/README.md) — first with no demo agency, then after the demo
 * agency's seed, then again — and the tests read what each run left. Nothing else writes here.
 */
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { DEMO_FORM_IDS } from "../../scripts/lib/demo-lead-forms-seed";
import { buildDemoPortalSeedSql, DEMO_IDS } from "../../scripts/lib/demo-portal-seed";
import { buildDemoSeedSql, DEMO_PASSWORD } from "../../scripts/lib/demo-seed";
import { logIn } from "../support/agencies";
import { call, hostOf } from "../support/http";
import { json, type ProjectDetailT } from "./portal-fixtures";

/** Runs the seed as `wrangler d1 execute` does: one statement per `;` at a line's end (a quoted text may span lines). */
async function runSql(sql: string): Promise<void> {
	const statements = sql
		.split(/;\n/)
		.map((statement) => statement.trim())
		.filter(Boolean);
	await env.DB.batch(statements.map((s) => env.DB.prepare(s)));
}

async function counts() {
	return env.DB.prepare(
		"SELECT (SELECT count(*) FROM clients) AS c, (SELECT count(*) FROM client_members) AS m, (SELECT count(*) FROM milestones) AS ms, (SELECT count(*) FROM tasks) AS t, (SELECT count(*) FROM deliverables) AS d, (SELECT count(*) FROM invitations) AS i",
	).first();
}

const seeded: Record<"withoutAgency" | "first" | "second", Awaited<ReturnType<typeof counts>>> = {
	withoutAgency: null,
	first: null,
	second: null,
};
const host = hostOf("northwind");

beforeAll(async () => {
	await runSql(buildDemoPortalSeedSql());
	seeded.withoutAgency = await counts();
	await runSql(await buildDemoSeedSql("localhost"));
	await runSql(buildDemoPortalSeedSql());
	seeded.first = await counts();
	await runSql(buildDemoPortalSeedSql());
	seeded.second = await counts();
});

describe("demo portal seed", () => {
	it("does nothing when the demo agency does not exist", () => {
		expect(seeded.withoutAgency).toEqual({ c: 0, m: 0, ms: 0, t: 0, d: 0, i: 0 });
	});

	it("gives northwind three clients, a linked client user, a project and an invitation; a second run adds nothing", () => {
		expect(seeded.first).toEqual({ c: 3, m: 1, ms: 4, t: 4, d: 1, i: 1 });
		expect(seeded.second).toEqual(seeded.first);
	});

	it("shows the demo client user their client and its project, a quarter done with a deliverable to review", async () => {
		const cookie = await logIn(host, "client@northwind.test", DEMO_PASSWORD);
		const clients = await json<{ clients: { name: string }[] }>(call(host, "/api/v1/clients", { cookie }));
		expect(clients.clients.map((c) => c.name)).toEqual(["Acme Bakery"]);
		const project = await json<ProjectDetailT>(call(host, `/api/v1/projects/${DEMO_IDS.project}`, { cookie }));
		expect(project.progress.percent).toBe(25);
		expect(project.deliverables.map((d) => d.status)).toEqual(["pending_review"]);
	});

	it("shows staff Acme Bakery's people: Chris linked with their role, Ben invited with a task waiting for him", async () => {
		const staff = await logIn(host, "staff@northwind.test", DEMO_PASSWORD);
		const people = await json<{ people: { name: string; title: string | null }[] }>(
			call(host, `/api/v1/clients/${DEMO_IDS.bakery}/people`, { cookie: staff }),
		);
		expect(people.people.map((p) => [p.name, p.title])).toEqual([["Chris Client", "Owner"]]);
		const invited = await json<{ invitations: { name: string | null; title: string | null; status: string }[] }>(
			call(host, `/api/v1/clients/${DEMO_IDS.bakery}/invitations`, { cookie: staff }),
		);
		expect(invited.invitations.map((i) => [i.name, i.title, i.status])).toEqual([["Ben Baker", "Head baker", "pending"]]);
		const seen = await json<ProjectDetailT>(call(host, `/api/v1/projects/${DEMO_IDS.project}`, { cookie: staff }));
		const waiting = seen.tasks.find((t) => t.assigneeInvitationId !== null);
		expect(waiting?.title).toBe("Approve the pre-order menu");
		expect(seen.invitees.map((i) => i.name)).toEqual(["Ben Baker"]);
	});

	it("gives each demo client a published lead form with its hosted page, and a few leads; a second run adds none", async () => {
		const rows = await env.DB.prepare(
			"SELECT (SELECT count(*) FROM crm_forms WHERE status = 'published') AS forms, (SELECT count(*) FROM crm_leads) AS leads",
		).first();
		expect(rows).toEqual({ forms: 3, leads: 5 });
		const page = await call(host, `/f/${DEMO_FORM_IDS.bakery}`);
		expect(page.status).toBe(200);
		expect(await page.text()).toContain("<h1>Order enquiry</h1>");
		// Copper Fox Coffee is a paused client: its form says so instead of taking submissions.
		expect((await call(host, `/f/${DEMO_FORM_IDS.coffee}`)).status).toBe(403);
	});

	it("gives the CRM a few hundred contacts and companies over the clients and the agency, searchable, with one duplicate; Acme Bakery's people read theirs", async () => {
		const rows = await env.DB.prepare(
			"SELECT (SELECT count(*) FROM crm_contacts) AS contacts, (SELECT count(*) FROM crm_companies) AS companies, (SELECT count(*) FROM crm_contacts WHERE client_id IS NULL) AS agency",
		).first();
		expect(rows).toEqual({ contacts: 301, companies: 40, agency: 75 });
		const staff = await logIn(host, "staff@northwind.test", DEMO_PASSWORD);
		type Page = { contacts: { id: string; firstName: string; lastName: string; workspace: string }[] };
		const found = await json<Page>(call(host, `/api/v1/crm/contacts?workspace=${DEMO_IDS.bakery}&q=amelia%20okafor`, { cookie: staff }));
		expect(found.contacts.map((c) => `${c.firstName} ${c.lastName}`.trim())).toEqual(["Amelia Okafor", "Amelia"]);
		const original = found.contacts.find((c) => c.lastName === "Okafor");
		const dupes = await json<{ duplicates: { id: string }[] }>(
			call(host, `/api/v1/crm/contacts/${original?.id}/duplicates`, { cookie: staff }),
		);
		expect(dupes.duplicates).toHaveLength(1);
		const client = await logIn(host, "client@northwind.test", DEMO_PASSWORD);
		const theirs = await json<Page>(call(host, "/api/v1/crm/contacts?limit=100", { cookie: client }));
		expect(theirs.contacts.length).toBe(76);
		expect(new Set(theirs.contacts.map((c) => c.workspace))).toEqual(new Set([DEMO_IDS.bakery]));
	});
});
