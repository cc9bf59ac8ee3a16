/**
 * Applies one device mutation: the same permission the REST route requires, the record loaded as
 * the REST route would (404 when out of reach), the per-field conflict rules (merge-fields.ts), and
 * the write through the portal service. Returns what the device is told.
 */
import type { SyncMutationResultT, SyncMutationT } from "../../../schema/dto/sync";
import { compareHlc, type Hlc, hlcOfMillis, parseHlc } from "../../../schema/hlc";
import { Problem, problems } from "../../lib/problem";
import { currentVersion, fieldClocksOf, recordFieldClocks } from "./change-log";
import { mergeFields } from "./merge-fields";
import { MUTATION_HANDLERS, sourceOf } from "./registry";
import type { MutationContext, MutationHandler, SyncedRecord } from "./source";

export type Outcome = Omit<SyncMutationResultT, "id" | "seq">;

export function rejected(problem: Problem): Outcome {
	return {
		outcome: "rejected",
		fields: {},
		entity: null,
		version: null,
		record: null,
		problem: { status: problem.status, detail: problem.message, ...(problem.errors ? { errors: problem.errors } : {}) },
	};
}

/** The record as the device should now hold it (null when the user may no longer see it). */
async function serverRecord(ctx: MutationContext, handler: MutationHandler, recordId: string) {
	const [loaded] = (await sourceOf(handler.entity)?.load(ctx.scope, [recordId])) ?? [];
	const version = await currentVersion(ctx.scope, handler.entity, recordId);
	return { entity: handler.entity, version, record: loaded?.live ? loaded.record : null };
}

/**
 * The clock of the server's last write of each field: a sync write's own clock (`clocks`, by field),
 * or the record's update time for anything written after it (by REST, at version > the clock's seq).
 */
export function serverClockOf(clocks: ReadonlyMap<string, { hlc: string; seq: number }>, current: SyncedRecord, version: number) {
	const updated = hlcOfMillis(Number(current.updatedAt ?? 0));
	return (field: string): Hlc => {
		const clock = clocks.get(field);
		const synced = clock ? parseHlc(clock.hlc) : null;
		if (synced && clock && clock.seq >= version) return synced;
		return synced && compareHlc(synced, updated) > 0 ? synced : updated;
	};
}

async function serverClocks(ctx: MutationContext, handler: MutationHandler, recordId: string, current: SyncedRecord, version: number) {
	return serverClockOf(await fieldClocksOf(ctx.scope, handler.entity, recordId), current, version);
}

export async function applyMutation(ctx: MutationContext, mutation: SyncMutationT, hlc: Hlc): Promise<Outcome> {
	const handler = MUTATION_HANDLERS[mutation.type] as MutationHandler;
	if (!ctx.auth.permissions.has(handler.permission)) {
		return rejected(problems.forbidden(`Your role does not have ${handler.permission}.`));
	}
	try {
		if (handler.creates) {
			await handler.write(ctx, mutation, handler.changesOf(mutation));
			const fields = Object.fromEntries(Object.keys(handler.changesOf(mutation)).map((f) => [f, "applied"]));
			return { outcome: "applied", fields, problem: null, ...(await serverRecord(ctx, handler, mutation.recordId)) };
		}
		const current = await handler.current(ctx, mutation);
		if (!current) throw problems.notFound();
		const version = await currentVersion(ctx.scope, handler.entity, mutation.recordId);
		const merge = mergeFields({
			rules: handler.rules,
			changes: handler.changesOf(mutation),
			current,
			base: mutation.base,
			changedSinceBase: mutation.baseVersion !== undefined && version > mutation.baseVersion,
			mutationHlc: hlc,
			serverHlcOf: await serverClocks(ctx, handler, mutation.recordId, current, version),
		});
		const written = Object.keys(merge.write);
		const writeAnyway = merge.outcome !== "conflict" && (handler.writeWhenUnchanged?.(current) ?? false);
		if (written.length > 0 || writeAnyway) {
			await handler.write(ctx, mutation, merge.write);
			const after = await currentVersion(ctx.scope, handler.entity, mutation.recordId);
			await recordFieldClocks(ctx.scope, handler.entity, mutation.recordId, written, hlc, after);
		}
		return { outcome: merge.outcome, fields: merge.fields, problem: null, ...(await serverRecord(ctx, handler, mutation.recordId)) };
	} catch (error) {
		if (!(error instanceof Problem)) throw error;
		// The REST route's 409 (e.g. an already approved deliverable) is a conflict with the server's record.
		if (error.status === 409 && !handler.creates) {
			return { outcome: "conflict", fields: {}, problem: null, ...(await serverRecord(ctx, handler, mutation.recordId)) };
		}
		return rejected(error);
	}
}
