/** A batch the server refused as a whole (422): only what it named is refused and shown, the outbox moves on without a gap. */
import { describe, expect, it } from "vitest";
import { planBatchRefusal } from "../../pwa/src/sync/batch-refusal";
import type { OutboxEntry } from "../../pwa/src/sync/local-store";

const entry = (seq: number): OutboxEntry => ({
	seq,
	entity: "tasks",
	createdAt: seq,
	mutation: { id: `m${seq}`, seq, hlc: "", type: "task.complete", recordId: `r${seq}` },
});
const outboxOf = (plan: { outbox: OutboxEntry[] }) => plan.outbox.map((e) => [e.mutation.id, e.seq, e.mutation.seq]);

describe("a batch refused as a whole", () => {
	it("refuses only the mutations whose fields it names and renumbers the rest so the sequence has no gap", () => {
		const batch = [entry(5), entry(6), entry(7), entry(8)];
		const plan = planBatchRefusal(
			batch,
			[entry(9)],
			{
				detail: "mutations.1.recordId: must be an id",
				errors: [
					{ path: "mutations.1.recordId", message: "must be an id" },
					{ path: "mutations.2.changes.title", message: "is required" },
				],
			},
			true,
		);
		expect(plan.refused.map((r) => [r.entry.mutation.id, r.result.outcome, r.result.problem?.errors])).toEqual([
			["m6", "rejected", [{ path: "recordId", message: "must be an id" }]],
			["m7", "rejected", [{ path: "changes.title", message: "is required" }]],
		]);
		expect(plan.refused[0]?.result.problem?.detail).toContain("recordId must be an id");
		expect(outboxOf(plan)).toEqual([
			["m5", 5, 5],
			["m8", 6, 6],
			["m9", 7, 7],
		]);
		expect(plan).toMatchObject({ newDevice: false, nextSeq: 8 });
	});

	it("starts a new numbering under a new device when the server's numbering differs, dropping nothing — once", () => {
		const problem = { errors: [{ path: "mutations.0.seq", message: "must be 3, the next sequence number of this device" }] };
		const plan = planBatchRefusal([entry(7), entry(8)], [entry(9)], problem, true);
		expect(plan.refused).toEqual([]);
		expect(plan).toMatchObject({ newDevice: true, nextSeq: 4 });
		expect(outboxOf(plan)).toEqual([
			["m7", 1, 1],
			["m8", 2, 2],
			["m9", 3, 3],
		]);
		// Refused again in the same flush: the batch is refused and shown, the rest moves on.
		const again = planBatchRefusal([entry(1), entry(2)], [entry(3)], problem, false);
		expect(again.refused.map((r) => r.entry.mutation.id)).toEqual(["m1", "m2"]);
		expect(again).toMatchObject({ newDevice: false, nextSeq: 2 });
		expect(outboxOf(again)).toEqual([["m3", 1, 1]]);
	});

	it("drops a mutation applied so long ago that its result is gone, keeping the others' numbers", () => {
		const problem = { errors: [{ path: "mutations.0.seq", message: "was applied over 30 days ago; its result is no longer kept" }] };
		const plan = planBatchRefusal([entry(4), entry(5)], [], problem, true);
		expect(plan.refused.map((r) => [r.entry.mutation.id, r.result.problem?.detail])).toEqual([
			["m4", "This change was sent long ago and was applied over 30 days ago; its result is no longer kept."],
		]);
		expect(plan).toMatchObject({ newDevice: false, nextSeq: null });
		expect(outboxOf(plan)).toEqual([["m5", 5, 5]]);
	});

	it("refuses the whole batch when nothing names a mutation", () => {
		const plan = planBatchRefusal([entry(1)], [], { detail: "deviceId: must be at least 8 characters" }, true);
		expect(plan.refused.map((r) => r.result.problem?.detail)).toEqual(["deviceId: must be at least 8 characters"]);
		expect(plan).toMatchObject({ outbox: [], nextSeq: 1 });
	});
});
