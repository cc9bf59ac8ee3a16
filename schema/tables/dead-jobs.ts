/**
 * Dead jobs: those that exhausted their retries (or can never succeed), kept for an admin to
 * inspect, replay once, or discard. `job_failures` tracks a job while it is still being retried,
 * so its dead row can say when it first and last failed and why.
 */
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

export const deadJobs = sqliteTable(
	"dead_jobs",
	{
		/** The queue message id, so a redelivered dead letter is recorded once. */
		id: text("id").primaryKey(),
		/** Null for platform-level jobs. */
		tenantId: text("tenant_id"),
		type: text("type").notNull(),
		body: text("body").notNull(),
		attempts: integer("attempts").notNull(),
		createdAt: integer("created_at").notNull(),
		/** The last failure's message (never a stack); null when it died without one (e.g. the DLQ alone knew). */
		error: text("error"),
		firstFailedAt: integer("first_failed_at"),
		lastFailedAt: integer("last_failed_at"),
		/** Set when a replay was enqueued; cleared if that replay died too (the row is dead again). */
		replayedAt: integer("replayed_at"),
		/** Who replayed it: a user's email or `platform-operator`. */
		replayedBy: text("replayed_by"),
		/** How many times it was replayed. */
		replays: integer("replays").notNull().default(0),
		/** When a replay ran to completion. */
		resolvedAt: integer("resolved_at"),
		discardedAt: integer("discarded_at"),
		discardedBy: text("discarded_by"),
	},
	(t) => [index("dead_jobs_tenant_idx").on(t.tenantId, t.createdAt)],
);

export type DeadJobRow = typeof deadJobs.$inferSelect;

/** A job that failed and is being retried: its first and last failure, until it succeeds or dies. */
export const jobFailures = sqliteTable("job_failures", {
	/** The queue message id (kept when the queue moves the message to the dead-letter queue). */
	id: text("id").primaryKey(),
	tenantId: text("tenant_id"),
	type: text("type").notNull(),
	attempts: integer("attempts").notNull(),
	error: text("error").notNull(),
	firstFailedAt: integer("first_failed_at").notNull(),
	lastFailedAt: integer("last_failed_at").notNull(),
});
