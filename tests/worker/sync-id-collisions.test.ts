/**
 * POST /api/v1/sync when a create's client-made id is already taken: by another agency's record, by a
 * record of this agency the user may not see, or by the same record (a retried create). The one
 * mutation is refused (or answered as already applied), never the batch: the rest applies in order,
 * a replay answers the same and changes nothing, and no answer tells anything of the other record.
 */
import { beforeEach, describe, expect, it } from "vitest";
import type { SyncMutationResultT } from "../../schema/dto/sync";
import { uniqueSlug } from "../support/agencies";
import { call } from "../support/http";
import { type MessageT, openThread, post, type ThreadT } from "./messaging-fixtures";
import { json, type PortalAgency, type ProjectDetailT, portalAgency, projectWith } from "./portal-fixtures";
import { mutation, push, pushOk } from "./sync-fixtures";

type Task = { id: string; title: string; status: string; projectId: string };

let acme: PortalAgency;
let beta: PortalAgency;
let acmeProject: ProjectDetailT;
let betaProject: ProjectDetailT;
let betaTask: Task;
let betaMessage: MessageT;
let betaThread: ThreadT;
let xThread: ThreadT;

beforeEach(async () => {
	[acme, beta] = await Promise.all([portalAgency(uniqueSlug("acme")), portalAgency(uniqueSlug("beta"))]);
	acmeProject = await projectWith(acme, acme.clientX.id);
	betaProject = await projectWith(beta, beta.clientX.id, ["Beta milestone"]);
	betaTask = await json<Task>(
		call(beta.host, "/api/v1/tasks", { cookie: beta.staffCookie, body: { projectId: betaProject.project.id, title: "Beta secret" } }),
		201,
	);
	betaThread = await openThread(beta, beta.clientX.id);
	betaMessage = await json<MessageT>(post(beta, betaThread.id, "Beta whisper", beta.staffCookie), 201);
	xThread = await openThread(acme, acme.clientX.id);
});

const createTask = (seq: number, id: string, title: string, projectId = acmeProject.project.id) =>
	mutation(seq, "task.create", id, { changes: { projectId, title } });
const sendMessage = (seq: number, id: string, body: string, threadId = xThread.id) =>
	mutation(seq, "message.send", id, { changes: { threadId, body } });

const betaSees = async () => ({
	tasks: (await json<{ tasks: Task[] }>(call(beta.host, `/api/v1/tasks?projectId=${betaTask.projectId}`, { cookie: beta.staffCookie })))
		.tasks,
	messages: (
		await json<{ messages: MessageT[] }>(call(beta.host, `/api/v1/threads/${betaThread.id}/messages`, { cookie: beta.staffCookie }))
	).messages,
});
const acmeTasks = async () =>
	(await json<{ tasks: Task[] }>(call(acme.host, `/api/v1/tasks?projectId=${acmeProject.project.id}`, { cookie: acme.staffCookie }))).tasks;

/** The one answer for any id a create may not take, whoever holds it. */
const idRefused = (r: SyncMutationResultT | undefined) => {
	expect(r).toMatchObject({ outcome: "rejected", entity: null, version: null, record: null, fields: {} });
	expect(r?.problem?.status).toBe(409);
	expect(r?.problem?.errors).toEqual([{ path: "id", message: "is already used by another record" }]);
	return r?.problem;
};

describe("a create whose id another agency's record holds", () => {
	it("is refused on its own: the rest of the batch applies in order, a replay answers the same, the other record is untouched", async () => {
		const before = await betaSees();
		const fresh = crypto.randomUUID();
		const message = crypto.randomUUID();
		const batch = [
			createTask(1, betaTask.id, "Mine now"),
			createTask(2, fresh, "Kept"),
			mutation(3, "task.complete", fresh),
			sendMessage(4, betaMessage.id, "Hijack"),
			sendMessage(5, message, "Still sent"),
		];
		const response = await push(acme.host, acme.staffCookie, "laptop-of-staff", batch);
		expect(response.status).toBe(200);
		const { results } = (await response.json()) as { results: SyncMutationResultT[] };
		expect(results.map((r) => [r.seq, r.outcome])).toEqual([
			[1, "rejected"],
			[2, "applied"],
			[3, "applied"],
			[4, "rejected"],
			[5, "applied"],
		]);
		// The same answer for a task and a message, and nothing of beta's record in it.
		expect(idRefused(results[0])).toEqual(idRefused(results[3]));
		const said = JSON.stringify([results[0], results[3]]);
		for (const secret of ["Beta secret", "Beta whisper", beta.tenantId, beta.clientX.id, betaThread.id]) expect(said).not.toContain(secret);
		expect(results[2]?.record).toMatchObject({ id: fresh, status: "done" });
		expect(results[4]?.record).toMatchObject({ id: message, body: "Still sent" });

		expect(await pushOk(acme.host, acme.staffCookie, "laptop-of-staff", batch)).toEqual(results);
		expect(await betaSees()).toEqual(before);
		expect((await acmeTasks()).map((t) => [t.id, t.title, t.status])).toEqual([[fresh, "Kept", "done"]]);
		// The REST route gives the same answer for the same id.
		const rest = await call(acme.host, "/api/v1/tasks", {
			cookie: acme.staffCookie,
			body: { id: betaTask.id, projectId: acmeProject.project.id, title: "Mine now" },
		});
		expect(rest.status).toBe(409);
		expect((await rest.json()) as { errors: unknown }).toMatchObject({ errors: results[0]?.problem?.errors });
		// The device moves on: its next mutation is the next sequence number.
		const [next] = await pushOk(acme.host, acme.staffCookie, "laptop-of-staff", [createTask(6, crypto.randomUUID(), "After")]);
		expect(next?.outcome).toBe("applied");
	});

	it("answers exactly as for an id this agency holds in a record the user may not see", async () => {
		const yThread = await openThread(acme, acme.clientY.id);
		const yMessage = await json<MessageT>(post(acme, yThread.id, "For Y only", acme.staffCookie), 201);
		const results = await pushOk(acme.host, acme.xUser.cookie, "phone-of-x", [
			sendMessage(1, yMessage.id, "Peek"),
			sendMessage(2, betaMessage.id, "Peek"),
		]);
		expect(idRefused(results[0])).toEqual(idRefused(results[1]));
		expect(JSON.stringify(results)).not.toContain("For Y only");
	});
});

describe("a create whose id this user's own record already holds", () => {
	it("is already applied when it is the same create (a retry from another device): one task, no 500", async () => {
		const id = crypto.randomUUID();
		const [first] = await pushOk(acme.host, acme.staffCookie, "laptop-of-staff", [createTask(1, id, "Once")]);
		const [again] = await pushOk(acme.host, acme.staffCookie, "phone-of-staff", [createTask(1, id, "Once")]);
		expect(again).toMatchObject({ outcome: "applied", entity: "tasks", record: { id, title: "Once" }, version: first?.version });
		expect((await acmeTasks()).filter((t) => t.id === id)).toHaveLength(1);
	});

	it("is refused when the id holds a different task, and never overwrites it", async () => {
		const id = crypto.randomUUID();
		await pushOk(acme.host, acme.staffCookie, "laptop-of-staff", [createTask(1, id, "Original")]);
		const results = await pushOk(acme.host, acme.staffCookie, "phone-of-staff", [
			createTask(1, id, "Other"),
			createTask(2, id, "Other again"),
		]);
		idRefused(results[0]);
		idRefused(results[1]);
		expect((await acmeTasks()).map((t) => t.title)).toEqual(["Original"]);
	});

	it("creates a task whose id this agency uses for a message (ids are per table)", async () => {
		const own = await json<MessageT>(post(acme, xThread.id, "Hello", acme.staffCookie), 201);
		const [result] = await pushOk(acme.host, acme.staffCookie, "laptop-of-staff", [createTask(1, own.id, "Same id, other table")]);
		expect(result).toMatchObject({ outcome: "applied", record: { id: own.id, title: "Same id, other table" } });
	});
});

describe("other ids a device may send", () => {
	it("refuses a parent of another agency as out of reach, and applies twice the same id in one batch once", async () => {
		const id = crypto.randomUUID();
		const message = crypto.randomUUID();
		const betaProjectId = betaTask.projectId;
		const results = await pushOk(acme.host, acme.staffCookie, "laptop-of-staff", [
			createTask(1, crypto.randomUUID(), "Into beta", betaProjectId),
			sendMessage(2, crypto.randomUUID(), "Into beta", betaThread.id),
			createTask(3, id, "Twice"),
			createTask(4, id, "Twice"),
			sendMessage(5, message, "Twice"),
			sendMessage(6, message, "Twice"),
		]);
		expect(results.map((r) => [r.outcome, r.problem?.status ?? null])).toEqual([
			["rejected", 422],
			["rejected", 404],
			["applied", null],
			["applied", null],
			["applied", null],
			["applied", null],
		]);
		expect((await acmeTasks()).map((t) => t.title)).toEqual(["Twice"]);
		const messages = (
			await json<{ messages: MessageT[] }>(call(acme.host, `/api/v1/threads/${xThread.id}/messages`, { cookie: acme.staffCookie }))
		).messages;
		expect(messages.filter((m) => m.id === message)).toHaveLength(1);
		expect((await betaSees()).messages.map((m) => m.body)).toEqual(["Beta whisper"]);
	});
});

describe("the REST creates that take a caller-made id", () => {
	it("answer 409 for an id another agency holds, as for any taken id, never 500", async () => {
		const betaDeliverable = await json<{ id: string }>(
			call(beta.host, "/api/v1/deliverables", {
				cookie: beta.staffCookie,
				body: { projectId: betaProject.project.id, title: "Beta file", kind: "link", url: "https://beta.example/file" },
			}),
			201,
		);
		const projectId = acmeProject.project.id;
		for (const [path, body] of [
			["/api/v1/clients", { id: beta.clientX.id, name: "Taken" }],
			["/api/v1/projects", { id: betaProject.project.id, clientId: acme.clientX.id, name: "Taken" }],
			[`/api/v1/projects/${projectId}/milestones`, { id: betaProject.timeline[0]?.id, title: "Taken" }],
			["/api/v1/deliverables", { id: betaDeliverable.id, projectId, title: "Taken", kind: "link", url: "https://acme.example/x" }],
			["/api/v1/tasks", { id: betaTask.id, projectId, title: "Taken" }],
		] as const) {
			const res = await call(acme.host, path, { cookie: acme.staffCookie, body });
			expect(res.status, path).toBe(409);
			expect(await res.json(), path).toMatchObject({ errors: [{ path: "id", message: "is already used by another record" }] });
		}
	});
});
