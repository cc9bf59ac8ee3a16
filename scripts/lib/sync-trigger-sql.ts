/**
 * The SQL of the change-log triggers offline sync relies on (docs/OFFLINE-SYNC.md). Each synced table
 * gets AFTER INSERT / UPDATE / DELETE triggers that append to `sync_changes` in the same statement as
 * the write. A table from another area plugs in by adding a `SyncedTable` here and pasting the
 * output of `npx tsx scripts/sync-triggers.ts <table>` into a custom drizzle migration.
 */

export type SyncedTable = {
	table: string;
	/** SQL giving the record's client id; `$` stands for NEW or OLD. */
	clientIdSql: string;
	/** For a person's own records (notifications): SQL giving the one user who receives it. */
	ownerUserIdSql?: string;
};

/** The portal tables of this branch. */
export const PORTAL_SYNCED_TABLES: SyncedTable[] = [
	{ table: "clients", clientIdSql: "$.id" },
	{ table: "projects", clientIdSql: "$.client_id" },
	{ table: "milestones", clientIdSql: "(SELECT client_id FROM projects WHERE id = $.project_id)" },
	{ table: "tasks", clientIdSql: "(SELECT client_id FROM projects WHERE id = $.project_id)" },
	{ table: "deliverables", clientIdSql: "(SELECT client_id FROM projects WHERE id = $.project_id)" },
	{
		table: "deliverable_reviews",
		clientIdSql: "(SELECT p.client_id FROM deliverables d JOIN projects p ON p.id = d.project_id WHERE d.id = $.deliverable_id)",
	},
];

/**
 * Messaging, documents and the notification centre (offline sync of issue 6, second part). A
 * message's and a version's client come from their thread and document; notifications belong to
 * one person and no client.
 */
export const MORE_SYNCED_TABLES: SyncedTable[] = [
	{ table: "message_threads", clientIdSql: "$.client_id" },
	{ table: "thread_messages", clientIdSql: "(SELECT client_id FROM message_threads WHERE id = $.thread_id)" },
	{ table: "document_folders", clientIdSql: "$.client_id" },
	{ table: "documents", clientIdSql: "$.client_id" },
	{ table: "document_versions", clientIdSql: "(SELECT client_id FROM documents WHERE id = $.document_id)" },
	{ table: "notifications", clientIdSql: "NULL", ownerUserIdSql: "$.user_id" },
];

export const ALL_SYNCED_TABLES: SyncedTable[] = [...PORTAL_SYNCED_TABLES, ...MORE_SYNCED_TABLES];

const BASE_COLUMNS = "tenant_id, entity, record_id, client_id, left_client_id, changed_at";

/** The log columns a table's triggers fill, and the owner value (`$` for NEW/OLD) appended when it has one. */
function columnsOf(t: SyncedTable): { columns: string; owner: (row: "NEW" | "OLD" | "t") => string } {
	const ownerSql = t.ownerUserIdSql;
	if (!ownerSql) return { columns: BASE_COLUMNS, owner: () => "" };
	return { columns: `${BASE_COLUMNS}, owner_user_id`, owner: (row) => `, ${ownerSql.replaceAll("$", row)}` };
}

/** The three triggers of one table (statements separated by drizzle's breakpoint marker). */
export function triggerSql(synced: SyncedTable): string[] {
	const { table, clientIdSql } = synced;
	const { columns, owner } = columnsOf(synced);
	const fresh = clientIdSql.replaceAll("$", "NEW");
	const old = clientIdSql.replaceAll("$", "OLD");
	return [
		`CREATE TRIGGER \`sync_${table}_insert\` AFTER INSERT ON \`${table}\` BEGIN
	INSERT INTO sync_changes (${columns}) VALUES (NEW.tenant_id, '${table}', NEW.id, ${fresh}, NULL, NEW.updated_at${owner("NEW")});
END;`,
		`CREATE TRIGGER \`sync_${table}_update\` AFTER UPDATE ON \`${table}\` BEGIN
	DELETE FROM sync_changes WHERE tenant_id = NEW.tenant_id AND entity = '${table}' AND record_id = NEW.id AND left_client_id IS NULL;
	INSERT INTO sync_changes (${columns}) VALUES (NEW.tenant_id, '${table}', NEW.id, ${fresh},
		CASE WHEN (${old}) IS NOT (${fresh}) THEN (${old}) END, NEW.updated_at${owner("NEW")});
END;`,
		`CREATE TRIGGER \`sync_${table}_delete\` AFTER DELETE ON \`${table}\` BEGIN
	INSERT INTO sync_changes (${columns}) VALUES (OLD.tenant_id, '${table}', OLD.id, ${old}, NULL, OLD.updated_at${owner("OLD")});
END;`,
	];
}

/**
 * When a project moves to another client or is deleted or restored, its milestones, tasks,
 * deliverables and reviews change visibility too: log each of them (the client left as a move).
 */
export function projectCascadeSql(): string {
	const move = "CASE WHEN OLD.client_id IS NOT NEW.client_id THEN OLD.client_id END";
	const child = (table: string) =>
		`	INSERT INTO sync_changes (${BASE_COLUMNS}) SELECT tenant_id, '${table}', id, NEW.client_id, ${move}, NEW.updated_at FROM ${table} WHERE tenant_id = NEW.tenant_id AND project_id = NEW.id;`;
	return `CREATE TRIGGER \`sync_projects_cascade\` AFTER UPDATE OF client_id, deleted_at ON \`projects\`
	WHEN OLD.client_id IS NOT NEW.client_id OR OLD.deleted_at IS NOT NEW.deleted_at BEGIN
${child("milestones")}
${child("tasks")}
${child("deliverables")}
	INSERT INTO sync_changes (${BASE_COLUMNS}) SELECT r.tenant_id, 'deliverable_reviews', r.id, NEW.client_id, ${move}, NEW.updated_at
		FROM deliverable_reviews r JOIN deliverables d ON d.id = r.deliverable_id WHERE r.tenant_id = NEW.tenant_id AND d.project_id = NEW.id;
END;`;
}

/** Logs the rows that existed before the triggers, so a first fill finds them. */
export function backfillSql(synced: SyncedTable): string {
	const { table, clientIdSql } = synced;
	const { columns, owner } = columnsOf(synced);
	const expr = clientIdSql.replaceAll("$.", "t.");
	return `INSERT INTO sync_changes (${columns}) SELECT t.tenant_id, '${table}', t.id, ${expr}, NULL, t.updated_at${owner("t")} FROM \`${table}\` t ORDER BY t.updated_at;`;
}

/** The whole migration for `tables` (with the project cascade when `projects` is among them). */
export function migrationSql(tables: SyncedTable[]): string {
	const statements = [
		...tables.flatMap(triggerSql),
		...(tables.some((t) => t.table === "projects") ? [projectCascadeSql()] : []),
		...tables.map(backfillSql),
	];
	return `${statements.join("\n--> statement-breakpoint\n")}\n`;
}
