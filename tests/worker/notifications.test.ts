/**
 * The notification centre: a completed milestone and a new deliverable reach the client's people in
 * the app (once, however often the job runs), by push and email only as their preferences allow;
 * each person reads and marks only their own; another client's or agency's people get nothing.
 */
import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import type { NotificationPage, NotificationPreferences } from "../../schema/dto/notifications";
import type { Job } from "../../schema/jobs";
import { uniqueSlug } from "../support/agencies";
import { call, problemOf } from "../support/http";
import { runJobs } from "../support/queue";
import { json, type PortalAgency, type ProjectDetailT, portalAgency, projectWith } from "./portal-fixtures";

const inbox = (a: PortalAgency, cookie: string, query = "") =>
	json<NotificationPage>(call(a.host, `/api/v1/notifications${query}`, { cookie }));

async function completedMilestoneJob(a: PortalAgency, project: ProjectDetailT): Promise<Job> {
	const milestoneId = project.timeline[0]?.id ?? "";
	await json(
		call(a.host, `/api/v1/projects/${project.project.id}/milestones/${milestoneId}`, {
			method: "PATCH",
			cookie: a.staffCookie,
			body: { status: "completed" },
		}),
	);
	const [row] = (await env.DB.prepare("SELECT completed_at FROM milestones WHERE id = ?").bind(milestoneId).all<{ completed_at: number }>())
		.results;
	const completedAt = row?.completed_at ?? 0;
	return {
		type: "milestone-completed-email",
		tenantId: a.tenantId,
		milestoneId,
		completedAt,
		idempotencyKey: `milestone-completed:${milestoneId}:${completedAt}`,
	};
}

async function emailsTo(address: string, template: string): Promise<number> {
	const rows = await env.DB.prepare("SELECT count(*) AS n FROM email_outbox WHERE to_address = ? AND template = ?")
		.bind(address, template)
		.all<{ n: number }>();
	return rows.results[0]?.n ?? 0;
}

let acme: PortalAgency;
let beta: PortalAgency;
let project: ProjectDetailT;
beforeEach(async () => {
	acme = await portalAgency(uniqueSlug("acme"));
	beta = await portalAgency(uniqueSlug("beta"));
	project = await projectWith(acme, acme.clientX.id, ["Design sign-off"]);
});

describe("notifications from the portal", () => {
	it("tells the client's people a milestone is completed, once however often the job runs, and nobody else", async () => {
		const job = await completedMilestoneJob(acme, project);
		await runJobs([job]);
		await runJobs([job]);
		const page = await inbox(acme, acme.xUser.cookie);
		expect(page.unreadCount).toBe(1);
		expect(page.notifications).toEqual([
			expect.objectContaining({
				event: "milestone_completed",
				title: "Milestone completed: Design sign-off",
				url: `/projects/${project.project.id}`,
				readAt: null,
			}),
		]);
		expect((await inbox(acme, acme.yUser.cookie)).notifications).toEqual([]);
		expect((await inbox(acme, acme.staffCookie)).notifications).toEqual([]);
		expect((await inbox(beta, beta.xUser.cookie)).notifications).toEqual([]);
		expect(await emailsTo(`x@${acme.slug}.test`, "milestone-completed")).toBe(1);
	});

	it("tells the client's people when a deliverable is added for their review", async () => {
		await json(
			call(acme.host, "/api/v1/deliverables", {
				cookie: acme.staffCookie,
				body: { projectId: project.project.id, title: "Homepage mock-up", kind: "link", url: "https://files.example/mock.png" },
			}),
			201,
		);
		const page = await inbox(acme, acme.xUser.cookie, "?unread=true");
		expect(page.notifications.map((n) => [n.event, n.title])).toEqual([["deliverable_added", "Ready for your review: Homepage mock-up"]]);
		expect((await inbox(acme, acme.yUser.cookie)).unreadCount).toBe(0);
	});

	it("respects preferences: in-app and email off means neither is sent", async () => {
		const saved = await json<NotificationPreferences>(
			call(acme.host, "/api/v1/notifications/preferences", {
				method: "PUT",
				cookie: acme.xUser.cookie,
				body: {
					changes: [
						{ event: "milestone_completed", channel: "in_app", enabled: false },
						{ event: "milestone_completed", channel: "email", enabled: false },
					],
				},
			}),
		);
		expect(saved.preferences.milestone_completed).toEqual({ in_app: false, email: false, push: true });
		expect(saved.preferences.deliverable_added).toEqual({ in_app: true, email: true, push: true });
		await runJobs([await completedMilestoneJob(acme, project)]);
		expect((await inbox(acme, acme.xUser.cookie)).notifications).toEqual([]);
		expect(await emailsTo(`x@${acme.slug}.test`, "milestone-completed")).toBe(0);
		// Another person's preferences are their own.
		const theirs = await json<NotificationPreferences>(call(acme.host, "/api/v1/notifications/preferences", { cookie: acme.yUser.cookie }));
		expect(theirs.preferences.milestone_completed.in_app).toBe(true);
	});

	it("marks one or all read, only the reader's own", async () => {
		await runJobs([await completedMilestoneJob(acme, project)]);
		const [mine] = (await inbox(acme, acme.xUser.cookie)).notifications;
		const byOther = await json<{ unreadCount: number }>(
			call(acme.host, "/api/v1/notifications/read", { cookie: acme.yUser.cookie, body: { ids: [mine?.id ?? ""] } }),
		);
		expect(byOther.unreadCount).toBe(0);
		expect((await inbox(acme, acme.xUser.cookie)).unreadCount).toBe(1);
		const after = await json<{ unreadCount: number }>(
			call(acme.host, "/api/v1/notifications/read", { cookie: acme.xUser.cookie, body: { all: true } }),
		);
		expect(after.unreadCount).toBe(0);
		expect((await inbox(acme, acme.xUser.cookie)).notifications[0]?.readAt).toEqual(expect.any(Number));
	});

	it("names bad input and needs a session", async () => {
		const neither = await call(acme.host, "/api/v1/notifications/read", { cookie: acme.xUser.cookie, body: {} });
		expect(neither.status).toBe(422);
		expect((await problemOf(neither)).errors?.[0]?.path).toBe("ids");
		const badChannel = await call(acme.host, "/api/v1/notifications/preferences", {
			method: "PUT",
			cookie: acme.xUser.cookie,
			body: { changes: [{ event: "milestone_completed", channel: "fax", enabled: false }] },
		});
		expect(badChannel.status).toBe(422);
		expect((await problemOf(badChannel)).errors?.[0]?.path).toBe("changes.0.channel");
		expect((await call(acme.host, "/api/v1/notifications")).status).toBe(401);
		// A session of another agency is not a session here.
		expect((await call(acme.host, "/api/v1/notifications", { cookie: beta.xUser.cookie })).status).toBe(401);
	});
});
