/**
 * Job `prune-sync-mutations` (nightly cron): keeps the exactly-once table of offline sync small.
 * - Results of applied mutations older than the replay window (30 days) are deleted, except each
 *   device's newest one: it holds the device's high-water sequence number, so a mutation already
 *   applied can never be applied again (a replay of a pruned one is answered 422, nothing changed).
 * - Claims left without a result for 15 minutes (a Worker that died mid-mutation) are released so
 *   the device's retry applies the mutation; they are always the newest row of their device.
 * Running it twice is harmless. docs/OFFLINE-SYNC.md, "Replay window".
 */
import { and, isNotNull, isNull, lt, sql } from "drizzle-orm";
import { syncMutations } from "../../schema/index";
import { STALE_CLAIM_MS, SYNC_REPLAY_WINDOW_MS } from "../services/sync/replay-window";
import type { JobDeps } from "./job-deps";

export async function runPruneSyncMutations(deps: JobDeps, now = Date.now()): Promise<void> {
	const newestOfDevice = sql`(SELECT max(m.seq) FROM sync_mutations m WHERE m.tenant_id = ${syncMutations.tenantId}
		AND m.user_id = ${syncMutations.userId} AND m.device_id = ${syncMutations.deviceId} AND m.result IS NOT NULL)`;
	const results = await deps.db
		.delete(syncMutations)
		.where(
			and(isNotNull(syncMutations.result), lt(syncMutations.createdAt, now - SYNC_REPLAY_WINDOW_MS), lt(syncMutations.seq, newestOfDevice)),
		)
		.returning({ seq: syncMutations.seq });
	const claims = await deps.db
		.delete(syncMutations)
		.where(and(isNull(syncMutations.result), lt(syncMutations.createdAt, now - STALE_CLAIM_MS)))
		.returning({ seq: syncMutations.seq });
	deps.log.info("prune-sync-mutations", { results: results.length, staleClaims: claims.length });
}
