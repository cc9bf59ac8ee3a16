/**
 * The columns every portal row carries so offline sync can pull "everything changed since" and
 * learn of deletions: a UUIDv7 id, its tenant, creation and update times, and a tombstone.
 */
import { integer, text } from "drizzle-orm/sqlite-core";
import { tenants } from "./tenants";

export function syncedColumns() {
	return {
		id: text("id").primaryKey(),
		tenantId: text("tenant_id")
			.notNull()
			.references(() => tenants.id, { onDelete: "cascade" }),
		createdAt: integer("created_at").notNull(),
		updatedAt: integer("updated_at").notNull(),
		/** Soft delete: a tombstone kept so a syncing device learns the row is gone. */
		deletedAt: integer("deleted_at"),
	};
}
