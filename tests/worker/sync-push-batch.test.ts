/** POST /api/v1/sync, whole batches: in-batch dependencies, a retry after a lost response, a refusal mid-batch, two deliveries at once, a full 100. */
import { beforeEach, describe, expect, it } from "vitest";
import { uniqueSlug } from "../support/agencies";
import { call } from "../support/http";
import { json, type PortalAgency, type ProjectDetailT, portalAgency, projectWith } from "./portal-fixtures";
import { mutation, pullAll, push, pushOk, recordsOf } from "./sync-fixtures";

type Task = { id: string; title: string; status: string; description: string; milestoneId: string | null };

let acme: PortalAgency;
let project: ProjectDetailT;

beforeEach(async () => {
	acme = await portalAgency(uniqueSlug("acme"));
	project = await projectWith(acme, acme.clientX.id, ["Kick-off"]);
});

const tasksOfProject = () =>
	json<{ tasks: Task[] }>(call(acme.host, `/api/v1/tasks?projectId=${project.project.id}`, { cookie: acme.staffCookie })).then(
		(r) => new Map(r.tasks.map((t) => [t.id, t])),
	);
const create = (seq: number, id: string, title: string) =>
	mutation(seq, "task.create", id, { changes: { projectId: project.project.id, title } });

describe("sync batches", () => {
	it("let a later mutation build on an earlier one of the same batch (create, edit, complete), and answer a replay the same", async () => {
		const id = crypto.randomUUID();
		const milestone = project.timeline[0]?.id ?? "";
		const batch = [
			create(1, id, "Draft"),
			mutation(2, "task.update", id, { changes: { title: "Final", milestoneId: milestone } }),
			mutation(3, "task.update", id, { base: { description: "" }, changes: { description: "Both sides" } }),
			mutation(4, "task.complete", id),
		];
		const results = await pushOk(acme.host, acme.staffCookie, "laptop-of-staff", batch);
		expect(results.map((r) => [r.seq, r.outcome, r.record?.title, r.record?.status])).toEqual([
			[1, "applied", "Draft", "open"],
			[2, "applied", "Final", "open"],
			[3, "applied", "Final", "open"],
			[4, "applied", "Final", "done"],
		]);
		const versions = results.map((r) => r.version ?? 0);
		expect(versions).toEqual([...versions].sort((a, b) => a - b));
		expect(new Set(versions).size).toBe(4);
		const saved = (await tasksOfProject()).get(id);
		expect(saved).toMatchObject({ title: "Final", status: "done", description: "Both sides", milestoneId: milestone });
		// The device's next pull sees the version the last result named.
		const feed = await pullAll(acme.host, acme.staffCookie);
		expect(feed.changes.filter((c) => c.id === id).at(-1)?.version).toBe(versions[3]);
		expect(await pushOk(acme.host, acme.staffCookie, "laptop-of-staff", batch)).toEqual(results);
	});

	it("apply only the unapplied half of a batch retried after a lost response, answering the applied half as before", async () => {
		const ids = Array.from({ length: 4 }, () => crypto.randomUUID());
		const batch = [
			...ids.map((id, i) => create(i + 1, id, `Task ${i + 1}`)),
			...ids.map((id, i) => mutation(i + 5, "task.update", id, { changes: { title: `Task ${i + 1} renamed` } })),
		];
		const firstHalf = await pushOk(acme.host, acme.staffCookie, "laptop-of-staff", batch.slice(0, 4));
		// Someone renames the first task online before the device retries.
		await json(call(acme.host, `/api/v1/tasks/${ids[0]}`, { method: "PATCH", cookie: acme.staffCookie, body: { title: "Online" } }));
		const retried = await pushOk(acme.host, acme.staffCookie, "laptop-of-staff", batch);
		expect(retried.slice(0, 4)).toEqual(firstHalf);
		expect(retried.slice(4).map((r) => [r.seq, r.outcome])).toEqual([
			[5, "applied"],
			[6, "applied"],
			[7, "applied"],
			[8, "applied"],
		]);
		const saved = await tasksOfProject();
		expect(ids.map((id) => saved.get(id)?.title)).toEqual(["Task 1 renamed", "Task 2 renamed", "Task 3 renamed", "Task 4 renamed"]);
		expect(saved.size).toBe(4);
	});

	it("refuse one mutation in the middle and still apply the others in order, with a result for each (other types between tasks too)", async () => {
		const [a, b] = [crypto.randomUUID(), crypto.randomUUID()];
		const yProject = await projectWith(acme, acme.clientY.id, ["Y kick-off"]);
		const results = await pushOk(acme.host, acme.staffCookie, "laptop-of-staff", [
			create(1, a, "First"),
			mutation(2, "task.update", a, { changes: { milestoneId: yProject.timeline[0]?.id } }),
			mutation(3, "task.update", crypto.randomUUID(), { changes: { title: "Nobody" } }),
			mutation(4, "project.update", project.project.id, { changes: { name: "Renamed mid-batch" } }),
			create(5, b, "Second"),
			mutation(6, "task.update", a, { changes: { title: "First, edited" } }),
		]);
		expect(results.map((r) => [r.seq, r.outcome, r.problem?.status ?? null, r.problem?.errors?.[0]?.path ?? null])).toEqual([
			[1, "applied", null, null],
			[2, "rejected", 422, "milestoneId"],
			[3, "rejected", 404, null],
			[4, "applied", null, null],
			[5, "applied", null, null],
			[6, "applied", null, null],
		]);
		expect(results[1]?.record).toBeNull();
		const saved = await tasksOfProject();
		expect(saved.get(a)).toMatchObject({ title: "First, edited", milestoneId: null });
		expect(saved.get(b)?.title).toBe("Second");
		const feed = await pullAll(acme.host, acme.xUser.cookie);
		expect(recordsOf(feed, "projects").get(project.project.id)?.name).toBe("Renamed mid-batch");
	});

	it("apply a batch delivered twice at once only once: each delivery answers the same results or 409 sync-in-progress", async () => {
		const ids = Array.from({ length: 3 }, () => crypto.randomUUID());
		const batch = [...ids.map((id, i) => create(i + 1, id, `Twice ${i + 1}`)), mutation(4, "task.complete", ids[0] ?? "")];
		const deliveries = await Promise.all([1, 2].map(() => push(acme.host, acme.staffCookie, "laptop-of-staff", batch)));
		expect(deliveries.every((res) => res.status === 200 || res.status === 409)).toBe(true);
		const answered = await Promise.all(deliveries.filter((res) => res.status === 200).map((res) => res.json()));
		expect(answered.length).toBeGreaterThan(0);
		for (const body of answered) expect((body as { results: unknown[] }).results).toEqual((answered[0] as { results: unknown[] }).results);
		const saved = await tasksOfProject();
		expect(saved.size).toBe(3);
		expect(saved.get(ids[0] ?? "")?.status).toBe("done");
	});

	it("apply a full batch of 100 touching more records than one query may name", async () => {
		const ids = Array.from({ length: 95 }, () => crypto.randomUUID());
		const batch = [
			...ids.map((id, i) => create(i + 1, id, `Bulk ${i + 1}`)),
			...ids.slice(0, 5).map((id, i) => mutation(96 + i, "task.complete", id)),
		];
		const results = await pushOk(acme.host, acme.staffCookie, "laptop-of-staff", batch);
		expect(results.filter((r) => r.outcome === "applied")).toHaveLength(100);
		const saved = await tasksOfProject();
		expect(ids.every((id) => saved.has(id))).toBe(true);
		expect(ids.filter((id) => saved.get(id)?.status === "done")).toEqual(ids.slice(0, 5));
	});
});
