/** A pulled sync page, worked out in memory for one store transaction: same result as applying its changes one by one. */
import { describe, expect, it } from "vitest";
import type { StoredRecord } from "../../pwa/src/sync/local-store";
import { pageReads, planPage, type SyncChange } from "../../pwa/src/sync/page-plan";

const NOW = 1_000;
const stored = (entity: StoredRecord["entity"], id: string, version: number, record: Record<string, unknown> = {}): StoredRecord => ({
	entity,
	id,
	version,
	record: { id, ...record },
	lastUsedAt: 5,
});
const put = (entity: SyncChange["entity"], id: string, version: number, record: Record<string, unknown> = {}): SyncChange => ({
	entity,
	id,
	version,
	deleted: false,
	record: { id, ...record },
});
const tombstone = (entity: SyncChange["entity"], id: string, version: number): SyncChange => ({
	entity,
	id,
	version,
	deleted: true,
	record: null,
});

describe("sync page plan", () => {
	it("reads the copies of every record the page names and the children its tombstones cascade to", () => {
		const reads = pageReads([put("tasks", "t1", 3), tombstone("projects", "p1", 4), tombstone("message_threads", "m1", 5)]);
		expect(reads.keys).toEqual([
			["tasks", "t1"],
			["projects", "p1"],
			["message_threads", "m1"],
		]);
		expect(reads.childEntities.sort()).toEqual(["deliverables", "milestones", "tasks", "thread_messages"]);
	});

	it("puts new and newer records, keeping when each was last used, and never lays an older copy over a newer one", () => {
		const plan = planPage(
			[put("tasks", "new", 1, { title: "New" }), put("tasks", "older", 2), put("tasks", "newer", 9, { title: "Newer" })],
			[stored("tasks", "older", 7), stored("tasks", "newer", 8)],
			NOW,
		);
		expect(plan.puts).toEqual([
			{ entity: "tasks", id: "new", version: 1, record: { id: "new", title: "New" }, lastUsedAt: NOW },
			{ entity: "tasks", id: "newer", version: 9, record: { id: "newer", title: "Newer" }, lastUsedAt: 5 },
		]);
	});

	it("keeps a deleted project as a tombstone and marks its stored children and those put earlier in the page, not another project's", () => {
		const plan = planPage(
			[put("tasks", "early", 2, { projectId: "p1" }), tombstone("projects", "p1", 3), put("tasks", "later", 4, { projectId: "p1" })],
			[stored("milestones", "m1", 1, { projectId: "p1" }), stored("milestones", "m2", 1, { projectId: "p2" })],
			NOW,
		);
		const gone = (entity: StoredRecord["entity"], id: string, version: number): StoredRecord => ({
			entity,
			id,
			version,
			record: {},
			lastUsedAt: NOW,
			deleted: true,
		});
		expect(plan.puts).toEqual(
			expect.arrayContaining([
				gone("tasks", "early", 3),
				gone("projects", "p1", 3),
				gone("milestones", "m1", 3),
				{ entity: "tasks", id: "later", version: 4, record: { id: "later", projectId: "p1" }, lastUsedAt: NOW },
			]),
		);
		expect(plan.puts).toHaveLength(4);
	});

	it("never lays an older tombstone over a newer copy", () => {
		const plan = planPage([tombstone("tasks", "t", 2)], [stored("tasks", "t", 5)], NOW);
		expect(plan.puts).toEqual([]);
	});

	it("applies a page's changes to one record in order: deleted then sent again is put, put then deleted is a tombstone", () => {
		const plan = planPage(
			[tombstone("tasks", "a", 2), put("tasks", "a", 3), put("tasks", "b", 2), tombstone("tasks", "b", 3)],
			[stored("tasks", "a", 1), stored("tasks", "b", 1)],
			NOW,
		);
		expect(plan.puts).toEqual([
			{ entity: "tasks", id: "a", version: 3, record: { id: "a" }, lastUsedAt: NOW },
			{ entity: "tasks", id: "b", version: 3, record: {}, lastUsedAt: NOW, deleted: true },
		]);
	});
});
