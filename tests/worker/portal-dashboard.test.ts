/** The two start pages: the agency's dashboard and a client user's home, each with only what its reader may see. */
import { beforeEach, describe, expect, it } from "vitest";
import { signUpAgency, uniqueSlug } from "../support/agencies";
import { call } from "../support/http";
import { json, type PortalAgency, type ProjectDetailT, portalAgency, projectWith } from "./portal-fixtures";

type Line = { title: string; projectName: string; clientName: string };
type StaffDash = {
	clientsByStatus: Record<string, number>;
	overdueTasks: Line[];
	awaitingApproval: Line[];
	upcomingMilestones: Line[];
};
type ClientDash = {
	client: { name: string } | null;
	projects: { name: string; progress: { percent: number }; nextMilestone: { title: string } | null }[];
	awaitingMyReview: Line[];
	myOpenTasks: Line[];
};

const DAY = 24 * 60 * 60 * 1000;
let acme: PortalAgency;
let x: ProjectDetailT;
let y: ProjectDetailT;

beforeEach(async () => {
	acme = await portalAgency(uniqueSlug("acme"));
	x = await projectWith(acme, acme.clientX.id, ["Discovery", "Design"]);
	y = await projectWith(acme, acme.clientY.id);
	const now = Date.now();
	const post = (path: string, body: Record<string, unknown>) => json(call(acme.host, path, { cookie: acme.staffCookie, body }), 201);
	await json(
		call(acme.host, `/api/v1/projects/${x.project.id}/milestones/${x.timeline[0]?.id}`, {
			method: "PATCH",
			cookie: acme.staffCookie,
			body: { status: "completed" },
		}),
	);
	await json(
		call(acme.host, `/api/v1/projects/${x.project.id}/milestones/${x.timeline[1]?.id}`, {
			method: "PATCH",
			cookie: acme.staffCookie,
			body: { dueAt: now + 3 * DAY },
		}),
	);
	await post("/api/v1/tasks", { projectId: x.project.id, title: "Send brand assets", dueAt: now - DAY, assigneeUserId: acme.xUser.id });
	await post("/api/v1/tasks", { projectId: y.project.id, title: "Y overdue", dueAt: now - DAY, assigneeUserId: acme.yUser.id });
	await post("/api/v1/deliverables", { projectId: x.project.id, title: "Style guide", kind: "link", url: "https://x.example/guide" });
	await post("/api/v1/deliverables", { projectId: y.project.id, title: "Y report", kind: "link", url: "https://y.example/report" });
});

describe("GET /api/v1/dashboard/staff", () => {
	it("shows clients by status, overdue tasks, deliverables awaiting approval and upcoming milestones", async () => {
		const dash = await json<StaffDash>(call(acme.host, "/api/v1/dashboard/staff", { cookie: acme.staffCookie }));
		expect(dash.clientsByStatus).toEqual({ pending_setup: 1, active: 1, paused: 0, archived: 0 });
		expect(dash.overdueTasks.map((t) => [t.title, t.clientName]).sort()).toEqual([
			["Send brand assets", "Xylo Foods"],
			["Y overdue", "Yarrow Labs"],
		]);
		expect(dash.awaitingApproval.map((d) => d.title).sort()).toEqual(["Style guide", "Y report"]);
		expect(dash.upcomingMilestones.map((m) => [m.title, m.projectName])).toEqual([["Design", "Website relaunch"]]);
	});

	it("is the agency's: a client user gets 403, and another agency sees none of it", async () => {
		expect((await call(acme.host, "/api/v1/dashboard/staff", { cookie: acme.xUser.cookie })).status).toBe(403);
		const beta = await signUpAgency(uniqueSlug("beta"));
		const dash = await json<StaffDash>(call(beta.host, "/api/v1/dashboard/staff", { cookie: beta.ownerCookie }));
		expect(dash).toEqual({
			clientsByStatus: { pending_setup: 0, active: 0, paused: 0, archived: 0 },
			overdueTasks: [],
			awaitingApproval: [],
			upcomingMilestones: [],
			unreadMessages: { total: 0, threads: [] },
			upcomingBookings: [],
		});
	});
});

describe("GET /api/v1/dashboard/client", () => {
	it("shows a client user their projects with percent and next milestone, what awaits their review and their open tasks", async () => {
		const dash = await json<ClientDash>(call(acme.host, "/api/v1/dashboard/client", { cookie: acme.xUser.cookie }));
		expect(dash.client?.name).toBe("Xylo Foods");
		expect(dash.projects.map((p) => [p.name, p.progress.percent, p.nextMilestone?.title])).toEqual([["Website relaunch", 50, "Design"]]);
		expect(dash.awaitingMyReview.map((d) => d.title)).toEqual(["Style guide"]);
		expect(dash.myOpenTasks.map((t) => t.title)).toEqual(["Send brand assets"]);
	});

	it("is for client users (staff get 403)", async () => {
		expect((await call(acme.host, "/api/v1/dashboard/client", { cookie: acme.staffCookie })).status).toBe(403);
	});
});
