/**
 * What the queue consumer records about failing jobs (it calls these; they own the writes):
 * each failure of a job that will be retried (`noteFailure`), the end of that record when it
 * finally succeeds (`noteSuccess`, which also marks a replayed dead job as succeeded), and a job
 * that is dead (`recordDeadJob`): from the dead-letter queue, or at once when it can never
 * succeed. A replay that dies again reopens its original row instead of adding another.
 */
import { and, eq, isNull, sql } from "drizzle-orm";
import { deadJobs, jobFailures } from "../../../schema/index";
import type { Database } from "../../env";

/** The queue message as far as recording goes. */
export type FailedMessage = { id: string; attempts: number; body: unknown };

/** A field of a body that may be anything (it failed to parse, or came back from the DLQ). */
export function bodyField(body: unknown, key: "type" | "tenantId" | "replayOf"): string | null {
	if (typeof body !== "object" || body === null) return null;
	const value = (body as Record<string, unknown>)[key];
	return typeof value === "string" ? value : null;
}

/** One more failed attempt of a job the queue will retry: first and last failure times, the latest error. */
export async function noteFailure(db: Database, message: FailedMessage, error: string, now = Date.now()): Promise<void> {
	await db
		.insert(jobFailures)
		.values({
			id: message.id,
			tenantId: bodyField(message.body, "tenantId"),
			type: bodyField(message.body, "type") ?? "unknown",
			attempts: message.attempts,
			error,
			firstFailedAt: now,
			lastFailedAt: now,
		})
		.onConflictDoUpdate({ target: jobFailures.id, set: { attempts: message.attempts, error, lastFailedAt: now } });
}

/**
 * A job ran to completion: forget its failures (only a retried message can have any), and if it
 * was a replay, mark the dead row it replayed as succeeded.
 */
export async function noteSuccess(db: Database, message: FailedMessage, replayOf: string | undefined, now = Date.now()): Promise<void> {
	const writes = [];
	if (message.attempts > 1) writes.push(db.delete(jobFailures).where(eq(jobFailures.id, message.id)));
	if (replayOf)
		writes.push(
			db
				.update(deadJobs)
				.set({ resolvedAt: now })
				.where(and(eq(deadJobs.id, replayOf), isNull(deadJobs.resolvedAt))),
		);
	await Promise.all(writes);
}

/**
 * Records a dead job once per message: its body, how often it was tried, when it first and last
 * failed and why (`error`, or the last one noted while it was retried). A dead replay reopens the
 * row it replayed (dead again, with the new failure) instead of adding a second row.
 */
export async function recordDeadJob(db: Database, message: FailedMessage, error: string | null, now = Date.now()): Promise<void> {
	const [failure] = await db.select().from(jobFailures).where(eq(jobFailures.id, message.id)).limit(1);
	const attempts = Math.max(message.attempts, failure?.attempts ?? 0);
	const lastError = error ?? failure?.error ?? null;
	const lastFailedAt = error !== null ? now : (failure?.lastFailedAt ?? now);
	const replayOf = bodyField(message.body, "replayOf");
	const reopened = replayOf
		? await db
				.update(deadJobs)
				.set({ replayedAt: null, resolvedAt: null, error: lastError, lastFailedAt, attempts: sql`${deadJobs.attempts} + ${attempts}` })
				.where(and(eq(deadJobs.id, replayOf), isNull(deadJobs.discardedAt)))
				.returning({ id: deadJobs.id })
		: [];
	if (reopened.length === 0) {
		await db
			.insert(deadJobs)
			.values({
				id: message.id,
				tenantId: bodyField(message.body, "tenantId"),
				type: bodyField(message.body, "type") ?? "unknown",
				body: JSON.stringify(message.body) ?? "null",
				attempts,
				createdAt: now,
				error: lastError,
				firstFailedAt: failure?.firstFailedAt ?? now,
				lastFailedAt,
			})
			.onConflictDoNothing();
	}
	if (failure) await db.delete(jobFailures).where(eq(jobFailures.id, message.id));
}
