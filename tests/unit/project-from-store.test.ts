/**
 * The project page built from the device's store and a network answer: a store copy that lags
 * behind (its pull failed or has not run) never hides a newer answer — a new deliverable, a
 * client's approval — while unsent writes still show and newer synced records still win.
 */
import { describe, expect, it } from "vitest";
import { projectFromStore, projectRecords } from "../../pwa/src/models/project-from-store";
import type { OutboxEntry, StoredRecord } from "../../pwa/src/sync/local-store";
import { withNewerRecords } from "../../pwa/src/sync/newer-records";
import type { DeliverableWithReviewsT, ProjectDetailT, TaskT } from "../../schema/dto/portal";

const synced = (id: string, updatedAt: number) => ({ id, createdAt: 1, updatedAt, deletedAt: null });
const project = {
	...synced("p1", 1),
	clientId: "c1",
	name: "Site",
	description: "",
	status: "active" as const,
	startsAt: null,
	dueAt: null,
};
const deliverable = (id: string, status: DeliverableWithReviewsT["status"], updatedAt: number): DeliverableWithReviewsT => ({
	...synced(id, updatedAt),
	projectId: "p1",
	milestoneId: null,
	title: `Deliverable ${id}`,
	kind: "link",
	url: "https://example.com",
	documentId: null,
	status,
	reviews: [],
});
const task = (id: string, title: string, updatedAt: number): TaskT => ({
	...synced(id, updatedAt),
	projectId: "p1",
	milestoneId: null,
	title,
	description: "",
	assigneeUserId: null,
	assigneeInvitationId: null,
	dueAt: null,
	status: "open",
	completedAt: null,
});

function stored(entity: StoredRecord["entity"], record: { id: string }, version: number): [string, StoredRecord] {
	return [`${entity}:${record.id}`, { entity, id: record.id, version, lastUsedAt: 0, record: { ...record } }];
}

const { reviews: _none, ...oldDeliverable } = deliverable("d1", "pending_review", 10);
const store = new Map([
	stored("projects", project, 1),
	stored("deliverables", oldDeliverable, 5),
	stored("tasks", task("t1", "Newer on the device", 50), 7),
]);

const network: ProjectDetailT = {
	project,
	client: { id: "c1", name: "Client" },
	progress: { percent: 0, basis: "none", done: 0, total: 0 },
	timeline: [],
	tasks: [task("t1", "Older network title", 40)],
	deliverables: [
		{
			...deliverable("d1", "approved", 20),
			reviews: [
				{
					...synced("r1", 20),
					deliverableId: "d1",
					authorUserId: "u-client",
					authorName: "Chris Client",
					decision: "approved",
					comment: "Looks great",
				},
			],
		},
		deliverable("d2", "pending_review", 30),
	],
	assignees: [],
	invitees: [],
};

describe("project page from store and network", () => {
	it("shows the network's newer records over a lagging store copy", () => {
		const shown = projectFromStore(withNewerRecords(store, new Set(), projectRecords(network)), [], "p1", undefined, "Me");
		expect(shown?.deliverables.map((d) => [d.id, d.status, d.reviews.map((r) => r.comment)])).toEqual([
			["d2", "pending_review", []],
			["d1", "approved", ["Looks great"]],
		]);
		expect(shown?.tasks.map((t) => t.title)).toEqual(["Newer on the device"]);
	});

	it("keeps showing unsent writes on top", () => {
		const unsent: OutboxEntry = {
			seq: 1,
			entity: "tasks",
			createdAt: 60,
			mutation: { id: "m1", seq: 1, hlc: "", type: "task.complete", recordId: "t1", baseVersion: 7, base: { status: "open" } },
		};
		const shown = projectFromStore(withNewerRecords(store, new Set(), projectRecords(network)), [unsent], "p1", undefined, "Me");
		expect(shown?.tasks.map((t) => t.status)).toEqual(["done"]);
	});

	it("leaves the store itself and its versions untouched", () => {
		const merged = withNewerRecords(store, new Set(), projectRecords(network));
		expect(merged.get("deliverables:d1")?.version).toBe(5);
		expect(store.get("deliverables:d1")?.record.status).toBe("pending_review");
		expect(store.has("deliverables:d2")).toBe(false);
	});
});
