/** Projects and milestones: progress and timeline as users see them, reorder, who may change what, and isolation between clients and agencies. */
import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { signUpAgency, uniqueSlug } from "../support/agencies";
import { call, problemOf } from "../support/http";
import { json, type PortalAgency, type ProjectDetailT, portalAgency, projectWith } from "./portal-fixtures";

type Milestone = { id: string; title: string; position: number; status: string };

let acme: PortalAgency;
beforeEach(async () => {
	acme = await portalAgency(uniqueSlug("acme"));
});

function complete(a: PortalAgency, projectId: string, milestoneId: string, cookie = a.staffCookie) {
	return call(a.host, `/api/v1/projects/${projectId}/milestones/${milestoneId}`, {
		method: "PATCH",
		cookie,
		body: { status: "completed" },
	});
}

describe("a project's progress and timeline", () => {
	it("counts completed milestones, in timeline order, for staff and the client alike", async () => {
		const detail = await projectWith(acme, acme.clientX.id, ["Discovery", "Design", "Build", "Launch"]);
		expect(detail.progress).toEqual({ basis: "milestones", done: 0, total: 4, percent: 0 });
		expect(detail.client.name).toBe("Xylo Foods");
		await json(complete(acme, detail.project.id, detail.timeline[0]?.id ?? ""));
		const seenByClient = await json<ProjectDetailT>(
			call(acme.host, `/api/v1/projects/${detail.project.id}`, { cookie: acme.xUser.cookie }),
		);
		expect(seenByClient.progress).toEqual({ basis: "milestones", done: 1, total: 4, percent: 25 });
		expect(seenByClient.timeline.map((m) => [m.title, m.status])).toEqual([
			["Discovery", "completed"],
			["Design", "pending"],
			["Build", "pending"],
			["Launch", "pending"],
		]);
		expect(seenByClient.timeline[0]?.completedAt).toBeGreaterThan(0);
	});

	it("falls back to done tasks when a project has no milestones", async () => {
		const detail = await projectWith(acme, acme.clientX.id);
		expect(detail.progress).toEqual({ basis: "none", done: 0, total: 0, percent: 0 });
		const ids: string[] = [];
		for (const title of ["Brief", "Moodboard", "Copy"]) {
			ids.push(
				(
					await json<{ id: string }>(
						call(acme.host, "/api/v1/tasks", { cookie: acme.staffCookie, body: { projectId: detail.project.id, title } }),
						201,
					)
				).id,
			);
		}
		await json(call(acme.host, `/api/v1/tasks/${ids[0]}/complete`, { method: "POST", cookie: acme.staffCookie }));
		const after = await json<ProjectDetailT>(call(acme.host, `/api/v1/projects/${detail.project.id}`, { cookie: acme.staffCookie }));
		expect(after.progress).toEqual({ basis: "tasks", done: 1, total: 3, percent: 33 });
	});

	it("lists projects with progress; a client user sees only their client's", async () => {
		await projectWith(acme, acme.clientX.id, ["One"]);
		await projectWith(acme, acme.clientY.id);
		const staff = await json<{ projects: { clientName: string }[] }>(call(acme.host, "/api/v1/projects", { cookie: acme.staffCookie }));
		expect(staff.projects.map((p) => p.clientName).sort()).toEqual(["Xylo Foods", "Yarrow Labs"]);
		const client = await json<{ projects: { clientName: string; progress: { total: number } }[] }>(
			call(acme.host, "/api/v1/projects", { cookie: acme.xUser.cookie }),
		);
		expect(client.projects.map((p) => [p.clientName, p.progress.total])).toEqual([["Xylo Foods", 1]]);
	});
});

describe("milestones", () => {
	it("are reordered by listing every milestone once; anything else is 422 and changes nothing", async () => {
		const detail = await projectWith(acme, acme.clientX.id, ["A", "B", "C"]);
		const [a, b, c] = detail.timeline.map((m) => m.id) as [string, string, string];
		const reordered = await json<{ milestones: Milestone[] }>(
			call(acme.host, `/api/v1/projects/${detail.project.id}/milestones/order`, {
				method: "PUT",
				cookie: acme.staffCookie,
				body: { milestoneIds: [c, a, b] },
			}),
		);
		expect(reordered.milestones.map((m) => [m.title, m.position])).toEqual([
			["C", 0],
			["A", 1],
			["B", 2],
		]);
		for (const milestoneIds of [
			[a, b],
			[a, a, b, c],
			[a, b, crypto.randomUUID()],
		]) {
			const res = await call(acme.host, `/api/v1/projects/${detail.project.id}/milestones/order`, {
				method: "PUT",
				cookie: acme.staffCookie,
				body: { milestoneIds },
			});
			expect(res.status).toBe(422);
			expect((await problemOf(res)).errors?.[0]?.path).toBe("milestoneIds");
		}
		const list = await json<{ milestones: Milestone[] }>(
			call(acme.host, `/api/v1/projects/${detail.project.id}/milestones`, { cookie: acme.staffCookie }),
		);
		expect(list.milestones.map((m) => m.title)).toEqual(["C", "A", "B"]);
		const added = await json<Milestone>(
			call(acme.host, `/api/v1/projects/${detail.project.id}/milestones`, { cookie: acme.staffCookie, body: { title: "D" } }),
			201,
		);
		expect(added.position).toBe(3);
	});

	it("cannot be added, edited or reordered by a client user (403), and nothing changes", async () => {
		const detail = await projectWith(acme, acme.clientX.id, ["A", "B"]);
		const ids = detail.timeline.map((m) => m.id);
		const attempts = [
			call(acme.host, `/api/v1/projects/${detail.project.id}/milestones`, { cookie: acme.xUser.cookie, body: { title: "Mine" } }),
			complete(acme, detail.project.id, ids[0] ?? "", acme.xUser.cookie),
			call(acme.host, `/api/v1/projects/${detail.project.id}/milestones/order`, {
				method: "PUT",
				cookie: acme.xUser.cookie,
				body: { milestoneIds: ids.reverse() },
			}),
			call(acme.host, "/api/v1/projects", { cookie: acme.xUser.cookie, body: { clientId: acme.clientX.id, name: "Mine" } }),
			call(acme.host, `/api/v1/projects/${detail.project.id}`, { method: "PATCH", cookie: acme.xUser.cookie, body: { name: "Renamed" } }),
		];
		for (const res of await Promise.all(attempts)) expect(res.status).toBe(403);
		const after = await json<ProjectDetailT>(call(acme.host, `/api/v1/projects/${detail.project.id}`, { cookie: acme.staffCookie }));
		expect(after.timeline.map((m) => [m.title, m.status])).toEqual([
			["A", "pending"],
			["B", "pending"],
		]);
		expect(after.project.name).toBe("Website relaunch");
	});
});

describe("bad input", () => {
	it("names the field and creates nothing", async () => {
		const detail = await projectWith(acme, acme.clientX.id, ["A"]);
		for (const [path, body, field] of [
			["/api/v1/projects", { clientId: acme.clientX.id, name: "" }, "name"],
			["/api/v1/projects", { clientId: crypto.randomUUID(), name: "Ghost" }, "clientId"],
			["/api/v1/projects", { clientId: acme.clientX.id, name: "Late", startsAt: 2000, dueAt: 1000 }, "dueAt"],
			["/api/v1/projects", { clientId: acme.clientX.id, name: "Odd", status: "someday" }, "status"],
			[`/api/v1/projects/${detail.project.id}/milestones`, { title: "T", dueAt: "tomorrow" }, "dueAt"],
		] as const) {
			const res = await call(acme.host, path, { cookie: acme.staffCookie, body });
			expect(res.status, JSON.stringify(body)).toBe(422);
			expect((await problemOf(res)).errors?.[0]?.path).toBe(field);
		}
		const badStatus = await call(acme.host, `/api/v1/projects/${detail.project.id}/milestones/${detail.timeline[0]?.id}`, {
			method: "PATCH",
			cookie: acme.staffCookie,
			body: { status: "done" },
		});
		expect((await problemOf(badStatus)).errors?.[0]?.path).toBe("status");
		const counts = await env.DB.prepare(
			"SELECT (SELECT count(*) FROM projects WHERE tenant_id = ?1) AS p, (SELECT count(*) FROM milestones WHERE tenant_id = ?1) AS m",
		)
			.bind(acme.tenantId)
			.first();
		expect(counts).toEqual({ p: 1, m: 1 });
	});
});

describe("isolation", () => {
	it("keeps client X's user away from client Y's project and milestones (404)", async () => {
		const y = await projectWith(acme, acme.clientY.id, ["Y1"]);
		for (const path of [`/api/v1/projects/${y.project.id}`, `/api/v1/projects/${y.project.id}/milestones`]) {
			const res = await call(acme.host, path, { cookie: acme.xUser.cookie });
			expect(res.status, path).toBe(404);
		}
		const list = await json<{ projects: unknown[] }>(
			call(acme.host, `/api/v1/projects?clientId=${acme.clientY.id}`, { cookie: acme.xUser.cookie }),
		);
		expect(list.projects).toEqual([]);
	});

	it("never lets agency B reach A's projects or milestones by id (404)", async () => {
		const beta = await signUpAgency(uniqueSlug("beta"));
		const x = await projectWith(acme, acme.clientX.id, ["X1"]);
		const milestoneId = x.timeline[0]?.id;
		const attempts = [
			call(beta.host, `/api/v1/projects/${x.project.id}`, { cookie: beta.ownerCookie }),
			call(beta.host, `/api/v1/projects/${x.project.id}/milestones`, { cookie: beta.ownerCookie }),
			call(beta.host, `/api/v1/projects/${x.project.id}`, { method: "PATCH", cookie: beta.ownerCookie, body: { name: "Stolen" } }),
			call(beta.host, `/api/v1/projects/${x.project.id}/milestones/${milestoneId}`, {
				method: "PATCH",
				cookie: beta.ownerCookie,
				body: { status: "completed" },
			}),
		];
		for (const res of await Promise.all(attempts)) expect(res.status).toBe(404);
		const create = await call(beta.host, "/api/v1/projects", {
			cookie: beta.ownerCookie,
			body: { clientId: acme.clientX.id, name: "Into A" },
		});
		expect((await problemOf(create)).errors?.[0]?.path).toBe("clientId");
		const list = await json<{ projects: unknown[] }>(call(beta.host, "/api/v1/projects", { cookie: beta.ownerCookie }));
		expect(list.projects).toEqual([]);
		const after = await json<ProjectDetailT>(call(acme.host, `/api/v1/projects/${x.project.id}`, { cookie: acme.staffCookie }));
		expect([after.project.name, after.timeline[0]?.status]).toEqual(["Website relaunch", "pending"]);
	});
});

describe("moves on a board (PATCH with fromStatus)", () => {
	const move = (id: string, body: Record<string, unknown>, cookie = acme.staffCookie, host = acme.host) =>
		call(host, `/api/v1/projects/${id}`, { method: "PATCH", cookie, body });
	const statusOf = async (id: string) =>
		(await json<ProjectDetailT>(call(acme.host, `/api/v1/projects/${id}`, { cookie: acme.staffCookie }))).project.status;

	it("moves a project from the status the mover saw; a replay of the same move succeeds and changes nothing more", async () => {
		const { project } = await projectWith(acme, acme.clientX.id);
		const moved = await json<{ status: string; version: number }>(move(project.id, { status: "on_hold", fromStatus: "active" }));
		expect(moved.status).toBe("on_hold");
		const replay = await json<{ status: string }>(move(project.id, { status: "on_hold", fromStatus: "active" }));
		expect(replay.status).toBe("on_hold");
		expect(await statusOf(project.id)).toBe("on_hold");
	});

	it("refuses (409, naming fromStatus) a move whose project changed status meanwhile, and keeps the other person's change", async () => {
		const { project } = await projectWith(acme, acme.clientX.id);
		await json(move(project.id, { status: "archived" }));
		const stale = await move(project.id, { status: "completed", fromStatus: "active" });
		expect(stale.status).toBe(409);
		const problem = await problemOf(stale);
		expect(problem.errors?.[0]?.path).toBe("fromStatus");
		expect(problem.detail).toBe("Its status was changed to archived meanwhile.");
		expect(await statusOf(project.id)).toBe("archived");
	});

	it("names fromStatus (422) when it comes without a status, and changes nothing", async () => {
		const { project } = await projectWith(acme, acme.clientX.id);
		const res = await move(project.id, { name: "Renamed", fromStatus: "active" });
		expect(res.status).toBe(422);
		expect((await problemOf(res)).errors?.[0]?.path).toBe("fromStatus");
		const after = await json<ProjectDetailT>(call(acme.host, `/api/v1/projects/${project.id}`, { cookie: acme.staffCookie }));
		expect([after.project.name, after.project.status]).toEqual(["Website relaunch", "active"]);
	});

	it("is refused to a client's people, on their own client's project and on another client's (403), and changes nothing", async () => {
		const own = await projectWith(acme, acme.clientX.id);
		const other = await projectWith(acme, acme.clientY.id);
		for (const id of [own.project.id, other.project.id]) {
			const res = await move(id, { status: "completed", fromStatus: "active" }, acme.xUser.cookie);
			expect(res.status).toBe(403);
			expect(await statusOf(id)).toBe("active");
		}
	});

	it("never lets agency B move A's project (404), and A's project keeps its status", async () => {
		const beta = await signUpAgency(uniqueSlug("beta"));
		const { project } = await projectWith(acme, acme.clientX.id);
		const res = await move(project.id, { status: "completed", fromStatus: "active" }, beta.ownerCookie, beta.host);
		expect(res.status).toBe(404);
		expect(await statusOf(project.id)).toBe("active");
	});
});
