/** POST /api/v1/sync: exactly-once ordered mutations, per-field conflict rules, permissions, tenants, bad input. */
import { beforeEach, describe, expect, it } from "vitest";
import { newId as newRecordId } from "../../worker/lib/ids";
import { signUpAgency, uniqueSlug } from "../support/agencies";
import { call, problemOf } from "../support/http";
import { json, type PortalAgency, type ProjectDetailT, portalAgency, projectWith } from "./portal-fixtures";
import { hlcAt, mutation, pullAll, push, pushOk, recordsOf } from "./sync-fixtures";

type Task = { id: string; title: string; status: string; description: string; updatedAt: number };
type Deliverable = { id: string; status: string; reviews: { decision: string; comment: string }[] };

let acme: PortalAgency;
let project: ProjectDetailT;
let task: Task;
let deliverableId: string;

beforeEach(async () => {
	acme = await portalAgency(uniqueSlug("acme"));
	project = await projectWith(acme, acme.clientX.id, ["Kick-off"]);
	task = await json<Task>(
		call(acme.host, "/api/v1/tasks", {
			cookie: acme.staffCookie,
			body: { projectId: project.project.id, title: "Send logo files", description: "SVG please", assigneeUserId: acme.xUser.id },
		}),
		201,
	);
	deliverableId = (
		await json<{ id: string }>(
			call(acme.host, "/api/v1/deliverables", {
				cookie: acme.staffCookie,
				body: { projectId: project.project.id, title: "Homepage draft", kind: "link", url: "https://example.com/draft" },
			}),
			201,
		)
	).id;
});

const getTask = (id: string) =>
	json<Task>(call(acme.host, `/api/v1/tasks?projectId=${project.project.id}`, { cookie: acme.staffCookie })).then((r) =>
		(r as unknown as { tasks: Task[] }).tasks.find((t) => t.id === id),
	);
const getDeliverable = () => json<Deliverable>(call(acme.host, `/api/v1/deliverables/${deliverableId}`, { cookie: acme.staffCookie }));

/** The version of a record as the device last pulled it. */
async function versionOf(cookie: string, id: string): Promise<number> {
	const feed = await pullAll(acme.host, cookie);
	return feed.changes.filter((c) => c.id === id).at(-1)?.version ?? 0;
}

describe("sync mutations", () => {
	it("apply a client's offline work through the portal services: complete their task, request changes with a comment", async () => {
		const base = await versionOf(acme.xUser.cookie, task.id);
		const results = await pushOk(acme.host, acme.xUser.cookie, "phone-of-x", [
			mutation(1, "task.complete", task.id, { baseVersion: base, base: { status: "open" } }),
			mutation(2, "deliverable.review", deliverableId, {
				base: { status: "pending_review" },
				changes: { decision: "changes_requested", comment: "Bigger logo" },
			}),
		]);
		expect(results.map((r) => [r.seq, r.outcome, r.record?.status])).toEqual([
			[1, "applied", "done"],
			[2, "applied", "changes_requested"],
		]);
		expect(results[0]?.version).toBeGreaterThan(base);
		expect((await getTask(task.id))?.status).toBe("done");
		const d = await getDeliverable();
		expect(d.reviews.map((r) => [r.decision, r.comment])).toEqual([["changes_requested", "Bigger logo"]]);
	});

	it("apply each mutation once: a replayed batch changes nothing and answers the same; an overlapping batch applies only the new one", async () => {
		const batch = [
			mutation(1, "deliverable.review", deliverableId, { changes: { decision: "changes_requested", comment: "Once" } }),
			mutation(2, "task.complete", task.id),
		];
		const first = await pushOk(acme.host, acme.xUser.cookie, "phone-of-x", batch);
		const again = await pushOk(acme.host, acme.xUser.cookie, "phone-of-x", batch);
		expect(again).toEqual(first);
		const third = mutation(3, "deliverable.review", deliverableId, { changes: { decision: "changes_requested", comment: "Twice" } });
		const overlap = await pushOk(acme.host, acme.xUser.cookie, "phone-of-x", [batch[1] as Record<string, unknown>, third]);
		expect(overlap[0]).toEqual(first[1]);
		expect(overlap[1]?.outcome).toBe("applied");
		expect((await getDeliverable()).reviews.map((r) => r.comment)).toEqual(["Once", "Twice"]);
	});

	it("refuse a gap, a reused sequence number and a batch out of order (422 naming the field, nothing applied)", async () => {
		const gap = await push(acme.host, acme.xUser.cookie, "phone-of-x", [mutation(2, "task.complete", task.id)]);
		expect(gap.status).toBe(422);
		expect((await problemOf(gap)).errors?.[0]).toEqual({
			path: "mutations.0.seq",
			message: "must be 1, the next sequence number of this device",
		});
		const unordered = await push(acme.host, acme.xUser.cookie, "phone-of-x", [
			mutation(1, "task.complete", task.id),
			mutation(3, "deliverable.review", deliverableId, { changes: { decision: "approved" } }),
		]);
		expect(unordered.status).toBe(422);
		expect((await problemOf(unordered)).errors?.[0]?.path).toBe("mutations.1.seq");
		expect((await getTask(task.id))?.status).toBe("open");
		await pushOk(acme.host, acme.xUser.cookie, "phone-of-x", [mutation(1, "task.complete", task.id)]);
		const reused = await push(acme.host, acme.xUser.cookie, "phone-of-x", [
			mutation(1, "deliverable.review", deliverableId, { changes: { decision: "approved" } }),
		]);
		expect(reused.status).toBe(422);
		expect((await problemOf(reused)).errors?.[0]?.path).toBe("mutations.0.id");
		expect((await getDeliverable()).status).toBe("pending_review");
		// Sequence numbers are per device: another device starts at 1.
		const other = await pushOk(acme.host, acme.xUser.cookie, "tablet-of-x", [
			mutation(1, "deliverable.review", deliverableId, { changes: { decision: "approved" } }),
		]);
		expect(other[0]?.outcome).toBe("applied");
	});

	it("keep the server's status when it changed since the device's base (conflict, with the server's record)", async () => {
		const milestone = project.timeline[0]?.id ?? "";
		const base = await versionOf(acme.staffCookie, milestone);
		await json(
			call(acme.host, `/api/v1/projects/${project.project.id}/milestones/${milestone}`, {
				method: "PATCH",
				cookie: acme.staffCookie,
				body: { status: "completed" },
			}),
		);
		const [result] = await pushOk(acme.host, acme.staffCookie, "laptop-of-staff", [
			mutation(1, "milestone.update", milestone, {
				baseVersion: base,
				base: { status: "pending", title: "Kick-off" },
				changes: { status: "in_progress", title: "Kick-off call" },
			}),
		]);
		expect(result?.outcome).toBe("conflict");
		expect(result?.fields).toEqual({ status: "server-kept", title: "applied" });
		expect(result?.record).toMatchObject({ status: "completed", title: "Kick-off call" });
		// "Keep mine": the device sends it again on the server's version.
		const [kept] = await pushOk(acme.host, acme.staffCookie, "laptop-of-staff", [
			mutation(2, "milestone.update", milestone, {
				baseVersion: result?.version,
				base: { status: "completed" },
				changes: { status: "in_progress" },
			}),
		]);
		expect(kept?.outcome).toBe("applied");
		expect(kept?.record?.status).toBe("in_progress");
	});

	it("let the later writer win a simple field by hybrid logical clock, not by arrival", async () => {
		const base = await versionOf(acme.staffCookie, task.id);
		await json(call(acme.host, `/api/v1/tasks/${task.id}`, { method: "PATCH", cookie: acme.staffCookie, body: { title: "Server title" } }));
		const serverWrite = (await getTask(task.id))?.updatedAt ?? 0;
		const [older] = await pushOk(acme.host, acme.staffCookie, "laptop-of-staff", [
			mutation(1, "task.update", task.id, {
				hlc: hlcAt(serverWrite - 60_000),
				baseVersion: base,
				base: { title: "Send logo files" },
				changes: { title: "Offline title" },
			}),
		]);
		expect(older?.outcome).toBe("merged");
		expect(older?.fields).toEqual({ title: "lww-lost" });
		expect((await getTask(task.id))?.title).toBe("Server title");
		const [newer] = await pushOk(acme.host, acme.staffCookie, "laptop-of-staff", [
			mutation(2, "task.update", task.id, {
				hlc: hlcAt(serverWrite + 1_000),
				baseVersion: base,
				base: { title: "Send logo files" },
				changes: { title: "Later offline title" },
			}),
		]);
		expect(newer?.outcome).toBe("applied");
		expect((await getTask(task.id))?.title).toBe("Later offline title");
		// A sync write remembers its clock: an earlier stamp from another device now loses to it.
		const [stale] = await pushOk(acme.host, acme.staffCookie, "phone-of-staff", [
			mutation(1, "task.update", task.id, {
				hlc: hlcAt(serverWrite + 500, "phone"),
				baseVersion: base,
				base: { title: "Send logo files" },
				changes: { title: "Phone title" },
			}),
		]);
		expect(stale?.fields).toEqual({ title: "lww-lost" });
	});

	it("does not let a device clock set far ahead win every write", async () => {
		const base = await versionOf(acme.staffCookie, task.id);
		const [future] = await pushOk(acme.host, acme.staffCookie, "laptop-of-staff", [
			mutation(1, "task.update", task.id, {
				hlc: hlcAt(Date.now() + 365 * 86_400_000),
				baseVersion: base,
				changes: { title: "From the future" },
			}),
		]);
		expect(future?.outcome).toBe("applied");
		await json(call(acme.host, `/api/v1/tasks/${task.id}`, { method: "PATCH", cookie: acme.staffCookie, body: { title: "Back to now" } }));
		const later = await versionOf(acme.staffCookie, task.id);
		const [next] = await pushOk(acme.host, acme.staffCookie, "phone-of-staff", [
			mutation(1, "task.update", task.id, {
				hlc: hlcAt(Date.now() + 1_000, "phone"),
				baseVersion: later - 1,
				base: { title: "From the future" },
				changes: { title: "Phone now" },
			}),
		]);
		expect(next?.fields).toEqual({ title: "applied" });
	});

	it("keep both texts when the description changed on both sides; apply cleanly when only the device changed it", async () => {
		const base = await versionOf(acme.staffCookie, task.id);
		const [clean] = await pushOk(acme.host, acme.staffCookie, "laptop-of-staff", [
			mutation(1, "task.update", task.id, {
				baseVersion: base,
				base: { description: "SVG please" },
				changes: { description: "SVG and PNG" },
			}),
		]);
		expect(clean?.outcome).toBe("applied");
		await json(
			call(acme.host, `/api/v1/tasks/${task.id}`, { method: "PATCH", cookie: acme.staffCookie, body: { description: "Server notes" } }),
		);
		const [both] = await pushOk(acme.host, acme.staffCookie, "laptop-of-staff", [
			mutation(2, "task.update", task.id, {
				baseVersion: clean?.version,
				base: { description: "SVG and PNG" },
				changes: { description: "Offline notes" },
			}),
		]);
		expect(both?.outcome).toBe("merged");
		expect(both?.fields).toEqual({ description: "merged-text" });
		const saved = (await getTask(task.id))?.description ?? "";
		expect(saved.startsWith("Server notes")).toBe(true);
		expect(saved.endsWith("Offline notes")).toBe(true);
	});

	it("answer a review of an already approved deliverable with a conflict carrying the server's record", async () => {
		await pushOk(acme.host, acme.ownerCookie, "owner-laptop", [
			mutation(1, "deliverable.review", deliverableId, { changes: { decision: "approved" } }),
		]);
		const [late] = await pushOk(acme.host, acme.xUser.cookie, "phone-of-x", [
			mutation(1, "deliverable.review", deliverableId, {
				base: { status: "pending_review" },
				changes: { decision: "changes_requested", comment: "Wait" },
			}),
		]);
		expect(late?.outcome).toBe("conflict");
		expect(late?.record?.status).toBe("approved");
		expect((await getDeliverable()).reviews).toHaveLength(1);
	});

	it("let a client do only what the API lets them (rejected with the route's problem), and staff create and edit", async () => {
		const results = await pushOk(acme.host, acme.xUser.cookie, "phone-of-x", [
			mutation(1, "task.update", task.id, { changes: { title: "Mine now" } }),
			mutation(2, "client.update", acme.clientX.id, { changes: { name: "Renamed" } }),
			mutation(3, "task.create", crypto.randomUUID(), { changes: { projectId: project.project.id, title: "Sneaky" } }),
		]);
		expect(results.map((r) => [r.outcome, r.problem?.status])).toEqual([
			["rejected", 403],
			["rejected", 403],
			["rejected", 403],
		]);
		const staffTask = await json<Task>(
			call(acme.host, "/api/v1/tasks", {
				cookie: acme.staffCookie,
				body: { projectId: project.project.id, title: "Staff only", assigneeUserId: acme.staffId },
			}),
			201,
		);
		const [notMine] = await pushOk(acme.host, acme.xUser.cookie, "phone-of-x", [mutation(4, "task.complete", staffTask.id)]);
		expect(notMine?.problem?.status).toBe(403);
		// A fresh id: a create under an id another agency's record holds (an earlier test's) is refused.
		const newId = newRecordId();
		const staff = await pushOk(acme.host, acme.staffCookie, "laptop-of-staff", [
			mutation(1, "task.create", newId, { changes: { projectId: project.project.id, title: "Made offline" } }),
			mutation(2, "project.update", project.project.id, { changes: { name: "Relaunch 2.0" } }),
			mutation(3, "client.update", acme.clientX.id, { changes: { website: "https://xylo.example" } }),
			mutation(4, "task.update", newId, { changes: { assigneeUserId: acme.yUser.id } }),
		]);
		expect(staff.map((r) => r.outcome)).toEqual(["applied", "applied", "applied", "rejected"]);
		expect(staff[3]?.problem?.errors?.[0]?.path).toBe("assigneeUserId");
		expect(staff[0]?.record).toMatchObject({ id: newId, title: "Made offline" });
		const feed = await pullAll(acme.host, acme.xUser.cookie);
		expect(recordsOf(feed, "projects").get(project.project.id)?.name).toBe("Relaunch 2.0");
		expect(recordsOf(feed, "tasks").get(newId)?.title).toBe("Made offline");
	});

	it("never reach another client's or another agency's records (rejected 404)", async () => {
		const yProject = await projectWith(acme, acme.clientY.id, ["Y"]);
		const [other] = await pushOk(acme.host, acme.xUser.cookie, "phone-of-x", [
			mutation(1, "milestone.update", yProject.timeline[0]?.id ?? "", { changes: { title: "x" } }),
		]);
		expect(other?.problem?.status).toBe(403);
		const beta = await signUpAgency(uniqueSlug("beta"));
		const [cross] = await pushOk(beta.host, beta.ownerCookie, "beta-laptop", [
			mutation(1, "task.update", task.id, { changes: { title: "Beta was here" } }),
		]);
		expect(cross?.outcome).toBe("rejected");
		expect(cross?.problem?.status).toBe(404);
		expect(cross?.record).toBeNull();
		const [review] = await pushOk(acme.host, acme.yUser.cookie, "phone-of-y", [
			mutation(1, "deliverable.review", deliverableId, { changes: { decision: "approved" } }),
		]);
		expect(review?.problem?.status).toBe(404);
		expect((await getTask(task.id))?.title).toBe("Send logo files");
		expect((await getDeliverable()).status).toBe("pending_review");
	});

	it("refuse bad input with 422 naming the field, applying nothing", async () => {
		for (const [body, field] of [
			[
				{ deviceId: "phone-of-x", mutations: [mutation(1, "task.update", task.id, { changes: { title: "" } })] },
				"mutations.0.changes.title",
			],
			[{ deviceId: "phone-of-x", mutations: [mutation(1, "task.explode", task.id)] }, "mutations.0.type"],
			[{ deviceId: "phone-of-x", mutations: [mutation(1, "task.complete", task.id, { hlc: "yesterday" })] }, "mutations.0.hlc"],
			[{ deviceId: "phone-of-x", mutations: [mutation(1, "task.complete", "not-an-id")] }, "mutations.0.recordId"],
			[{ deviceId: "x", mutations: [mutation(1, "task.complete", task.id)] }, "deviceId"],
			[{ deviceId: "phone-of-x", mutations: [] }, "mutations"],
			[
				{
					deviceId: "phone-of-x",
					mutations: [mutation(1, "deliverable.review", deliverableId, { changes: { decision: "changes_requested" } })],
				},
				"mutations.0.changes.comment",
			],
		] as const) {
			const res = await call(acme.host, "/api/v1/sync", { cookie: acme.staffCookie, body });
			expect(res.status, field).toBe(422);
			expect((await problemOf(res)).errors?.[0]?.path, field).toBe(field);
		}
		expect((await getTask(task.id))?.status).toBe("open");
	});
});
