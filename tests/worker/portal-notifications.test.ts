/** Portal email: "Milestone completed" to the client's people once per completion, and task reminders once per task and due date. */
import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import type { Job } from "../../schema/jobs";
import { EVERY_15_MINUTES, jobsFor } from "../../worker/cron/schedules";
import { uniqueSlug } from "../support/agencies";
import { call } from "../support/http";
import { runJobs } from "../support/queue";
import { addMember } from "./members";
import { json, type PortalAgency, type ProjectDetailT, portalAgency, projectWith } from "./portal-fixtures";

/** This test's agency's outbox emails of a template (the outbox is shared by the file's tests). */
async function outbox(template: string) {
	const rows = await env.DB.prepare(
		"SELECT to_address, subject, status FROM email_outbox WHERE tenant_id = ? AND template = ? ORDER BY to_address",
	)
		.bind(acme.tenantId, template)
		.all<{ to_address: string; subject: string; status: string }>();
	return rows.results;
}

let acme: PortalAgency;
let project: ProjectDetailT;
beforeEach(async () => {
	acme = await portalAgency(uniqueSlug("acme"));
	project = await projectWith(acme, acme.clientX.id, ["Design sign-off"]);
});

describe("milestone completed email", () => {
	it("reaches each person of the client once, however often the job runs", async () => {
		const second = await addMember(acme.tenantId, "client", `x2@${acme.slug}.test`);
		await json(call(acme.host, `/api/v1/clients/${acme.clientX.id}/people/${second}`, { method: "PUT", cookie: acme.staffCookie }));
		const milestoneId = project.timeline[0]?.id ?? "";
		const completed = await json<{ completedAt: number }>(
			call(acme.host, `/api/v1/projects/${project.project.id}/milestones/${milestoneId}`, {
				method: "PATCH",
				cookie: acme.staffCookie,
				body: { status: "completed" },
			}),
		);
		const job: Job = {
			type: "milestone-completed-email",
			tenantId: acme.tenantId,
			milestoneId,
			completedAt: completed.completedAt,
			idempotencyKey: `milestone-completed:${milestoneId}:${completed.completedAt}`,
		};
		const first = await runJobs([job]);
		const rerun = await runJobs([job, job]);
		expect(first.explicitAcks).toHaveLength(1);
		expect(rerun.explicitAcks).toHaveLength(2);
		expect(await outbox("milestone-completed")).toEqual([
			{ to_address: `x2@${acme.slug}.test`, subject: "Milestone completed: Design sign-off", status: "sent" },
			{ to_address: `x@${acme.slug}.test`, subject: "Milestone completed: Design sign-off", status: "sent" },
		]);
		const text = await env.DB.prepare("SELECT text_body FROM email_outbox WHERE tenant_id = ? AND template = 'milestone-completed' LIMIT 1")
			.bind(acme.tenantId)
			.first<{ text_body: string }>();
		expect(text?.text_body).toContain(`http://${acme.host}/projects/${project.project.id}`);
	});

	it("sends nothing for a completion that was undone", async () => {
		const milestoneId = project.timeline[0]?.id ?? "";
		const path = `/api/v1/projects/${project.project.id}/milestones/${milestoneId}`;
		const completed = await json<{ completedAt: number }>(
			call(acme.host, path, { method: "PATCH", cookie: acme.staffCookie, body: { status: "completed" } }),
		);
		await json(call(acme.host, path, { method: "PATCH", cookie: acme.staffCookie, body: { status: "in_progress" } }));
		await runJobs([
			{
				type: "milestone-completed-email",
				tenantId: acme.tenantId,
				milestoneId,
				completedAt: completed.completedAt,
				idempotencyKey: `milestone-completed:${milestoneId}:${completed.completedAt}`,
			},
		]);
		expect(await outbox("milestone-completed")).toEqual([]);
	});
});

describe("task reminders", () => {
	const HOUR = 60 * 60 * 1000;

	it("are started by the cron schedule and email each open task due within 24 h once per due date", async () => {
		const now = Date.UTC(2031, 0, 15, 9, 0);
		const add = (title: string, dueAt: number, assigneeUserId: string) =>
			json<{ id: string }>(
				call(acme.host, "/api/v1/tasks", {
					cookie: acme.staffCookie,
					body: { projectId: project.project.id, title, dueAt, assigneeUserId },
				}),
				201,
			);
		const soon = await add("Approve copy", now + 2 * HOUR, acme.xUser.id);
		await add("Prepare launch", now + 23 * HOUR, acme.staffId);
		await add("Later", now + 30 * HOUR, acme.xUser.id);
		await add("Already late", now - HOUR, acme.xUser.id);
		const done = await add("Done already", now + HOUR, acme.xUser.id);
		await json(call(acme.host, `/api/v1/tasks/${done.id}/complete`, { method: "POST", cookie: acme.staffCookie }));

		const jobs = jobsFor(EVERY_15_MINUTES, now).filter((j) => j.type === "task-reminders");
		expect(jobs).toEqual([
			{ type: "task-reminders", tenantId: null, now, idempotencyKey: `task-reminders:${new Date(now).toISOString()}` },
		]);
		await runJobs(jobs);
		await runJobs(jobsFor(EVERY_15_MINUTES, now + 15 * 60 * 1000).filter((j) => j.type === "task-reminders"));
		expect(await outbox("task-reminder")).toEqual([
			{ to_address: `staff@${acme.slug}.test`, subject: "Due soon: Prepare launch", status: "sent" },
			{ to_address: `x@${acme.slug}.test`, subject: "Due soon: Approve copy", status: "sent" },
		]);

		await json(call(acme.host, `/api/v1/tasks/${soon.id}`, { method: "PATCH", cookie: acme.staffCookie, body: { dueAt: now + 3 * HOUR } }));
		await runJobs(jobsFor(EVERY_15_MINUTES, now + 30 * 60 * 1000).filter((j) => j.type === "task-reminders"));
		expect((await outbox("task-reminder")).filter((r) => r.subject === "Due soon: Approve copy")).toHaveLength(2);
	});
});
