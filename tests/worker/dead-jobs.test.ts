/**
 * Dead jobs: why and when a job failed is kept when it dies; an agency's owner sees its own dead
 * jobs only (never another agency's, nor platform jobs), a client or staff member sees none; a
 * replay enqueues once even when double-clicked, under the job's own key, and the replayed job then
 * succeeds once; discard closes the row; both are audited. The operator sees every dead job.
 */
import { createExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import type { DeadJobList, DeadJobView } from "../../schema/dto/dead-jobs";
import type { Job } from "../../schema/jobs";
import worker from "../../worker/index";
import { type Agency, logIn, PLATFORM, signUpUniqueAgency } from "../support/agencies";
import { call, freshIp, problemOf } from "../support/http";
import { runJobs } from "../support/queue";
import { addMember } from "./members";
import { OPERATOR_TOKEN } from "./operator";
import { auditActions } from "./team";

/** The Worker as deployed without an email key: every email is refused for good (a permanent failure). */
const NO_EMAIL = { ...env, ENVIRONMENT: "production", EMAIL_API_KEY: undefined } as unknown as Env;
/** An email provider that cannot be reached: a failure worth retrying. */
const UNREACHABLE_EMAIL = { ...env, EMAIL_API_KEY: "k", EMAIL_API_URL: "http://127.0.0.1:9" } as Env;

function welcome(agency: Agency, key = `welcome:${crypto.randomUUID()}`): Job {
	return { type: "welcome-email", tenantId: agency.tenantId, userId: agency.owner.id, idempotencyKey: key };
}

/** Runs `job` with no email key, so it dies at once; answers its dead row's id (the message id). */
async function deadWelcome(agency: Agency): Promise<{ id: string; job: Job }> {
	const job = welcome(agency);
	const id = `dead-${crypto.randomUUID()}`;
	expect((await runJobs([job], { environment: NO_EMAIL, ids: [id] })).explicitAcks).toEqual([id]);
	return { id, job };
}

type Sent = { res: Response; sent: unknown[] };

/** A request through the Worker's fetch handler whose JOBS binding records what it is sent instead of delivering it. */
async function withRecordedQueue(host: string, path: string, auth: { cookie?: string; token?: string }, method = "POST"): Promise<Sent> {
	const sent: unknown[] = [];
	const JOBS = { send: async (body: unknown) => void sent.push(body), sendBatch: async () => {} } as unknown as Queue;
	const headers = new Headers({ "CF-Connecting-IP": freshIp() });
	if (auth.cookie) headers.set("Cookie", auth.cookie);
	if (auth.token) headers.set("Authorization", `Bearer ${auth.token}`);
	else headers.set("Origin", `http://${host}`);
	const res = await worker.fetch(new Request(`http://${host}${path}`, { method, headers }), { ...env, JOBS }, createExecutionContext());
	return { res, sent };
}

async function listOf(agency: Agency, query = ""): Promise<DeadJobView[]> {
	const res = await call(agency.host, `/api/v1/dead-jobs${query}`, { cookie: agency.ownerCookie });
	expect(res.status).toBe(200);
	return ((await res.json()) as DeadJobList).jobs;
}

async function operatorList(query = "?status=all&limit=100"): Promise<DeadJobView[]> {
	const res = await call(PLATFORM, `/api/operator/dead-jobs${query}`, {
		headers: { Authorization: `Bearer ${OPERATOR_TOKEN}` },
		sameOrigin: false,
	});
	expect(res.status).toBe(200);
	return ((await res.json()) as DeadJobList).jobs;
}

async function sentEmails(agency: Agency): Promise<string[]> {
	const rows = await env.DB.prepare("SELECT to_address FROM email_outbox WHERE tenant_id = ? AND template = 'welcome' AND status = 'sent'")
		.bind(agency.tenantId)
		.all<{ to_address: string }>();
	return rows.results.map((r) => r.to_address);
}

describe("recording", () => {
	it("keeps why and when a retried job failed, how often it was tried, and its payload, when it dies", async () => {
		const acme = await signUpUniqueAgency("dlq-rec");
		const job = welcome(acme);
		const id = `retried-${crypto.randomUUID()}`;
		const t0 = Date.now();
		expect((await runJobs([job], { environment: UNREACHABLE_EMAIL, ids: [id], attempts: 1 })).retryMessages).toHaveLength(1);
		const t1 = Date.now();
		expect((await runJobs([job], { environment: UNREACHABLE_EMAIL, ids: [id], attempts: 2 })).retryMessages).toHaveLength(1);
		const t2 = Date.now();
		// After the last retry the queue moves the message, same id, to the dead-letter queue.
		expect((await runJobs([job], { queue: "atrium-jobs-dlq", ids: [id] })).explicitAcks).toEqual([id]);

		const [dead] = await listOf(acme);
		expect(dead).toMatchObject({
			id,
			type: "welcome-email",
			tenant: { id: acme.tenantId, slug: acme.slug },
			status: "dead",
			attempts: 2,
			payload: [{ field: "userId", value: acme.owner.id }],
			replayable: true,
			replays: 0,
		});
		expect(dead?.error).toMatch(/^\w*Error: /);
		expect(dead?.firstFailedAt).toBeGreaterThanOrEqual(t0);
		expect(dead?.firstFailedAt).toBeLessThanOrEqual(t1);
		expect(dead?.lastFailedAt).toBeGreaterThanOrEqual(t1);
		expect(dead?.lastFailedAt).toBeLessThanOrEqual(t2);
		const left = await env.DB.prepare("SELECT COUNT(*) AS n FROM job_failures WHERE id = ?").bind(id).first<{ n: number }>();
		expect(left?.n).toBe(0);
	});

	it("shows a payload without its secrets", async () => {
		const acme = await signUpUniqueAgency("dlq-secret");
		const body = {
			type: "invitation-email",
			tenantId: acme.tenantId,
			invitationId: "inv_1",
			token: "tok-very-secret-123",
			idempotencyKey: "k",
		};
		await runJobs([body], { queue: "atrium-jobs-dlq" });
		const res = await call(acme.host, "/api/v1/dead-jobs", { cookie: acme.ownerCookie });
		const text = await res.text();
		expect(text).not.toContain("tok-very-secret-123");
		expect((JSON.parse(text) as DeadJobList).jobs[0]?.payload).toEqual([
			{ field: "invitationId", value: "inv_1" },
			{ field: "token", value: "[redacted]" },
		]);
	});
});

describe("replay", () => {
	it("enqueues once under the job's own key when double-clicked; the replay then succeeds, once, and is audited", async () => {
		const acme = await signUpUniqueAgency("dlq-replay");
		const { id, job } = await deadWelcome(acme);
		const [before] = await listOf(acme);
		expect(before).toMatchObject({ id, status: "dead", error: "Error: EMAIL_API_KEY is not set; email cannot be delivered" });

		const path = `/api/v1/dead-jobs/${id}/replay`;
		const clicks = await Promise.all([
			withRecordedQueue(acme.host, path, { cookie: acme.ownerCookie }),
			withRecordedQueue(acme.host, path, { cookie: acme.ownerCookie }),
		]);
		expect(clicks.map((c) => c.res.status).sort()).toEqual([200, 409]);
		const sent = clicks.flatMap((c) => c.sent);
		expect(sent).toEqual([{ ...job, replayOf: id }]);
		const refused = clicks.find((c) => c.res.status === 409)?.res;
		expect(refused?.headers.get("Content-Type")).toContain("application/problem+json");
		expect((await listOf(acme))[0]).toMatchObject({ status: "replaying", replays: 1, replayedBy: acme.owner.email });
		expect(await auditActions(acme.tenantId, "job.")).toEqual([{ action: "job.replayed", actor: acme.owner.email, targetId: id }]);

		expect((await runJobs(sent)).explicitAcks).toHaveLength(1);
		expect(await listOf(acme)).toEqual([]);
		const [done] = await listOf(acme, "?status=all");
		expect(done).toMatchObject({ id, status: "succeeded" });
		expect(await sentEmails(acme)).toEqual([acme.owner.email]);
		// The replay delivered again (at-least-once) sends nothing more: the effect is keyed by the job's own key.
		await runJobs(sent);
		expect(await sentEmails(acme)).toEqual([acme.owner.email]);
		const again = await withRecordedQueue(acme.host, path, { cookie: acme.ownerCookie });
		expect(again.res.status).toBe(409);
		expect(again.sent).toEqual([]);
	});

	it("a replay that dies again makes the same row dead again", async () => {
		const acme = await signUpUniqueAgency("dlq-redie");
		const { id } = await deadWelcome(acme);
		const { sent } = await withRecordedQueue(acme.host, `/api/v1/dead-jobs/${id}/replay`, { cookie: acme.ownerCookie });
		await runJobs(sent, { environment: NO_EMAIL });
		const all = await listOf(acme, "?status=all");
		expect(all.map((j) => [j.id, j.status, j.replays, j.attempts])).toEqual([[id, "dead", 1, 2]]);
	});

	it("discard closes the job, audited; it can then be neither replayed nor discarded", async () => {
		const acme = await signUpUniqueAgency("dlq-discard");
		const { id } = await deadWelcome(acme);
		const res = await call(acme.host, `/api/v1/dead-jobs/${id}/discard`, { method: "POST", cookie: acme.ownerCookie });
		expect(res.status).toBe(200);
		expect(await res.json()).toMatchObject({ id, status: "discarded", discardedBy: acme.owner.email });
		expect(await listOf(acme)).toEqual([]);
		const replay = await withRecordedQueue(acme.host, `/api/v1/dead-jobs/${id}/replay`, { cookie: acme.ownerCookie });
		expect(replay.res.status).toBe(409);
		expect(replay.sent).toEqual([]);
		expect((await call(acme.host, `/api/v1/dead-jobs/${id}/discard`, { method: "POST", cookie: acme.ownerCookie })).status).toBe(409);
		expect((await auditActions(acme.tenantId, "job.")).map((a) => a.action)).toEqual(["job.discarded"]);
	});
});

describe("who sees what", () => {
	it("another agency neither sees nor replays nor discards an agency's dead job, nor any platform job", async () => {
		const acme = await signUpUniqueAgency("dlq-acme");
		const beta = await signUpUniqueAgency("dlq-beta");
		const { id } = await deadWelcome(acme);
		const platformId = `platform-${crypto.randomUUID()}`;
		await runJobs([{ type: "purge-expired-auth", tenantId: null, idempotencyKey: platformId }], {
			queue: "atrium-jobs-dlq",
			ids: [platformId],
		});

		const betaSees = await listOf(beta, "?status=all");
		expect(betaSees.map((j) => j.id)).toEqual([]);
		expect((await listOf(acme, "?status=all")).map((j) => j.id)).toEqual([id]);
		for (const target of [id, platformId]) {
			const replay = await withRecordedQueue(beta.host, `/api/v1/dead-jobs/${target}/replay`, { cookie: beta.ownerCookie });
			expect(replay.res.status).toBe(404);
			expect(replay.sent).toEqual([]);
			const discard = await call(beta.host, `/api/v1/dead-jobs/${target}/discard`, { method: "POST", cookie: beta.ownerCookie });
			expect(discard.status).toBe(404);
			expect((await problemOf(discard)).detail).toBe("There is no dead job with this id.");
		}
		// acme's owner cannot reach the platform job either, and acme's own job is untouched.
		expect((await call(acme.host, `/api/v1/dead-jobs/${platformId}/discard`, { method: "POST", cookie: acme.ownerCookie })).status).toBe(
			404,
		);
		expect((await listOf(acme))[0]).toMatchObject({ id, status: "dead" });
		expect(await auditActions(acme.tenantId, "job.")).toEqual([]);
	});

	it("an agency's client and staff get 403 on every dead-job route", async () => {
		const acme = await signUpUniqueAgency("dlq-roles");
		const { id } = await deadWelcome(acme);
		for (const role of ["client", "staff"] as const) {
			const email = `${role}@${acme.slug}.test`;
			await addMember(acme.tenantId, role, email);
			const cookie = await logIn(acme.host, email);
			const list = await call(acme.host, "/api/v1/dead-jobs", { cookie });
			expect(list.status).toBe(403);
			expect((await problemOf(list)).detail).toContain("jobs:manage");
			const replay = await withRecordedQueue(acme.host, `/api/v1/dead-jobs/${id}/replay`, { cookie });
			expect(replay.res.status).toBe(403);
			expect(replay.sent).toEqual([]);
			expect((await call(acme.host, `/api/v1/dead-jobs/${id}/discard`, { method: "POST", cookie })).status).toBe(403);
		}
		expect((await listOf(acme))[0]).toMatchObject({ id, status: "dead" });
	});

	it("bad ids and queries are problem+json naming the field; unknown ids are 404", async () => {
		const acme = await signUpUniqueAgency("dlq-bad");
		const bad = await call(acme.host, "/api/v1/dead-jobs/not%20an%20id!/replay", { method: "POST", cookie: acme.ownerCookie });
		expect(bad.status).toBe(422);
		expect(bad.headers.get("Content-Type")).toContain("application/problem+json");
		expect((await problemOf(bad)).errors?.map((e) => e.path)).toEqual(["id"]);
		const limit = await call(acme.host, "/api/v1/dead-jobs?limit=0", { cookie: acme.ownerCookie });
		expect(limit.status).toBe(422);
		expect((await problemOf(limit)).errors?.map((e) => e.path)).toEqual(["limit"]);
		const unknown = await call(acme.host, "/api/v1/dead-jobs/no-such-job/discard", { method: "POST", cookie: acme.ownerCookie });
		expect(unknown.status).toBe(404);
		expect(unknown.headers.get("Content-Type")).toContain("application/problem+json");
		const operatorBad = await call(PLATFORM, "/api/operator/dead-jobs/bad%20id/discard", {
			method: "POST",
			headers: { Authorization: `Bearer ${OPERATOR_TOKEN}` },
			sameOrigin: false,
		});
		expect(operatorBad.status).toBe(422);
		expect((await problemOf(operatorBad)).errors?.map((e) => e.path)).toEqual(["id"]);
	});
});

describe("the platform operator", () => {
	it("sees every agency's dead jobs and the platform's, replays both, and each replay is audited where it belongs", async () => {
		const acme = await signUpUniqueAgency("dlq-op");
		const { id, job } = await deadWelcome(acme);
		const platformId = `platform-${crypto.randomUUID()}`;
		const platformJob: Job = { type: "purge-expired-auth", tenantId: null, idempotencyKey: platformId };
		await runJobs([platformJob], { queue: "atrium-jobs-dlq", ids: [platformId] });

		const seen = await operatorList();
		expect(seen.find((j) => j.id === id)).toMatchObject({ tenant: { id: acme.tenantId, name: `Agency ${acme.slug}` }, status: "dead" });
		expect(seen.find((j) => j.id === platformId)).toMatchObject({ tenant: null, type: "purge-expired-auth", status: "dead" });

		const mine = await withRecordedQueue(PLATFORM, `/api/operator/dead-jobs/${id}/replay`, { token: OPERATOR_TOKEN });
		expect(mine.res.status).toBe(200);
		expect(mine.sent).toEqual([{ ...job, replayOf: id }]);
		expect(await auditActions(acme.tenantId, "job.")).toEqual([{ action: "job.replayed", actor: "platform-operator", targetId: id }]);

		const platform = await withRecordedQueue(PLATFORM, `/api/operator/dead-jobs/${platformId}/replay`, { token: OPERATOR_TOKEN });
		expect(platform.res.status).toBe(200);
		expect(platform.sent).toEqual([{ ...platformJob, replayOf: platformId }]);
		const logged = await env.DB.prepare("SELECT action, actor_label FROM platform_audit_events WHERE target_id = ?").bind(platformId).all();
		expect(logged.results).toEqual([{ action: "job.replayed", actor_label: "platform-operator" }]);
		expect((await runJobs(platform.sent)).explicitAcks).toHaveLength(1);
		expect((await operatorList()).find((j) => j.id === platformId)?.status).toBe("succeeded");
	});

	it("answers only on the platform host, with the operator token", async () => {
		const acme = await signUpUniqueAgency("dlq-ophost");
		const onTenant = await call(acme.host, "/api/operator/dead-jobs", {
			headers: { Authorization: `Bearer ${OPERATOR_TOKEN}` },
			sameOrigin: false,
		});
		expect(onTenant.status).toBe(404);
		const noToken = await call(PLATFORM, "/api/operator/dead-jobs", { sameOrigin: false });
		expect(noToken.status).toBe(401);
		const ownerCookie = await call(PLATFORM, "/api/operator/dead-jobs", { cookie: acme.ownerCookie, sameOrigin: false });
		expect(ownerCookie.status).toBe(401);
	});
});
