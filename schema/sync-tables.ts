/**
 * The synced tables, one descriptor each: the table (named as in the database) and how its records
 * are reached — through which client (its own id, a `client_id` column, or its parent synced table's
 * client) or, for a person's own records, by one user. From these descriptors come the entity names
 * of the sync wire protocol (SYNC_ENTITIES), the change-log triggers (scripts/lib/sync-trigger-sql.ts
 * writes them into a migration; tests/unit/sync-triggers.test.ts proves the migrations match), and
 * the sync registry's order (worker/services/sync/registry.ts, whose sources are typed per entity so
 * a descriptor without a source does not compile). docs/ARCHITECTURE.md, "Adding a synced table".
 *
 * Pure data: imported by the Worker, the PWA and Node scripts alike.
 */

/** How a record finds the client that decides who receives it. */
export type SyncClientRule =
	/** The record is a client. */
	| { kind: "self" }
	/** A column of the record holds its client. */
	| { kind: "column"; column: string }
	/** Its parent record (a synced table, through `key`) decides: it follows the parent's client. */
	| { kind: "parent"; parent: string; key: string }
	/** A person's own record (notifications): no client; only the user in `column` receives it. */
	| { kind: "owner"; column: string };

export type SyncedTableDescriptor = {
	/** The table's name in the database, and the entity name devices see. */
	entity: string;
	client: SyncClientRule;
	/**
	 * When a record moves to another client or is deleted or restored, its children (synced tables
	 * whose rule names it as `parent`, and theirs) change visibility too: log them in the same statement.
	 */
	cascade?: boolean;
};

const projectChild = { kind: "parent", parent: "projects", key: "project_id" } as const;

export const SYNCED_TABLES = [
	{ entity: "clients", client: { kind: "self" } },
	{ entity: "projects", client: { kind: "column", column: "client_id" }, cascade: true },
	{ entity: "milestones", client: projectChild },
	{ entity: "tasks", client: projectChild },
	{ entity: "deliverables", client: projectChild },
	{ entity: "deliverable_reviews", client: { kind: "parent", parent: "deliverables", key: "deliverable_id" } },
	{ entity: "message_threads", client: { kind: "column", column: "client_id" } },
	{ entity: "thread_messages", client: { kind: "parent", parent: "message_threads", key: "thread_id" } },
	{ entity: "document_folders", client: { kind: "column", column: "client_id" } },
	{ entity: "documents", client: { kind: "column", column: "client_id" } },
	{ entity: "document_versions", client: { kind: "parent", parent: "documents", key: "document_id" } },
	{ entity: "notifications", client: { kind: "owner", column: "user_id" } },
] as const satisfies readonly SyncedTableDescriptor[];

type EntitiesOf<T extends readonly { entity: string }[]> = { [K in keyof T]: T[K]["entity"] };

/** The synced tables' names, in descriptor order (the wire protocol's `entity`). */
export const SYNC_ENTITIES = SYNCED_TABLES.map((t) => t.entity) as unknown as EntitiesOf<typeof SYNCED_TABLES>;

export type SyncEntity = (typeof SYNC_ENTITIES)[number];
