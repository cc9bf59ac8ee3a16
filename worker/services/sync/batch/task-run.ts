/**
 * A run of consecutive new task mutations of one push, applied in three round trips whatever its
 * length: the facts read in one batch, every mutation decided in order in memory, then ONE D1 batch
 * (one transaction) writing the tasks, their field clocks and each mutation's claim row with its
 * result. The result's `version` is read in SQL right after that mutation's writes, and the stored
 * result is what the device is told, now and on any replay. A claim row already there (another
 * delivery applied or is applying these mutations) fails the whole batch: nothing is written, 409.
 */
import { and, eq, inArray, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { SyncMutationResultT } from "../../../../schema/dto/sync";
import type { Hlc } from "../../../../schema/hlc";
import { syncMutations } from "../../../../schema/index";
import { runInOneBatch } from "../../../lib/one-batch";
import type { MutationContext } from "../source";
import { decideTaskMutation, PendingVersions, versionSql } from "./task-decide";
import { loadTaskFacts, type TaskMutation } from "./task-facts";

export type Device = { userId: string; deviceId: string };
export type TimedTaskMutation = { mutation: TaskMutation; hlc: Hlc };

/** Whether another delivery has claimed any of these sequence numbers meanwhile. */
async function claimedElsewhere(ctx: MutationContext, device: Device, seqs: number[]): Promise<boolean> {
	const rows = await ctx.scope.db
		.select({ seq: syncMutations.seq })
		.from(syncMutations)
		.where(
			ctx.scope.where(
				syncMutations,
				and(eq(syncMutations.userId, device.userId), eq(syncMutations.deviceId, device.deviceId), inArray(syncMutations.seq, seqs)),
			),
		)
		.limit(1);
	return rows.length > 0;
}

export async function applyTaskRun(
	ctx: MutationContext,
	device: Device,
	run: readonly TimedTaskMutation[],
	inProgress: () => Error,
): Promise<SyncMutationResultT[]> {
	const facts = await loadTaskFacts(
		ctx.scope,
		run.map((r) => r.mutation),
	);
	const pending = new PendingVersions();
	const statements: BatchItem<"sqlite">[] = [];
	const claimAt: number[] = [];
	for (const { mutation: m, hlc } of run) {
		const decision = decideTaskMutation(ctx, facts, pending, m, hlc);
		statements.push(...decision.writes);
		const text = JSON.stringify({ id: m.id, seq: m.seq, ...decision.outcome });
		claimAt.push(statements.length);
		statements.push(
			ctx.scope.db
				.insert(syncMutations)
				.values({
					tenantId: ctx.scope.tenantId,
					userId: device.userId,
					deviceId: device.deviceId,
					seq: m.seq,
					mutationId: m.id,
					result: decision.stampVersion ? sql`json_set(${text}, '$.version', ${versionSql(ctx, m.recordId)})` : text,
					createdAt: ctx.now,
				})
				.returning({ result: syncMutations.result }),
		);
	}
	let written: unknown[];
	try {
		written = await runInOneBatch(ctx.scope.db, statements);
	} catch (error) {
		if (
			await claimedElsewhere(
				ctx,
				device,
				run.map((r) => r.mutation.seq),
			)
		)
			throw inProgress();
		throw error;
	}
	return claimAt.map((at) => {
		const [row] = written[at] as { result: string | null }[];
		return JSON.parse(row?.result ?? "null") as SyncMutationResultT;
	});
}
