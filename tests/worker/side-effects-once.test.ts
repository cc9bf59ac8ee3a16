/**
 * Services own their side effects, so each entry point gets them once and the same way: a deliverable
 * review is audited once whether it came by REST or by offline sync, and a client created pending
 * setup starts its onboarding once (audited), however its create is replayed.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { newId } from "../../worker/lib/ids";
import { uniqueSlug } from "../support/agencies";
import { call } from "../support/http";
import { json, type PortalAgency, portalAgency, projectWith } from "./portal-fixtures";
import { mutation, pushOk } from "./sync-fixtures";

type AuditRow = { action: string; actor_label: string; target_id: string; detail: string | null };

async function auditOf(a: PortalAgency, action: string, targetId: string): Promise<AuditRow[]> {
	const rows = await env.DB.prepare(
		"SELECT action, actor_label, target_id, detail FROM audit_events WHERE tenant_id = ? AND action = ? AND target_id = ? ORDER BY created_at",
	)
		.bind(a.tenantId, action, targetId)
		.all<AuditRow>();
	return rows.results;
}

async function runsOf(a: PortalAgency, clientId: string): Promise<number> {
	const row = await env.DB.prepare("SELECT COUNT(*) AS n FROM onboarding_runs WHERE tenant_id = ? AND client_id = ?")
		.bind(a.tenantId, clientId)
		.first<{ n: number }>();
	return row?.n ?? 0;
}

describe("a deliverable review", () => {
	it("is audited once, the same way, whether it arrives by REST or by offline sync (a replayed batch adds nothing)", async () => {
		const acme = await portalAgency(uniqueSlug("reviewaudit"));
		const project = await projectWith(acme, acme.clientX.id);
		const add = (title: string) =>
			json<{ id: string }>(
				call(acme.host, "/api/v1/deliverables", {
					cookie: acme.staffCookie,
					body: { projectId: project.project.id, title, kind: "link", url: "https://figma.example/file/1" },
				}),
				201,
			);
		const viaRest = await add("Homepage");
		const viaSync = await add("Logo");

		await json(
			call(acme.host, `/api/v1/deliverables/${viaRest.id}/reviews`, {
				cookie: acme.xUser.cookie,
				body: { decision: "changes_requested", comment: "Bigger" },
			}),
			201,
		);
		const batch = [mutation(1, "deliverable.review", viaSync.id, { changes: { decision: "changes_requested", comment: "Bigger" } })];
		const [result] = await pushOk(acme.host, acme.xUser.cookie, "phone-of-x", batch);
		expect(result?.outcome).toBe("applied");
		await pushOk(acme.host, acme.xUser.cookie, "phone-of-x", batch);

		const expected = (id: string): AuditRow[] => [
			{
				action: "deliverable.reviewed",
				actor_label: `x@${acme.slug}.test`,
				target_id: id,
				detail: JSON.stringify({ decision: "changes_requested" }),
			},
		];
		expect(await auditOf(acme, "deliverable.reviewed", viaRest.id)).toEqual(expected(viaRest.id));
		expect(await auditOf(acme, "deliverable.reviewed", viaSync.id)).toEqual(expected(viaSync.id));
	});
});

describe("creating a client", () => {
	it("pending setup starts its onboarding once, audited once; a replayed create with the same id starts and audits nothing more", async () => {
		const acme = await portalAgency(uniqueSlug("clientonce"));
		const id = newId();
		const body = { id, name: "Harbor Dental" };
		const first = await json<{ id: string; status: string }>(call(acme.host, "/api/v1/clients", { cookie: acme.staffCookie, body }), 201);
		expect(first).toMatchObject({ id, status: "pending_setup" });
		const replay = await json<{ id: string }>(call(acme.host, "/api/v1/clients", { cookie: acme.staffCookie, body }), 201);
		expect(replay.id).toBe(id);

		expect(await runsOf(acme, id)).toBe(1);
		expect((await auditOf(acme, "client.created", id)).map((r) => r.actor_label)).toEqual([`staff@${acme.slug}.test`]);
		expect((await auditOf(acme, "onboarding.started", id)).map((r) => r.actor_label)).toEqual([`staff@${acme.slug}.test`]);
		// Staff's "start onboarding" finds the run the create started, and records nothing more.
		expect((await call(acme.host, `/api/v1/clients/${id}/onboarding`, { method: "POST", cookie: acme.staffCookie })).status).toBe(200);
		expect(await runsOf(acme, id)).toBe(1);
		expect(await auditOf(acme, "onboarding.started", id)).toHaveLength(1);
	});

	it("already active starts no onboarding; staff starting it later is audited once, like a start at creation", async () => {
		const acme = await portalAgency(uniqueSlug("clientactive"));
		const client = await json<{ id: string }>(
			call(acme.host, "/api/v1/clients", { cookie: acme.staffCookie, body: { name: "Orchard Cafe", status: "active" } }),
			201,
		);
		expect(await runsOf(acme, client.id)).toBe(0);
		expect(await auditOf(acme, "onboarding.started", client.id)).toEqual([]);
		const start = () => call(acme.host, `/api/v1/clients/${client.id}/onboarding`, { method: "POST", cookie: acme.staffCookie });
		expect((await start()).status).toBe(201);
		expect((await start()).status).toBe(200);
		expect(await runsOf(acme, client.id)).toBe(1);
		expect((await auditOf(acme, "onboarding.started", client.id)).map((r) => r.actor_label)).toEqual([`staff@${acme.slug}.test`]);
	});
});
