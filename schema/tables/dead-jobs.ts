/** Jobs that exhausted their retries and landed in the dead-letter queue, kept for an admin to inspect and replay. */
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
		replayedAt: integer("replayed_at"),
	},
	(t) => [index("dead_jobs_tenant_idx").on(t.tenantId, t.createdAt)],
);
