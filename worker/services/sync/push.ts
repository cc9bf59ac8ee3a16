/**
 * POST /sync: a device's outbox batch, applied exactly once and in its sequence order.
 * Before anything is applied the whole batch is checked against what this device already sent:
 * a sequence number already used must carry the same mutation id (its stored result is returned
 * again), and the first new one must follow the device's last (no gaps); otherwise 422 naming the
 * field and nothing changes. Each new mutation is claimed (a row keyed by tenant, user, device and
 * seq) before it is applied, so two overlapping deliveries cannot both apply it.
 */
import { and, eq, gte, isNull, lte, max } from "drizzle-orm";
import type { SyncMutationResultT, SyncMutationT } from "../../../schema/dto/sync";
import { boundedHlc, type Hlc, parseHlc } from "../../../schema/hlc";
import { syncMutations } from "../../../schema/index";
import type { TenantScope } from "../../lib/db";
import { Problem, problems } from "../../lib/problem";
import { applyMutation } from "./apply-mutation";
import { SYNC_REPLAY_WINDOW_DAYS } from "./replay-window";
import { MAX_DEVICE_DRIFT_MS, serverHlc } from "./server-clock";
import type { MutationContext } from "./source";

const inProgress = () =>
	new Problem(
		409,
		"sync-in-progress",
		"This batch is being applied",
		"Another delivery of these mutations is being applied; retry shortly.",
	);

function deviceWhere(userId: string, deviceId: string) {
	return [eq(syncMutations.userId, userId), eq(syncMutations.deviceId, deviceId)];
}

/** Rejects (422, nothing changed) a batch that reuses a sequence number or skips one. */
async function checkSequence(scope: TenantScope, userId: string, deviceId: string, mutations: SyncMutationT[]) {
	const first = mutations[0]?.seq ?? 1;
	const last = mutations.at(-1)?.seq ?? first;
	const [seen, [top]] = await Promise.all([
		scope.db
			.select()
			.from(syncMutations)
			.where(scope.where(syncMutations, ...deviceWhere(userId, deviceId), gte(syncMutations.seq, first), lte(syncMutations.seq, last))),
		scope.db
			.select({ seq: max(syncMutations.seq) })
			.from(syncMutations)
			.where(scope.where(syncMutations, ...deviceWhere(userId, deviceId))),
	]);
	const bySeq = new Map(seen.map((row) => [row.seq, row]));
	let next = (top?.seq ?? 0) + 1;
	for (const [i, m] of mutations.entries()) {
		const row = bySeq.get(m.seq);
		if (row && row.mutationId !== m.id) {
			throw problems.validation([
				{ path: `mutations.${i}.id`, message: `differs from the mutation this device already sent as seq ${m.seq}` },
			]);
		}
		if (row) continue;
		if (m.seq < next) {
			throw problems.validation([
				{ path: `mutations.${i}.seq`, message: `was applied over ${SYNC_REPLAY_WINDOW_DAYS} days ago; its result is no longer kept` },
			]);
		}
		if (m.seq !== next) {
			throw problems.validation([{ path: `mutations.${i}.seq`, message: `must be ${next}, the next sequence number of this device` }]);
		}
		next += 1;
	}
	return bySeq;
}

export async function pushMutations(
	ctx: MutationContext,
	deviceId: string,
	mutations: SyncMutationT[],
): Promise<{ results: SyncMutationResultT[]; serverHlc: string }> {
	const { scope } = ctx;
	const userId = ctx.access.userId;
	const seen = await checkSequence(scope, userId, deviceId, mutations);
	const results: SyncMutationResultT[] = [];
	const clocks: Hlc[] = [];
	for (const m of mutations) {
		const previous = seen.get(m.seq);
		if (previous) {
			if (previous.result === null) throw inProgress();
			results.push(JSON.parse(previous.result) as SyncMutationResultT);
			continue;
		}
		const [claimed] = await scope
			.insert(syncMutations, { userId, deviceId, seq: m.seq, mutationId: m.id, result: null, createdAt: ctx.now })
			.onConflictDoNothing()
			.returning();
		if (!claimed) throw inProgress();
		const hlc = boundedHlc(parseHlc(m.hlc) ?? { wall: ctx.now, counter: 0, node: deviceId }, ctx.now, MAX_DEVICE_DRIFT_MS);
		clocks.push(hlc);
		let result: SyncMutationResultT;
		try {
			result = { id: m.id, seq: m.seq, ...(await applyMutation(ctx, m, hlc)) };
		} catch (error) {
			// Unexpected failure: release the claim so the device's retry applies it.
			await scope.delete(syncMutations, ...deviceWhere(userId, deviceId), eq(syncMutations.seq, m.seq), isNull(syncMutations.result));
			throw error;
		}
		await scope.update(
			syncMutations,
			{ result: JSON.stringify(result) },
			and(...deviceWhere(userId, deviceId), eq(syncMutations.seq, m.seq)),
		);
		results.push(result);
	}
	return { results, serverHlc: serverHlc(ctx.now, clocks) };
}
