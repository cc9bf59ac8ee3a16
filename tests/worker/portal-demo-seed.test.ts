/** The demo portal seed: the demo client user sees their client's project, and running the seed again changes nothing. */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { buildDemoPortalSeedSql, DEMO_IDS } from "../../scripts/lib/demo-portal-seed";
import { buildDemoSeedSql, DEMO_PASSWORD } from "../../scripts/lib/demo-seed";
import { resetStorageBeforeEachTest } from "../support/storage";
import { call, hostOf, logIn } from "./helpers";
import { json, type ProjectDetailT } from "./portal-fixtures";

// Legacy: these tests reuse agency slugs or count rows of every tenant, so each starts from empty
// storage (~0.2 s a test) until converted to unique slugs (tests/support/README.md).
resetStorageBeforeEachTest();

async function runSql(sql: string): Promise<void> {
	const statements = sql.split("\n").filter((line) => line.trim());
	await env.DB.batch(statements.map((s) => env.DB.prepare(s)));
}

async function counts() {
	return env.DB.prepare(
		"SELECT (SELECT count(*) FROM clients) AS c, (SELECT count(*) FROM client_members) AS m, (SELECT count(*) FROM milestones) AS ms, (SELECT count(*) FROM tasks) AS t, (SELECT count(*) FROM deliverables) AS d",
	).first();
}

describe("demo portal seed", () => {
	it("gives northwind three clients and a project the demo client sees; a second run adds nothing", async () => {
		await runSql(await buildDemoSeedSql("localhost"));
		await runSql(buildDemoPortalSeedSql());
		const first = await counts();
		expect(first).toEqual({ c: 3, m: 1, ms: 4, t: 4, d: 1 });
		await runSql(buildDemoPortalSeedSql());
		expect(await counts()).toEqual(first);

		const host = hostOf("northwind");
		const cookie = await logIn(host, "client@northwind.test", DEMO_PASSWORD);
		const clients = await json<{ clients: { name: string }[] }>(call(host, "/api/v1/clients", { cookie }));
		expect(clients.clients.map((c) => c.name)).toEqual(["Acme Bakery"]);
		const project = await json<ProjectDetailT>(call(host, `/api/v1/projects/${DEMO_IDS.project}`, { cookie }));
		expect(project.progress.percent).toBe(25);
		expect(project.deliverables.map((d) => d.status)).toEqual(["pending_review"]);

		// Acme Bakery's People card: Chris linked with their role, Ben invited with a task waiting for him.
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

	it("does nothing when the demo agency does not exist", async () => {
		await runSql(buildDemoPortalSeedSql());
		expect(await counts()).toEqual({ c: 0, m: 0, ms: 0, t: 0, d: 0 });
		expect(await env.DB.prepare("SELECT count(*) AS n FROM invitations").first()).toEqual({ n: 0 });
	});
});
