/**
 * What the device does when POST /api/v1/sync refuses a whole batch (422, nothing applied), so the
 * outbox always moves on and keeps every other write (docs/OFFLINE-SYNC.md, "When a batch is refused"):
 * - fields of some mutations are invalid (`mutations.N.<field>`): those mutations are refused and shown
 *   to the user; the others are sent again, renumbered so the device's sequence has no gap;
 * - a sequence number the server has pruned (`was applied over … days ago`): that mutation was
 *   applied long ago; it is shown as not sent again and dropped, the others stay as they are;
 * - the device's numbering disagrees with the server's (a gap, or a number used by another
 *   mutation): the outbox starts a new numbering under a new device id, nothing dropped — once;
 * - anything else: every mutation of the batch is refused and shown (the last resort).
 * Pure, so it is unit-tested (tests/unit/sync-batch-refusal.test.ts).
 */
import type { SyncMutationResultT } from "../../../schema/dto/sync";
import { PRUNED_SEQUENCE_PREFIX } from "../../../schema/sync-sequence";
import type { OutboxEntry } from "./local-store";

export type BatchProblem = { detail?: string; errors?: { path: string; message: string }[] };

export type RefusalPlan = {
	/** Mutations taken out of the outbox, each with the refusal the user sees. */
	refused: { entry: OutboxEntry; result: SyncMutationResultT }[];
	/** The whole outbox afterwards, in order, its sequence numbers contiguous. */
	outbox: OutboxEntry[];
	/** True when the outbox starts a new numbering under a new device id (from 1). */
	newDevice: boolean;
	/** The device's next sequence number afterwards (null: as it was). */
	nextSeq: number | null;
};

function refusal(entry: OutboxEntry, detail: string, errors?: { path: string; message: string }[]): SyncMutationResultT {
	return {
		id: entry.mutation.id,
		seq: entry.seq,
		outcome: "rejected",
		fields: {},
		entity: null,
		version: null,
		record: null,
		problem: { status: 422, detail, ...(errors && errors.length > 0 ? { errors } : {}) },
	};
}

/** Renumbers `entries` from `first`, keeping their order. */
function renumbered(entries: OutboxEntry[], first: number): OutboxEntry[] {
	return entries.map((e, i) => (e.seq === first + i ? e : { ...e, seq: first + i, mutation: { ...e.mutation, seq: first + i } }));
}

/** Refused mutations never reached the server: the ones kept take their numbers, from `first`. */
function closingTheGap(refused: RefusalPlan["refused"], kept: OutboxEntry[], first: number): RefusalPlan {
	return { refused, outbox: renumbered(kept, first), newDevice: false, nextSeq: first + kept.length };
}

/**
 * The plan for a refused `batch` (the first entries of the outbox; `later` are the rest).
 * `mayRenumberDevice` is false once this flush has already started a new numbering.
 */
export function planBatchRefusal(
	batch: OutboxEntry[],
	later: OutboxEntry[],
	problem: BatchProblem,
	mayRenumberDevice: boolean,
): RefusalPlan {
	const byIndex = new Map<number, { path: string; message: string }[]>();
	for (const error of problem.errors ?? []) {
		const match = /^mutations\.(\d+)\.(.+)$/.exec(error.path);
		const index = Number(match?.[1]);
		if (!match || !batch[index]) continue;
		byIndex.set(index, [...(byIndex.get(index) ?? []), { path: match[2] ?? "", message: error.message }]);
	}
	const sequence = [...byIndex.entries()].find(([, errors]) => errors.some((e) => e.path === "seq" || e.path === "id"));
	const all = [...batch, ...later];
	if (sequence) {
		const [index, errors] = sequence;
		const entry = batch[index];
		if (entry && errors.some((e) => e.message.startsWith(PRUNED_SEQUENCE_PREFIX))) {
			// Applied long ago; its seq is used on the server, so the others keep theirs.
			const detail = `This change was sent long ago and ${errors[0]?.message ?? "its result is no longer kept"}.`;
			return {
				refused: [{ entry, result: refusal(entry, detail) }],
				outbox: all.filter((e) => e !== entry),
				newDevice: false,
				nextSeq: null,
			};
		}
		if (mayRenumberDevice) return { refused: [], outbox: renumbered(all, 1), newDevice: true, nextSeq: all.length + 1 };
	} else if (byIndex.size > 0) {
		const refused = [...byIndex.entries()].flatMap(([index, errors]) => {
			const entry = batch[index];
			if (!entry) return [];
			const detail = `The server cannot accept this change: ${errors.map((e) => `${e.path} ${e.message}`).join("; ")}.`;
			return [{ entry, result: refusal(entry, detail, errors) }];
		});
		const out = new Set(refused.map((r) => r.entry));
		return closingTheGap(
			refused,
			all.filter((e) => !out.has(e)),
			batch[0]?.seq ?? 1,
		);
	}
	const detail = problem.detail ?? "The server refused this change.";
	const refused = batch.map((entry) => ({ entry, result: refusal(entry, detail) }));
	return closingTheGap(refused, later, batch[0]?.seq ?? 1);
}
