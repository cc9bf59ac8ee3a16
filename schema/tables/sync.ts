/**
 * Offline sync bookkeeping (docs/OFFLINE-SYNC.md).
 * - `sync_changes`: the change log. SQLite triggers on every synced table (migration
 *   `offline_sync_triggers`, SQL from scripts/lib/sync-trigger-sql.ts) append a row in the same
 *   statement as the write, so its AUTOINCREMENT `seq` is an exact, commit-ordered cursor.
 *   Plain changes are compacted (one row per record); moves between clients are kept so the client
 *   a record left gets a tombstone. A person's own records (notifications) carry `owner_user_id`.
 * - `sync_mutations`: every mutation a device sent, claimed before it is applied and holding its
 *   result, so a replayed batch changes nothing and answers the same. The `prune-sync-mutations`
 *   job deletes results older than the replay window, always keeping each device's newest row.
 * - `sync_field_clocks`: the hybrid logical clock of the last sync write of each field (last-writer-wins).
 */
import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { tenants } from "./tenants";

export const syncChanges = sqliteTable(
	"sync_changes",
	{
		seq: integer("seq").primaryKey({ autoIncrement: true }),
		tenantId: text("tenant_id")
			.notNull()
			.references(() => tenants.id, { onDelete: "cascade" }),
		/** The synced table's name, e.g. `tasks`. */
		entity: text("entity").notNull(),
		recordId: text("record_id").notNull(),
		/** The client the record belonged to after the change (null when it has none). */
		clientId: text("client_id"),
		/** Set only on a move: the client the record belonged to before. */
		leftClientId: text("left_client_id"),
		/** Records of one person only (their notifications): only that user receives them. */
		ownerUserId: text("owner_user_id"),
		changedAt: integer("changed_at").notNull(),
	},
	(t) => [
		index("sync_changes_tenant_seq_idx").on(t.tenantId, t.seq),
		index("sync_changes_record_idx").on(t.tenantId, t.entity, t.recordId),
	],
);

export const syncMutations = sqliteTable(
	"sync_mutations",
	{
		tenantId: text("tenant_id")
			.notNull()
			.references(() => tenants.id, { onDelete: "cascade" }),
		userId: text("user_id").notNull(),
		deviceId: text("device_id").notNull(),
		/** The device's sequence number: contiguous from 1, applied in this order. */
		seq: integer("seq").notNull(),
		mutationId: text("mutation_id").notNull(),
		/** The JSON result once applied; null while the mutation is being applied. */
		result: text("result"),
		createdAt: integer("created_at").notNull(),
	},
	(t) => [primaryKey({ columns: [t.tenantId, t.userId, t.deviceId, t.seq] }), index("sync_mutations_created_idx").on(t.createdAt)],
);

export const syncFieldClocks = sqliteTable(
	"sync_field_clocks",
	{
		tenantId: text("tenant_id")
			.notNull()
			.references(() => tenants.id, { onDelete: "cascade" }),
		entity: text("entity").notNull(),
		recordId: text("record_id").notNull(),
		field: text("field").notNull(),
		/** A formatted HLC (schema/hlc.ts). */
		hlc: text("hlc").notNull(),
		/** The record's change seq right after that write. */
		seq: integer("seq").notNull(),
	},
	(t) => [primaryKey({ columns: [t.tenantId, t.entity, t.recordId, t.field] })],
);

export type SyncChange = typeof syncChanges.$inferSelect;
