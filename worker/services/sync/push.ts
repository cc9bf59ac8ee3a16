/**
 * POST /sync: a device's outbox batch, applied exactly once and in its sequence order.
 * Before anything is applied the whole batch is checked against what this device already sent:
 * a sequence number already used must carry the same mutation id (its stored result is returned
 * again), and the first new one must follow the device's last (no gaps); otherwise 422 naming the
 * field and nothing changes. Each new mutation is claimed (a row keyed by tenant, user, device and
 * seq) before or, for batched task mutations, in the same transaction as it is applied, so two
 * overlapping deliveries cannot both apply it.
 */
import { and, eq, gte, isNull, lte, max } from "drizzle-orm";
import type { SyncMutationResultT, SyncMutationT } from "../../../schema/dto/sync";
import { boundedHlc, type Hlc, parseHlc } from "../../../schema/hlc";
import { syncMutations } from "../../../schema/index";
import { PRUNED_SEQUENCE_PREFIX } from "../../../schema/sync-sequence";
import type { TenantScope } from "../../lib/db";
import { Problem, problems } from "../../lib/problem";
import { applyMutation } from "./apply-mutation";
import { isTaskMutation } from "./batch/task-facts";
import { applyTaskRun, type Device, type TimedTaskMutation } from "./batch/task-run";
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
				{
					path: `mutations.${i}.seq`,
					message: `${PRUNED_SEQUENCE_PREFIX} ${SYNC_REPLAY_WINDOW_DAYS} days ago; its result is no longer kept`,
				},
			]);
		}
		if (m.seq !== next) {
			throw problems.validation([{ path: `mutations.${i}.seq`, message: `must be ${next}, the next sequence number of this device` }]);
		}
		next += 1;
	}
	return bySeq;
}

/** A mutation applied on its own (types not batched): claimed, applied through its service, its result stored. */
async function applyAlone(ctx: MutationContext, device: Device, m: SyncMutationT, hlc: Hlc): Promise<SyncMutationResultT> {
	const { scope } = ctx;
	const { userId, deviceId } = device;
	const [claimed] = await scope
		.insert(syncMutations, { userId, deviceId, seq: m.seq, mutationId: m.id, result: null, createdAt: ctx.now })
		.onConflictDoNothing()
		.returning();
	if (!claimed) throw inProgress();
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
	return result;
}

/**
 * Applies the batch in order. Consecutive new task mutations go together (batch/task-run.ts: a few
 * round trips for the whole run); any other type is applied on its own, after the run before it
 * is committed, so every mutation sees the effect of the ones before it.
 */
export async function pushMutations(
	ctx: MutationContext,
	deviceId: string,
	mutations: SyncMutationT[],
): Promise<{ results: SyncMutationResultT[]; serverHlc: string }> {
	const device = { userId: ctx.access.userId, deviceId };
	const seen = await checkSequence(ctx.scope, device.userId, deviceId, mutations);
	const results: SyncMutationResultT[] = [];
	const clocks: Hlc[] = [];
	let run: TimedTaskMutation[] = [];
	const flush = async () => {
		if (run.length === 0) return;
		results.push(...(await applyTaskRun(ctx, device, run, inProgress)));
		run = [];
	};
	for (const m of mutations) {
		const previous = seen.get(m.seq);
		if (previous) {
			await flush();
			if (previous.result === null) throw inProgress();
			results.push(JSON.parse(previous.result) as SyncMutationResultT);
			continue;
		}
		const hlc = boundedHlc(parseHlc(m.hlc) ?? { wall: ctx.now, counter: 0, node: deviceId }, ctx.now, MAX_DEVICE_DRIFT_MS);
		clocks.push(hlc);
		if (isTaskMutation(m)) {
			run.push({ mutation: m, hlc });
			continue;
		}
		await flush();
		results.push(await applyAlone(ctx, device, m, hlc));
	}
	await flush();
	return { results, serverHlc: serverHlc(ctx.now, clocks) };
}
