/**
 * CRM pipelines and deals through the API: a workspace's default pipeline on first use, deals
 * created, edited, moved (a stale move is 409 and changes nothing), won/lost with a reason, stage
 * history, stage deletion that asks where deals go, bulk actions, the pipeline report with hand-
 * computed figures, field-named 422s, audit rows — and isolation: another agency (cross-tenant)
 * and another client's person (cross-client) reach nothing, a read-only client changes nothing.
 */
import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { logIn, signUpUniqueAgency, uniqueSlug } from "../support/agencies";
import { call, problemOf } from "../support/http";
import { addMember } from "./members";
import { json, type PortalAgency, portalAgency } from "./portal-fixtures";

type Stage = { id: string; name: string; probability: number; kind: "open" | "won" | "lost" };
type Pipeline = { id: string; workspace: string; name: string; stages: Stage[] };
type Deal = {
	id: string;
	stageId: string;
	status: string;
	amount: number;
	currency: string;
	closeReason: string | null;
	ownerUserId: string | null;
	version: number;
};
type Detail = { deal: Deal; history: { fromStageId: string | null; toStageId: string }[] };

let acme: PortalAgency;

function api(path: string, options: { method?: string; body?: unknown; cookie?: string } = {}) {
	return call(acme.host, path, { cookie: acme.staffCookie, ...options });
}

async function pipelinesOf(workspace: string, cookie = acme.staffCookie) {
	return (await json<{ pipelines: Pipeline[] }>(api(`/api/v1/crm/pipelines?workspace=${workspace}`, { cookie }))).pipelines;
}

async function newDeal(workspace: string, body: Record<string, unknown> = {}, cookie = acme.staffCookie) {
	return json<Deal>(
		api("/api/v1/crm/deals", { cookie, body: { workspace, name: "Retainer", amount: 100_000, currency: "USD", ...body } }),
		201,
	);
}

async function dealCount(tenantId = acme.tenantId): Promise<number> {
	const row = await env.DB.prepare("SELECT count(*) AS n FROM crm_deals WHERE tenant_id = ? AND deleted_at IS NULL")
		.bind(tenantId)
		.first<{ n: number }>();
	return row?.n ?? 0;
}

function setCrmAccess(clientId: string, crmAccess: string) {
	return json(api(`/api/v1/clients/${clientId}`, { method: "PATCH", body: { crmAccess } }));
}

beforeEach(async () => {
	acme = await portalAgency(uniqueSlug("crm-deals"));
});

describe("pipelines and stages", () => {
	it("a workspace's first use makes one default pipeline with ordered stages, each workspace its own", async () => {
		const [first, again] = await Promise.all([pipelinesOf("agency"), pipelinesOf("agency")]);
		expect(first).toHaveLength(1);
		expect(again.map((p) => p.id)).toEqual(first.map((p) => p.id));
		expect(first[0]?.stages.map((s) => [s.name, s.probability, s.kind])).toEqual([
			["Lead in", 10, "open"],
			["Qualified", 25, "open"],
			["Proposal", 50, "open"],
			["Negotiation", 75, "open"],
			["Won", 100, "won"],
			["Lost", 0, "lost"],
		]);
		const forX = await pipelinesOf(acme.clientX.id);
		expect(forX[0]?.workspace).toBe(acme.clientX.id);
		expect(forX[0]?.id).not.toBe(first[0]?.id);
	});

	it("adds, edits and reorders stages; a stage holding deals is deleted only when told where they go", async () => {
		const [pipeline] = await pipelinesOf("agency");
		if (!pipeline) throw new Error("no pipeline");
		const added = await json<Stage>(api(`/api/v1/crm/pipelines/${pipeline.id}/stages`, { body: { name: "Demo", probability: 40 } }), 201);
		const edited = await json<Stage>(api(`/api/v1/crm/stages/${added.id}`, { method: "PATCH", body: { probability: 45 } }));
		expect(edited.probability).toBe(45);
		const bad = await api(`/api/v1/crm/stages/${added.id}`, { method: "PATCH", body: { probability: 101 } });
		expect(bad.status).toBe(422);
		expect((await problemOf(bad)).errors?.[0]?.path).toBe("probability");

		const order = [added.id, ...pipeline.stages.map((s) => s.id)];
		const { stages } = await json<{ stages: Stage[] }>(
			api(`/api/v1/crm/pipelines/${pipeline.id}/stages/order`, { method: "PUT", body: { stageIds: order } }),
		);
		expect(stages.map((s) => s.id)).toEqual(order);
		const partial = await api(`/api/v1/crm/pipelines/${pipeline.id}/stages/order`, { method: "PUT", body: { stageIds: order.slice(1) } });
		expect(partial.status).toBe(422);

		const deal = await newDeal("agency", { stageId: added.id });
		const asks = await api(`/api/v1/crm/stages/${added.id}`, { method: "DELETE" });
		expect(asks.status).toBe(409);
		expect(await problemOf(asks)).toMatchObject({ errors: [{ path: "moveDealsTo" }] });
		const target = pipeline.stages[1]?.id ?? "";
		expect((await api(`/api/v1/crm/stages/${added.id}?moveDealsTo=${target}`, { method: "DELETE" })).status).toBe(204);
		const detail = await json<Detail>(api(`/api/v1/crm/deals/${deal.id}`));
		expect(detail.deal.stageId).toBe(target);
		expect(detail.history.map((h) => [h.fromStageId, h.toStageId])).toEqual([
			[null, added.id],
			[added.id, target],
		]);
		expect((await pipelinesOf("agency"))[0]?.stages.map((s) => s.id)).toEqual(pipeline.stages.map((s) => s.id));
	});
});

describe("deals", () => {
	it("moves along the board, refuses a stale move (409, nothing changed), needs a reason to be lost, and records each change", async () => {
		const [pipeline] = await pipelinesOf(acme.clientX.id);
		const [lead, qualified, proposal] = pipeline?.stages ?? [];
		if (!lead || !qualified || !proposal) throw new Error("stages missing");
		const deal = await newDeal(acme.clientX.id, { amount: 250_000, currency: "eur" });
		expect(deal).toMatchObject({ stageId: lead.id, status: "open", currency: "eur", version: 1 });

		const moved = await json<Deal>(api(`/api/v1/crm/deals/${deal.id}/move`, { body: { toStageId: qualified.id, fromStageId: lead.id } }));
		expect(moved.stageId).toBe(qualified.id);
		// The same move again (a retry) is answered with the deal as it is.
		expect(
			(await json<Deal>(api(`/api/v1/crm/deals/${deal.id}/move`, { body: { toStageId: qualified.id, fromStageId: lead.id } }))).version,
		).toBe(moved.version);
		// A board that still shows it in Lead in tries to move it to Proposal: refused.
		const stale = await api(`/api/v1/crm/deals/${deal.id}/move`, { body: { toStageId: proposal.id, fromStageId: lead.id } });
		expect(stale.status).toBe(409);
		expect(await problemOf(stale)).toMatchObject({ errors: [{ path: "fromStageId" }] });

		const noReason = await api(`/api/v1/crm/deals/${deal.id}/close`, { body: { outcome: "lost" } });
		expect(noReason.status).toBe(422);
		expect((await problemOf(noReason)).errors?.[0]?.path).toBe("reason");
		const won = await json<Deal>(
			api(`/api/v1/crm/deals/${deal.id}/close`, { body: { outcome: "won", reason: "Best price", fromStageId: qualified.id } }),
		);
		expect(won).toMatchObject({ status: "won", closeReason: "Best price" });

		const detail = await json<Detail>(api(`/api/v1/crm/deals/${deal.id}`));
		expect(detail.history.map((h) => h.toStageId)).toEqual([lead.id, qualified.id, pipeline?.stages.find((s) => s.kind === "won")?.id]);
		const { results } = await env.DB.prepare(
			"SELECT action FROM audit_events WHERE tenant_id = ? AND target_id = ? ORDER BY created_at, id",
		)
			.bind(acme.tenantId, deal.id)
			.all<{ action: string }>();
		expect(results.map((r) => r.action)).toEqual(["crm.deal_created", "crm.deal_moved", "crm.deal_closed"]);
	});

	it("names each bad field (422) and creates nothing; a create retried with its id makes one deal", async () => {
		for (const [body, path] of [
			[{ currency: "xx" }, "currency"],
			[{ amount: -5 }, "amount"],
			[{ amount: 1.5 }, "amount"],
			[{ ownerUserId: acme.yUser.id }, "ownerUserId"],
			[{ stageId: "019a1b2c-3d4e-7f00-8a1b-2c3d4e5f6a7b" }, "stageId"],
		] as const) {
			const res = await api("/api/v1/crm/deals", {
				body: { workspace: acme.clientX.id, name: "Bad", amount: 1, currency: "usd", ...body },
			});
			expect(res.status, path).toBe(422);
			expect((await problemOf(res)).errors?.[0]?.path).toBe(path);
		}
		expect(await dealCount()).toBe(0);
		const id = "019a1b2c-3d4e-7f00-8a1b-2c3d4e5f6a70".replace("70", `${Math.floor(Math.random() * 90) + 10}`);
		const a = await newDeal("agency", { id });
		const b = await newDeal("agency", { id });
		expect(b.id).toBe(a.id);
		expect(await dealCount()).toBe(1);
	});

	it("lists by cursor with filters, and applies bulk owner, stage and delete to the chosen deals only", async () => {
		const [pipeline] = await pipelinesOf("agency");
		const proposal = pipeline?.stages[2];
		const deals = [];
		for (let i = 0; i < 5; i++) deals.push(await newDeal("agency", { name: `Deal ${i}` }));
		const first = await json<{ deals: Deal[]; nextCursor: string | null }>(api("/api/v1/crm/deals?workspace=agency&limit=3"));
		expect(first.deals).toHaveLength(3);
		const rest = await json<{ deals: Deal[]; nextCursor: string | null }>(
			api(`/api/v1/crm/deals?workspace=agency&limit=3&cursor=${first.nextCursor}`),
		);
		expect([...first.deals, ...rest.deals].map((d) => d.id).sort()).toEqual(deals.map((d) => d.id).sort());
		expect(rest.nextCursor).toBeNull();

		const chosen = deals.slice(0, 2).map((d) => d.id);
		await json(api("/api/v1/crm/deals/bulk", { body: { ids: chosen, action: { kind: "owner", ownerUserId: acme.staffId } } }));
		await json(api("/api/v1/crm/deals/bulk", { body: { ids: chosen, action: { kind: "stage", stageId: proposal?.id } } }));
		const inProposal = await json<{ deals: Deal[] }>(api(`/api/v1/crm/deals?stageId=${proposal?.id}`));
		expect(inProposal.deals.map((d) => d.id).sort()).toEqual([...chosen].sort());
		expect(inProposal.deals.every((d) => d.ownerUserId === acme.staffId)).toBe(true);
		const badOwner = await api("/api/v1/crm/deals/bulk", { body: { ids: chosen, action: { kind: "owner", ownerUserId: acme.xUser.id } } });
		expect(badOwner.status).toBe(422);
		expect((await problemOf(badOwner)).errors?.[0]?.path).toBe("action.ownerUserId");
		await json(api("/api/v1/crm/deals/bulk", { body: { ids: chosen, action: { kind: "delete" } } }));
		expect(await dealCount()).toBe(3);
	});

	it("reports value by stage, the weighted forecast per currency, won value and win rate, by hand", async () => {
		const pipeline = await json<Pipeline>(
			api("/api/v1/crm/pipelines", {
				body: {
					workspace: "agency",
					name: "Forecast",
					stages: [
						{ name: "Early", probability: 20 },
						{ name: "Mid", probability: 50 },
						{ name: "Late", probability: 90 },
						{ name: "Won", probability: 100, kind: "won" },
						{ name: "Lost", probability: 0, kind: "lost" },
					],
				},
			}),
			201,
		);
		const [early, mid, late] = pipeline.stages;
		await newDeal("agency", { pipelineId: pipeline.id, stageId: early?.id, amount: 1000 });
		await newDeal("agency", { pipelineId: pipeline.id, stageId: mid?.id, amount: 2500 });
		await newDeal("agency", { pipelineId: pipeline.id, stageId: late?.id, amount: 400 });
		await newDeal("agency", { pipelineId: pipeline.id, stageId: mid?.id, amount: 800, currency: "eur" });
		const toWin = await newDeal("agency", { pipelineId: pipeline.id, amount: 7000 });
		const toLose = await newDeal("agency", { pipelineId: pipeline.id, amount: 9000 });
		await json(api(`/api/v1/crm/deals/${toWin.id}/close`, { body: { outcome: "won" } }));
		await json(api(`/api/v1/crm/deals/${toLose.id}/close`, { body: { outcome: "lost", reason: "No budget" } }));

		const report = await json<{
			byStage: { name: string; count: number; value: Record<string, number> }[];
			weightedForecast: Record<string, number>;
			won: { count: number; value: Record<string, number> };
			winRate: number | null;
		}>(api(`/api/v1/crm/pipelines/${pipeline.id}/report`));
		// usd: 1,000 × 20 % + 2,500 × 50 % + 400 × 90 % = 1,810; eur kept apart: 800 × 50 % = 400
		expect(report.weightedForecast).toEqual({ usd: 1810, eur: 400 });
		expect(report.byStage.map((s) => [s.name, s.count, s.value])).toEqual([
			["Early", 1, { usd: 1000 }],
			["Mid", 2, { usd: 2500, eur: 800 }],
			["Late", 1, { usd: 400 }],
			["Won", 1, { usd: 7000 }],
			["Lost", 1, { usd: 9000 }],
		]);
		expect(report.won).toEqual({ count: 1, value: { usd: 7000 } });
		expect(report.winRate).toBe(0.5);
	});
});

describe("isolation", () => {
	it("another agency's staff reach none of it (404/422), and nothing changes", async () => {
		const [pipeline] = await pipelinesOf(acme.clientX.id);
		const deal = await newDeal(acme.clientX.id);
		const rival = await signUpUniqueAgency("crm-deals-rival");
		await addMember(rival.tenantId, "staff", `staff@${rival.slug}.test`);
		const cookie = await logIn(rival.host, `staff@${rival.slug}.test`);
		const as = (path: string, options: { method?: string; body?: unknown } = {}) => call(rival.host, path, { cookie, ...options });
		expect((await as(`/api/v1/crm/deals/${deal.id}`)).status).toBe(404);
		expect((await as(`/api/v1/crm/deals/${deal.id}`, { method: "PATCH", body: { name: "Mine" } })).status).toBe(404);
		expect((await as(`/api/v1/crm/deals/${deal.id}/move`, { body: { toStageId: pipeline?.stages[1]?.id } })).status).toBe(404);
		expect((await as(`/api/v1/crm/deals/${deal.id}/close`, { body: { outcome: "won" } })).status).toBe(404);
		expect((await as(`/api/v1/crm/deals/${deal.id}`, { method: "DELETE" })).status).toBe(404);
		expect((await as("/api/v1/crm/deals/bulk", { body: { ids: [deal.id], action: { kind: "delete" } } })).status).toBe(422);
		expect((await as(`/api/v1/crm/pipelines/${pipeline?.id}/report`)).status).toBe(404);
		expect((await as(`/api/v1/crm/pipelines/${pipeline?.id}`, { method: "PATCH", body: { name: "Mine" } })).status).toBe(404);
		expect((await as(`/api/v1/crm/pipelines/${pipeline?.id}/stages`, { body: { name: "Mine", probability: 1 } })).status).toBe(404);
		expect((await as(`/api/v1/crm/stages/${pipeline?.stages[0]?.id}`, { method: "PATCH", body: { name: "Mine" } })).status).toBe(404);
		expect((await as(`/api/v1/crm/stages/${pipeline?.stages[0]?.id}`, { method: "DELETE" })).status).toBe(404);
		const order = await as(`/api/v1/crm/pipelines/${pipeline?.id}/stages/order`, {
			method: "PUT",
			body: { stageIds: pipeline?.stages.map((s) => s.id) },
		});
		expect(order.status).toBe(404);
		const listed = await as(`/api/v1/crm/pipelines?workspace=${acme.clientX.id}`);
		expect(listed.status).toBe(422);
		const created = await as("/api/v1/crm/deals", { body: { workspace: acme.clientX.id, name: "Mine", currency: "usd" } });
		expect(created.status).toBe(422);
		expect((await json<{ deals: Deal[] }>(as("/api/v1/crm/deals"))).deals).toEqual([]);
		const after = await json<Detail>(api(`/api/v1/crm/deals/${deal.id}`));
		expect(after.deal).toMatchObject({ name: "Retainer", status: "open", version: 1 });
		expect(await dealCount()).toBe(1);
	});

	it("a client's person sees only their own client's deals, at the access the agency set (none, read, manage)", async () => {
		const xDeal = await newDeal(acme.clientX.id, { name: "X deal" });
		const yDeal = await newDeal(acme.clientY.id, { name: "Y deal" });
		const agencyDeal = await newDeal("agency", { name: "Agency deal" });
		const x = acme.xUser.cookie;
		// none (the default): nothing at all
		expect((await api(`/api/v1/crm/deals/${xDeal.id}`, { cookie: x })).status).toBe(404);
		expect((await json<{ deals: Deal[] }>(api("/api/v1/crm/deals", { cookie: x }))).deals).toEqual([]);

		await setCrmAccess(acme.clientX.id, "read");
		const seen = await json<{ deals: (Deal & { name: string })[] }>(api("/api/v1/crm/deals", { cookie: x }));
		expect(seen.deals.map((d) => d.name)).toEqual(["X deal"]);
		expect((await api(`/api/v1/crm/deals/${yDeal.id}`, { cookie: x })).status).toBe(404);
		expect((await api(`/api/v1/crm/deals/${agencyDeal.id}`, { cookie: x })).status).toBe(404);
		expect((await api("/api/v1/crm/pipelines?workspace=agency", { cookie: x })).status).toBe(404);
		const [xPipeline] = await pipelinesOf(acme.clientX.id, x);
		expect((await api(`/api/v1/crm/pipelines/${xPipeline?.id}/report`, { cookie: x })).status).toBe(200);
		// read only: every change refused (403), nothing changed
		expect((await api(`/api/v1/crm/deals/${xDeal.id}/close`, { cookie: x, body: { outcome: "won" } })).status).toBe(403);
		expect((await api(`/api/v1/crm/deals/${xDeal.id}`, { cookie: x, method: "PATCH", body: { name: "Changed" } })).status).toBe(403);
		expect((await api("/api/v1/crm/deals", { cookie: x, body: { workspace: acme.clientX.id, name: "New", currency: "usd" } })).status).toBe(
			403,
		);
		expect(
			(await api(`/api/v1/crm/stages/${xPipeline?.stages[0]?.id}`, { cookie: x, method: "PATCH", body: { name: "Changed" } })).status,
		).toBe(403);

		await setCrmAccess(acme.clientX.id, "manage");
		await json(api(`/api/v1/crm/deals/${xDeal.id}/close`, { cookie: x, body: { outcome: "won" } }));
		await newDeal(acme.clientX.id, { name: "Own new", ownerUserId: acme.xUser.id }, x);
		expect(
			(await api("/api/v1/crm/deals", { cookie: x, body: { workspace: acme.clientY.id, name: "Theirs", currency: "usd" } })).status,
		).toBe(404);
		expect((await api("/api/v1/crm/deals", { cookie: x, body: { workspace: "agency", name: "Theirs", currency: "usd" } })).status).toBe(
			404,
		);
		expect((await api(`/api/v1/crm/deals/${yDeal.id}/move`, { cookie: x, body: { toStageId: xPipeline?.stages[1]?.id } })).status).toBe(
			404,
		);
		expect(
			(await api("/api/v1/crm/deals/bulk", { cookie: x, body: { ids: [xDeal.id, yDeal.id], action: { kind: "delete" } } })).status,
		).toBe(404);
		// Client Y's person, whose client gives no access, still sees nothing.
		expect((await json<{ deals: Deal[] }>(api("/api/v1/crm/deals", { cookie: acme.yUser.cookie }))).deals).toEqual([]);
		expect(await dealCount()).toBe(4);
	});
});
