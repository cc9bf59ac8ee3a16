/**
 * Bulk downloads of deliverables: one row per request for a zip of delivered files and links. A
 * queue job builds the zip into R2 (`object_key`), the requester polls the status and downloads it
 * until `expires_at`; a daily job then deletes the object and marks the row expired.
 */
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { ARCHIVE_STATUSES } from "../downloads";
import { tenants } from "./tenants";
import { users } from "./users";

export const deliverableArchives = sqliteTable(
	"deliverable_archives",
	{
		id: text("id").primaryKey(),
		tenantId: text("tenant_id")
			.notNull()
			.references(() => tenants.id, { onDelete: "cascade" }),
		requestedBy: text("requested_by")
			.notNull()
			.references(() => users.id, { onDelete: "cascade" }),
		/** The client the requester was limited to when asking (null: they saw every client); the build never goes wider. */
		clientScopeId: text("client_scope_id"),
		/** JSON: `{ "deliverableIds": [...] }` or `{ "filter": {...} }`, as asked. */
		selection: text("selection").notNull(),
		/** The requester's Idempotency-Key, so a replayed request returns the same archive. */
		requestKey: text("request_key"),
		status: text("status", { enum: ARCHIVE_STATUSES }).notNull().default("pending"),
		objectKey: text("object_key"),
		size: integer("size"),
		fileCount: integer("file_count"),
		linkCount: integer("link_count"),
		/** Why the build failed, in words for the requester. */
		error: text("error"),
		readyAt: integer("ready_at"),
		expiresAt: integer("expires_at"),
		createdAt: integer("created_at").notNull(),
		updatedAt: integer("updated_at").notNull(),
	},
	(t) => [
		index("deliverable_archives_tenant_user_idx").on(t.tenantId, t.requestedBy, t.createdAt),
		index("deliverable_archives_status_expiry_idx").on(t.status, t.expiresAt),
		uniqueIndex("deliverable_archives_request_key_idx").on(t.tenantId, t.requestedBy, t.requestKey),
	],
);

export type DeliverableArchiveRow = typeof deliverableArchives.$inferSelect;
