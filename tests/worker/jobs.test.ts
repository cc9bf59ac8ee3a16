/** The jobs queue: the welcome email is sent once however often it runs, failures retry with backoff, dead jobs are kept, cron enqueues. */
import { createExecutionContext, createScheduledController } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import type { Job } from "../../schema/jobs";
import worker from "../../worker/index";
import { backoffSeconds } from "../../worker/jobs/dispatch";
import { signUpAgency, signUpUniqueAgency, uniqueSlug } from "../support/agencies";
import { call } from "../support/http";
import { waitForEmail } from "../support/mailbox";
import { runJobs } from "../support/queue";

/** The emails of one agency (the tests of this file share storage). */
async function outbox(tenantId: string) {
	const rows = await env.DB.prepare(
		"SELECT to_address, subject, status, transport, attempts FROM email_outbox WHERE tenant_id = ? ORDER BY created_at",
	)
		.bind(tenantId)
		.all();
	return rows.results;
}

describe("welcome-email job", () => {
	it("is enqueued by sign-up and delivered to the dev mailbox", async () => {
		const slug = uniqueSlug("acme");
		const ann = `ann@${slug}.test`;
		await signUpAgency(slug, { agencyName: "Acme Studio", email: ann, name: "Ann" });
		await waitForEmail(ann, /^Welcome/);
		const res = await call("localhost", "/dev/mailbox.json");
		// Sign-up also sends an email-verification link (tests/worker/email-verification.test.ts).
		const messages = ((await res.json()) as { messages: { to: string; subject: string; text: string }[] }).messages.filter(
			(m) => m.to === ann && m.subject.startsWith("Welcome"),
		);
		expect(messages).toHaveLength(1);
		expect(messages[0]).toMatchObject({ to: ann, subject: "Welcome to Atrium, Acme Studio" });
		expect(messages[0]?.text).toContain(`http://${slug}.localhost/`);
	});

	it("sends once when the same job runs twice", async () => {
		const acme = await signUpUniqueAgency("acme");
		const job: Job = {
			type: "welcome-email",
			tenantId: acme.tenantId,
			userId: acme.owner.id,
			idempotencyKey: `welcome:${acme.owner.id}`,
		};
		const first = await runJobs([job]);
		const second = await runJobs([job]);
		expect(first.explicitAcks).toHaveLength(1);
		expect(second.explicitAcks).toHaveLength(1);
		const rows = await outbox(acme.tenantId);
		expect(rows).toEqual([
			{
				to_address: acme.owner.email,
				subject: `Welcome to Atrium, Agency ${acme.slug}`,
				status: "sent",
				transport: "dev-mailbox",
				attempts: 1,
			},
		]);
	});

	it("retries with backoff when the provider fails, and sends once it recovers", async () => {
		const acme = await signUpUniqueAgency("acme");
		const job: Job = {
			type: "welcome-email",
			tenantId: acme.tenantId,
			userId: acme.owner.id,
			idempotencyKey: "welcome:retry-test",
		};
		const failing = { ...env, EMAIL_API_KEY: "k", EMAIL_API_URL: "http://127.0.0.1:9" } as Env;
		const failed = await runJobs([job], { attempts: 3, environment: failing });
		expect(failed.explicitAcks).toEqual([]);
		expect(Object.values(failed.retryDelays)).toEqual([backoffSeconds(3)]);
		const [row] = (
			await env.DB.prepare(
				"SELECT status, attempts, last_error FROM email_outbox WHERE tenant_id = ? AND idempotency_key = 'welcome:retry-test'",
			)
				.bind(acme.tenantId)
				.all()
		).results as {
			status: string;
			attempts: number;
			last_error: string;
		}[];
		expect(row).toMatchObject({ status: "queued", attempts: 1 });
		const recovered = await runJobs([job]);
		expect(recovered.explicitAcks).toHaveLength(1);
		const after = await env.DB.prepare(
			"SELECT status, attempts FROM email_outbox WHERE tenant_id = ? AND idempotency_key = 'welcome:retry-test'",
		)
			.bind(acme.tenantId)
			.first();
		expect(after).toEqual({ status: "sent", attempts: 2 });
	});

	it("backs off exponentially up to 15 minutes", () => {
		expect([1, 2, 3, 4].map(backoffSeconds)).toEqual([10, 20, 40, 80]);
		expect(backoffSeconds(20)).toBe(900);
	});
});

describe("dead letters", () => {
	it("records a body that does not parse as dead once, with its body, acks it, and runs the rest of the batch", async () => {
		const acme = await signUpUniqueAgency("deadparse");
		const invalid = [
			// Missing field: no userId.
			{ type: "welcome-email", tenantId: acme.tenantId, idempotencyKey: `missing:${acme.slug}` },
			// Wrong type: completedAt is not a number.
			{ type: "milestone-completed-email", tenantId: acme.tenantId, milestoneId: "m", completedAt: "yesterday", idempotencyKey: "k" },
			// Unknown type.
			{ type: "no-such-job", tenantId: acme.tenantId, idempotencyKey: "k" },
			// Not even an object.
			"garbage",
		];
		const valid: Job = {
			type: "welcome-email",
			tenantId: acme.tenantId,
			userId: acme.owner.id,
			idempotencyKey: `valid-beside-invalid:${acme.slug}`,
		};
		const result = await runJobs([...invalid, valid]);
		expect(result.retryMessages).toEqual([]);
		expect(result.explicitAcks).toHaveLength(5);
		const ids = result.explicitAcks.slice(0, 4);
		const dead = await env.DB.prepare(
			`SELECT id, tenant_id, type, body, attempts FROM dead_jobs WHERE id IN (${ids.map(() => "?").join(",")})`,
		)
			.bind(...ids)
			.all<{ id: string; tenant_id: string | null; type: string; body: string; attempts: number }>();
		expect(
			dead.results.map((row) => ({ ...row, body: JSON.parse(row.body) })).sort((a, b) => ids.indexOf(a.id) - ids.indexOf(b.id)),
		).toEqual([
			{ id: ids[0], tenant_id: acme.tenantId, type: "welcome-email", body: invalid[0], attempts: 1 },
			{ id: ids[1], tenant_id: acme.tenantId, type: "milestone-completed-email", body: invalid[1], attempts: 1 },
			{ id: ids[2], tenant_id: acme.tenantId, type: "no-such-job", body: invalid[2], attempts: 1 },
			{ id: ids[3], tenant_id: null, type: "unknown", body: "garbage", attempts: 1 },
		]);
		// The valid job of the same batch ran, and is not among the dead.
		const sent = await env.DB.prepare("SELECT status FROM email_outbox WHERE tenant_id = ? AND idempotency_key = ?")
			.bind(acme.tenantId, valid.idempotencyKey)
			.all();
		expect(sent.results).toEqual([{ status: "sent" }]);
		const deadOfAgency = await env.DB.prepare("SELECT COUNT(*) AS n FROM dead_jobs WHERE tenant_id = ?")
			.bind(acme.tenantId)
			.first<{ n: number }>();
		expect(deadOfAgency?.n).toBe(3);
	});

	it("runs a message queued by an older deploy that still carries a deprecated URL field", async () => {
		const acme = await signUpUniqueAgency("oldshape");
		const old = {
			type: "welcome-email",
			tenantId: acme.tenantId,
			userId: acme.owner.id,
			tenantUrl: "http://old-deploy.example/",
			idempotencyKey: `old-shape:${acme.slug}`,
		};
		const result = await runJobs([old]);
		expect(result.explicitAcks).toHaveLength(1);
		expect(result.retryMessages).toEqual([]);
		const sent = await env.DB.prepare("SELECT status FROM email_outbox WHERE tenant_id = ? AND idempotency_key = ?")
			.bind(acme.tenantId, old.idempotencyKey)
			.all();
		expect(sent.results).toEqual([{ status: "sent" }]);
		const dead = await env.DB.prepare("SELECT COUNT(*) AS n FROM dead_jobs WHERE tenant_id = ?").bind(acme.tenantId).first<{ n: number }>();
		expect(dead?.n).toBe(0);
	});

	it("records what reaches the dead-letter queue, once per message", async () => {
		// Message and tenant ids of this test's own, so the dead jobs of other tests are not counted.
		const tenantId = `t-${crypto.randomUUID()}`;
		const messageId = `dead-${crypto.randomUUID()}`;
		const body = { type: "welcome-email", tenantId, userId: "u", idempotencyKey: "k" };
		for (let i = 0; i < 2; i++) {
			const result = await runJobs([body], { queue: "atrium-jobs-dlq", attempts: 6, ids: [messageId] });
			expect(result.explicitAcks).toEqual([messageId]);
		}
		const dead = await env.DB.prepare("SELECT id, tenant_id, type, attempts FROM dead_jobs WHERE tenant_id = ?").bind(tenantId).all();
		expect(dead.results).toEqual([{ id: messageId, tenant_id: tenantId, type: "welcome-email", attempts: 6 }]);
	});
});

describe("cron", () => {
	it("enqueues housekeeping that purges expired sessions and hand-off tokens", async () => {
		const acme = await signUpUniqueAgency("acme");
		// Only this test's agency's sessions expire: the tests of this file share storage.
		await env.DB.prepare("UPDATE sessions SET expires_at = ? WHERE tenant_id = ?")
			.bind(Date.now() - 1, acme.tenantId)
			.run();
		const sent: unknown[] = [];
		const recordingQueue = { send: async (body: unknown) => void sent.push(body), sendBatch: async () => {} } as unknown as Queue;
		await worker.scheduled(
			createScheduledController({ cron: "*/15 * * * *", scheduledTime: Date.UTC(2026, 10, 23, 12, 0) }),
			{ ...env, JOBS: recordingQueue },
			createExecutionContext(),
		);
		expect(sent).toEqual([
			{ type: "purge-expired-auth", tenantId: null, idempotencyKey: "purge-expired-auth:2026-11-23T12:00:00.000Z" },
			{
				type: "task-reminders",
				tenantId: null,
				now: Date.UTC(2026, 10, 23, 12, 0),
				idempotencyKey: "task-reminders:2026-11-23T12:00:00.000Z",
			},
			{
				type: "booking-reminders",
				tenantId: null,
				now: Date.UTC(2026, 10, 23, 12, 0),
				idempotencyKey: "booking-reminders:2026-11-23T12:00:00.000Z",
			},
			{
				type: "onboarding-reminders",
				tenantId: null,
				now: Date.UTC(2026, 10, 23, 12, 0),
				idempotencyKey: "onboarding-reminders:2026-11-23T12:00:00.000Z",
			},
		]);

		const result = await runJobs(sent);
		expect(result.explicitAcks).toHaveLength(4);
		const left = await env.DB.prepare("SELECT COUNT(*) AS n FROM sessions WHERE tenant_id = ?").bind(acme.tenantId).first<{ n: number }>();
		expect(left?.n).toBe(0);
		expect((await call(acme.host, "/api/v1/me", { cookie: acme.ownerCookie })).status).toBe(401);
	});
});
