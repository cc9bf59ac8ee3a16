/**
 * The change-log triggers the migrations define are exactly those the synced-table descriptors
 * (schema/sync-tables.ts) generate, so the two cannot drift; and a new or changed descriptor turns
 * into the migration that closes the gap (what `scripts/sync-triggers.ts --write` writes).
 */
import { describe, expect, it } from "vitest";
import { SYNCED_TABLES, type SyncedTableDescriptor } from "../../schema/sync-tables";
import { readMigrations } from "../../scripts/lib/migration-files";
import { generatedTriggers, migratedTriggers, triggerDrift, triggerMigrationSql } from "../../scripts/lib/sync-trigger-sql";

const migrated = () => migratedTriggers(readMigrations().map((m) => m.sql));
const statementsOf = (sql: string | null) => (sql ?? "").split("--> statement-breakpoint").map((s) => s.trim());

describe("sync triggers", () => {
	it("the migrations define, statement for statement, the triggers every descriptor generates", () => {
		const generated = generatedTriggers();
		expect(triggerDrift(migrated(), generated)).toEqual({ added: [], changed: [], removed: [] });
		// Four per table that cascades, three per other table: none forgotten by either side.
		expect(generated.size).toBe(SYNCED_TABLES.length * 3 + SYNCED_TABLES.filter((t) => "cascade" in t).length);
		expect(triggerMigrationSql(migrated())).toBeNull();
	});

	it("a new synced table is one descriptor: its migration creates its three triggers and logs its existing rows, nothing else", () => {
		const contacts: SyncedTableDescriptor = { entity: "crm_contacts", client: { kind: "column", column: "client_id" } };
		const statements = statementsOf(triggerMigrationSql(migrated(), [...SYNCED_TABLES, contacts]));
		expect(statements.map((s) => s.split("\n")[0])).toEqual([
			"CREATE TRIGGER `sync_crm_contacts_insert` AFTER INSERT ON `crm_contacts` BEGIN",
			"CREATE TRIGGER `sync_crm_contacts_update` AFTER UPDATE ON `crm_contacts` BEGIN",
			"CREATE TRIGGER `sync_crm_contacts_delete` AFTER DELETE ON `crm_contacts` BEGIN",
			"INSERT INTO sync_changes (tenant_id, entity, record_id, client_id, left_client_id, changed_at) SELECT t.tenant_id, 'crm_contacts', t.id, t.client_id, NULL, t.updated_at FROM `crm_contacts` t ORDER BY t.updated_at;",
		]);
	});

	it("a child of a cascading table joins its parent's cascade: the cascade trigger is dropped and re-created with it", () => {
		const notes: SyncedTableDescriptor = { entity: "project_notes", client: { kind: "parent", parent: "projects", key: "project_id" } };
		const statements = statementsOf(triggerMigrationSql(migrated(), [...SYNCED_TABLES, notes]));
		expect(statements[0]).toBe("DROP TRIGGER IF EXISTS `sync_projects_cascade`;");
		const cascade = statements.find((s) => s.startsWith("CREATE TRIGGER `sync_projects_cascade`"));
		expect(cascade).toContain("'project_notes', id, NEW.client_id");
		expect(statements.find((s) => s.startsWith("CREATE TRIGGER `sync_project_notes_insert`"))).toContain(
			"(SELECT client_id FROM projects WHERE id = NEW.project_id)",
		);
	});

	it("a table no longer synced has its triggers dropped", () => {
		const statements = statementsOf(
			triggerMigrationSql(
				migrated(),
				SYNCED_TABLES.filter((t) => t.entity !== "notifications"),
			),
		);
		expect(statements).toEqual([
			"DROP TRIGGER IF EXISTS `sync_notifications_insert`;",
			"DROP TRIGGER IF EXISTS `sync_notifications_update`;",
			"DROP TRIGGER IF EXISTS `sync_notifications_delete`;",
		]);
	});

	it("a migration that drops and re-creates a trigger counts as the later definition", () => {
		const triggers = migratedTriggers([
			"CREATE TRIGGER `sync_x_insert` AFTER INSERT ON `x` BEGIN SELECT 1; END;",
			"DROP TRIGGER IF EXISTS `sync_x_insert`;\n--> statement-breakpoint\nCREATE TRIGGER `sync_x_insert` AFTER INSERT ON `x` BEGIN SELECT 2; END;",
		]);
		expect([...triggers.values()]).toEqual(["CREATE TRIGGER `sync_x_insert` AFTER INSERT ON `x` BEGIN SELECT 2; END;"]);
	});
});
