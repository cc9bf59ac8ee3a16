/** Tasks: assigning to staff or the client's own people, who may complete them, and isolation. */
import { beforeEach, describe, expect, it } from "vitest";
import { signUpAgency, uniqueSlug } from "../support/agencies";
import { call, problemOf } from "../support/http";
import { json, type PortalAgency, type ProjectDetailT, portalAgency, projectWith } from "./portal-fixtures";

type Task = { id: string; title: string; status: string; assigneeUserId: string | null; completedAt: number | null };

let acme: PortalAgency;
let project: ProjectDetailT;
beforeEach(async () => {
	acme = await portalAgency(uniqueSlug("acme"));
	project = await projectWith(acme, acme.clientX.id, ["Kick-off"]);
});

function addTask(body: Record<string, unknown>, cookie = acme.staffCookie) {
	return call(acme.host, "/api/v1/tasks", { cookie, body: { projectId: project.project.id, ...body } });
}

describe("tasks", () => {
	it("are assigned to staff or the client's people; the assigned client user sees and completes theirs", async () => {
		const mine = await json<Task>(
			addTask({ title: "Send logo files", assigneeUserId: acme.xUser.id, milestoneId: project.timeline[0]?.id }),
			201,
		);
		await json<Task>(addTask({ title: "Draft sitemap", assigneeUserId: acme.staffId }), 201);
		expect(project.assignees.map((a) => a.side)).toContain("client");
		const own = await json<{ tasks: Task[] }>(call(acme.host, "/api/v1/tasks?assignee=me&status=open", { cookie: acme.xUser.cookie }));
		expect(own.tasks.map((t) => t.title)).toEqual(["Send logo files"]);
		const done = await json<Task>(call(acme.host, `/api/v1/tasks/${mine.id}/complete`, { method: "POST", cookie: acme.xUser.cookie }));
		expect(done.status).toBe("done");
		expect(done.completedAt).toBeGreaterThan(0);
		const detail = await json<ProjectDetailT>(call(acme.host, `/api/v1/projects/${project.project.id}`, { cookie: acme.xUser.cookie }));
		expect(detail.tasks.map((t) => [t.title, t.status])).toEqual([
			["Send logo files", "done"],
			["Draft sitemap", "open"],
		]);
	});

	it("may not be completed by a client user they are not assigned to (403), nor created or edited by clients", async () => {
		const staffTask = await json<Task>(addTask({ title: "Draft sitemap", assigneeUserId: acme.staffId }), 201);
		const res = await call(acme.host, `/api/v1/tasks/${staffTask.id}/complete`, { method: "POST", cookie: acme.xUser.cookie });
		expect(res.status).toBe(403);
		expect((await addTask({ title: "Mine" }, acme.xUser.cookie)).status).toBe(403);
		const edit = await call(acme.host, `/api/v1/tasks/${staffTask.id}`, {
			method: "PATCH",
			cookie: acme.xUser.cookie,
			body: { status: "done" },
		});
		expect(edit.status).toBe(403);
		const list = await json<{ tasks: Task[] }>(
			call(acme.host, `/api/v1/tasks?projectId=${project.project.id}`, { cookie: acme.staffCookie }),
		);
		expect(list.tasks.map((t) => t.status)).toEqual(["open"]);
	});

	it("refuses an assignee from another client, a milestone of another project, and bad fields (422 naming each)", async () => {
		const other = await projectWith(acme, acme.clientX.id, ["Elsewhere"]);
		for (const [body, field] of [
			[{ title: "T", assigneeUserId: acme.yUser.id }, "assigneeUserId"],
			[{ title: "T", milestoneId: other.timeline[0]?.id }, "milestoneId"],
			[{ title: "" }, "title"],
			[{ title: "T", dueAt: -5 }, "dueAt"],
		] as const) {
			const res = await addTask(body);
			expect(res.status, JSON.stringify(body)).toBe(422);
			expect((await problemOf(res)).errors?.[0]?.path).toBe(field);
		}
		const list = await json<{ tasks: Task[] }>(call(acme.host, "/api/v1/tasks", { cookie: acme.staffCookie }));
		expect(list.tasks).toEqual([]);
	});

	it("stay inside their client and their agency (404 by id)", async () => {
		const task = await json<Task>(addTask({ title: "Secret", assigneeUserId: acme.xUser.id }), 201);
		const yTasks = await json<{ tasks: Task[] }>(call(acme.host, "/api/v1/tasks", { cookie: acme.yUser.cookie }));
		expect(yTasks.tasks).toEqual([]);
		expect((await call(acme.host, `/api/v1/tasks/${task.id}/complete`, { method: "POST", cookie: acme.yUser.cookie })).status).toBe(404);
		const beta = await signUpAgency(uniqueSlug("beta"));
		expect((await call(beta.host, `/api/v1/tasks/${task.id}/complete`, { method: "POST", cookie: beta.ownerCookie })).status).toBe(404);
		const edit = await call(beta.host, `/api/v1/tasks/${task.id}`, {
			method: "PATCH",
			cookie: beta.ownerCookie,
			body: { title: "Stolen" },
		});
		expect(edit.status).toBe(404);
		expect((await json<{ tasks: Task[] }>(call(beta.host, "/api/v1/tasks", { cookie: beta.ownerCookie }))).tasks).toEqual([]);
		const create = await call(beta.host, "/api/v1/tasks", {
			cookie: beta.ownerCookie,
			body: { projectId: project.project.id, title: "In" },
		});
		expect((await problemOf(create)).errors?.[0]?.path).toBe("projectId");
		const still = await json<{ tasks: Task[] }>(call(acme.host, "/api/v1/tasks", { cookie: acme.staffCookie }));
		expect(still.tasks.map((t) => [t.title, t.status])).toEqual([["Secret", "open"]]);
	});
});
