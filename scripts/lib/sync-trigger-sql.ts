/**
 * The SQL of the change-log triggers offline sync relies on (docs/OFFLINE-SYNC.md), generated from
 * the synced-table descriptors (schema/sync-tables.ts). Each synced table gets AFTER INSERT / UPDATE /
 * DELETE triggers that append to `sync_changes` in the same statement as the write; a table marked
 * `cascade` also logs its children when it moves or is deleted. scripts/sync-triggers.ts compares
 * this with what the migrations define and writes a custom drizzle migration for the difference.
 */
import { SYNCED_TABLES, type SyncedTableDescriptor } from "../../schema/sync-tables";

/** A descriptor resolved to SQL: `$` in each expression stands for NEW, OLD or the backfill's row. */
export type SyncedTable = {
	table: string;
	/** SQL giving the record's client id. */
	clientIdSql: string;
	/** For a person's own records (notifications): SQL giving the one user who receives it. */
	ownerUserIdSql?: string;
};

type Descriptors = readonly SyncedTableDescriptor[];

const descriptorOf = (all: Descriptors, entity: string): SyncedTableDescriptor => {
	const found = all.find((t) => t.entity === entity);
	if (!found) throw new Error(`${entity} is named as a parent but has no synced-table descriptor`);
	return found;
};

/** The parent tables a record's client is read through, nearest first, ending at one with a `client_id` column. */
function parentChain(descriptor: SyncedTableDescriptor, all: Descriptors): { table: string; key: string }[] {
	const chain: { table: string; key: string }[] = [];
	let rule = descriptor.client;
	while (rule.kind === "parent") {
		chain.push({ table: rule.parent, key: rule.key });
		if (chain.length > 3) throw new Error(`${descriptor.entity}: parent chain too deep (or circular)`);
		rule = descriptorOf(all, rule.parent).client;
	}
	if (rule.kind !== "column" || rule.column !== "client_id") {
		throw new Error(`${descriptor.entity}: a parent chain must end at a table with a client_id column`);
	}
	return chain;
}

/** A table's alias in joins: the first letter of its last word (deliverable_reviews → r). */
const aliasOf = (table: string) => (table.split("_").at(-1) ?? table).charAt(0);

/** SQL giving the client of a record reached through `chain` (`$` is the record). */
function clientThroughParents(chain: { table: string; key: string }[]): string {
	const [first, ...rest] = chain;
	if (!first) throw new Error("empty parent chain");
	if (rest.length === 0) return `(SELECT client_id FROM ${first.table} WHERE id = $.${first.key})`;
	const aliases = chain.map((c) => aliasOf(c.table));
	if (new Set(aliases).size !== aliases.length) throw new Error(`parent chain ${chain.map((c) => c.table)} has clashing aliases`);
	const joins = rest.map((c, i) => `JOIN ${c.table} ${aliases[i + 1]} ON ${aliases[i + 1]}.id = ${aliases[i]}.${c.key}`);
	return `(SELECT ${aliases.at(-1)}.client_id FROM ${first.table} ${aliases[0]} ${joins.join(" ")} WHERE ${aliases[0]}.id = $.${first.key})`;
}

/** The trigger SQL pieces of one descriptor. */
export function resolveSyncedTable(descriptor: SyncedTableDescriptor, all: Descriptors = SYNCED_TABLES): SyncedTable {
	const rule = descriptor.client;
	switch (rule.kind) {
		case "self":
			return { table: descriptor.entity, clientIdSql: "$.id" };
		case "column":
			return { table: descriptor.entity, clientIdSql: `$.${rule.column}` };
		case "parent":
			return { table: descriptor.entity, clientIdSql: clientThroughParents(parentChain(descriptor, all)) };
		case "owner":
			return { table: descriptor.entity, clientIdSql: "NULL", ownerUserIdSql: `$.${rule.column}` };
	}
}

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

const childrenOf = (all: Descriptors, parent: string) =>
	all.filter((t) => t.client.kind === "parent" && t.client.parent === parent) as (SyncedTableDescriptor & {
		client: { kind: "parent"; parent: string; key: string };
	})[];

/**
 * When a `cascade` table's record moves to another client or is deleted or restored, its children
 * and grandchildren change visibility too: log each of them (the client left as a move).
 */
export function cascadeSql(parent: SyncedTableDescriptor, all: Descriptors = SYNCED_TABLES): string {
	const table = parent.entity;
	const move = "CASE WHEN OLD.client_id IS NOT NEW.client_id THEN OLD.client_id END";
	const children = childrenOf(all, table);
	const childLines = children.map(
		(c) =>
			`	INSERT INTO sync_changes (${BASE_COLUMNS}) SELECT tenant_id, '${c.entity}', id, NEW.client_id, ${move}, NEW.updated_at FROM ${c.entity} WHERE tenant_id = NEW.tenant_id AND ${c.client.key} = NEW.id;`,
	);
	const grandchildLines = children.flatMap((c) =>
		childrenOf(all, c.entity).map((g) => {
			const [ga, ca] = [aliasOf(g.entity), aliasOf(c.entity)];
			if (ga === ca) throw new Error(`${g.entity} and ${c.entity} have clashing aliases`);
			return `	INSERT INTO sync_changes (${BASE_COLUMNS}) SELECT ${ga}.tenant_id, '${g.entity}', ${ga}.id, NEW.client_id, ${move}, NEW.updated_at
		FROM ${g.entity} ${ga} JOIN ${c.entity} ${ca} ON ${ca}.id = ${ga}.${g.client.key} WHERE ${ga}.tenant_id = NEW.tenant_id AND ${ca}.${c.client.key} = NEW.id;`;
		}),
	);
	return `CREATE TRIGGER \`sync_${table}_cascade\` AFTER UPDATE OF client_id, deleted_at ON \`${table}\`
	WHEN OLD.client_id IS NOT NEW.client_id OR OLD.deleted_at IS NOT NEW.deleted_at BEGIN
${[...childLines, ...grandchildLines].join("\n")}
END;`;
}

/** Logs the rows that existed before the triggers, so a first fill finds them. */
export function backfillSql(synced: SyncedTable): string {
	const { table, clientIdSql } = synced;
	const { columns, owner } = columnsOf(synced);
	const expr = clientIdSql.replaceAll("$.", "t.");
	return `INSERT INTO sync_changes (${columns}) SELECT t.tenant_id, '${table}', t.id, ${expr}, NULL, t.updated_at${owner("t")} FROM \`${table}\` t ORDER BY t.updated_at;`;
}

const breakpoint = "\n--> statement-breakpoint\n";

/** Every sync trigger the descriptors call for, by name (`sync_<table>_<insert|update|delete|cascade>`). */
export function generatedTriggers(descriptors: Descriptors = SYNCED_TABLES): Map<string, string> {
	const statements = [
		...descriptors.flatMap((d) => triggerSql(resolveSyncedTable(d, descriptors))),
		...descriptors.filter((d) => d.cascade).map((d) => cascadeSql(d, descriptors)),
	];
	return new Map(statements.map((sql) => [triggerName(sql), sql]));
}

const CREATE = /^CREATE TRIGGER `?(\w+)`?/;
const DROP = /^DROP TRIGGER (?:IF EXISTS )?`?(\w+)`?/;

function triggerName(sql: string): string {
	const name = CREATE.exec(sql)?.[1];
	if (!name) throw new Error(`not a CREATE TRIGGER statement: ${sql.slice(0, 60)}`);
	return name;
}

/** The sync triggers the migrations leave in place, by name, from their SQL files in applied order. */
export function migratedTriggers(migrationFiles: readonly string[]): Map<string, string> {
	const triggers = new Map<string, string>();
	for (const file of migrationFiles) {
		for (const raw of file.split("--> statement-breakpoint")) {
			const sql = raw.trim();
			const created = CREATE.exec(sql)?.[1];
			const dropped = DROP.exec(sql)?.[1];
			if (created?.startsWith("sync_")) triggers.set(created, sql);
			if (dropped?.startsWith("sync_")) triggers.delete(dropped);
		}
	}
	return triggers;
}

/** What differs between the migrations' triggers and the descriptors' (empty when they agree). */
export function triggerDrift(migrated: Map<string, string>, generated: Map<string, string>) {
	return {
		added: [...generated.keys()].filter((name) => !migrated.has(name)),
		changed: [...generated.keys()].filter((name) => migrated.has(name) && migrated.get(name) !== generated.get(name)),
		removed: [...migrated.keys()].filter((name) => !generated.has(name)),
	};
}

/**
 * The migration that brings the database's triggers to the descriptors': changed ones dropped and
 * re-created, new ones created (a new table's existing rows logged so a first fill finds them),
 * ones no descriptor calls for dropped. Null when nothing differs.
 */
export function triggerMigrationSql(migrated: Map<string, string>, descriptors: Descriptors = SYNCED_TABLES): string | null {
	const generated = generatedTriggers(descriptors);
	const { added, changed, removed } = triggerDrift(migrated, generated);
	if (added.length + changed.length + removed.length === 0) return null;
	const newTables = descriptors.filter((d) => added.includes(`sync_${d.entity}_insert`));
	const statements = [
		...[...changed, ...removed].map((name) => `DROP TRIGGER IF EXISTS \`${name}\`;`),
		...[...changed, ...added].map((name) => generated.get(name) ?? ""),
		...newTables.map((d) => backfillSql(resolveSyncedTable(d, descriptors))),
	];
	return `${statements.join(breakpoint)}\n`;
}
