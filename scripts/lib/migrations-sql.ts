/**
 * Every D1 migration as one SQL script, each recorded in wrangler's `d1_migrations` table the way
 * `wrangler d1 migrations apply` records it (its table, then each file followed by its row), so a
 * later `migrations apply` on that database sees them all applied. For a fresh local database:
 * one `wrangler d1 execute` instead of `migrations apply`, which starts a workerd per migration
 * (34 starts, minutes on a busy 2-core machine).
 */
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";

/** wrangler.toml's `migrations_dir`; wrangler's default table name. */
const MIGRATIONS_DIR = "migrations";
const MIGRATIONS_TABLE = "d1_migrations";

export async function allMigrationsSql(dir = MIGRATIONS_DIR): Promise<string> {
	const names = (await readdir(dir)).filter((name) => name.endsWith(".sql")).sort();
	const parts = [
		`CREATE TABLE IF NOT EXISTS "${MIGRATIONS_TABLE}"(
		id         INTEGER PRIMARY KEY AUTOINCREMENT,
		name       TEXT UNIQUE,
		applied_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL
);`,
	];
	for (const name of names) {
		const migration = await readFile(join(dir, name), "utf8");
		parts.push(`${migration}\nINSERT INTO "${MIGRATIONS_TABLE}" (name)\nvalues ('${name.replace(/'/g, "''")}');`);
	}
	return `${parts.join("\n")}\n`;
}
