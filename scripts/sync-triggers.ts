/**
 * Keeps the change-log triggers in step with the synced-table descriptors (schema/sync-tables.ts).
 *
 *   npx tsx scripts/sync-triggers.ts --check            exits 1 and names each trigger that differs
 *   npx tsx scripts/sync-triggers.ts --write [--name=x] when any differs, creates a custom drizzle
 *                                                       migration (drizzle-kit generate --custom) and
 *                                                       fills it with the SQL that closes the gap
 *
 * Nothing is written when the migrations already define exactly the triggers the descriptors call for.
 */
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { migrationPath, readMigrations } from "./lib/migration-files";
import { generatedTriggers, migratedTriggers, triggerDrift, triggerMigrationSql } from "./lib/sync-trigger-sql";

const args = process.argv.slice(2);
const name = args.find((a) => a.startsWith("--name="))?.slice("--name=".length) ?? "sync_triggers";

const migrated = migratedTriggers(readMigrations().map((m) => m.sql));
const drift = triggerDrift(migrated, generatedTriggers());
const differing = [
	...drift.added.map((t) => `missing ${t}`),
	...drift.changed.map((t) => `changed ${t}`),
	...drift.removed.map((t) => `extra ${t}`),
];

if (args.includes("--write")) {
	const sql = triggerMigrationSql(migrated);
	if (!sql) {
		console.log("The migrations already define the triggers the descriptors call for; nothing written.");
	} else {
		execFileSync("npx", ["drizzle-kit", "generate", "--custom", `--name=${name}`], { stdio: "inherit" });
		const created = readMigrations().at(-1);
		if (!created) throw new Error("drizzle-kit created no migration");
		writeFileSync(migrationPath(created.tag), sql);
		console.log(`Wrote ${migrationPath(created.tag)}:\n${differing.join("\n")}`);
	}
} else if (args.includes("--check")) {
	if (differing.length) {
		console.error(`Sync triggers differ from the descriptors (run with --write):\n${differing.join("\n")}`);
		process.exit(1);
	}
	console.log("Sync triggers match the descriptors.");
} else {
	console.error("usage: sync-triggers.ts --check | --write [--name=<migration name>]");
	process.exit(2);
}
