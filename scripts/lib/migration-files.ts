/** The drizzle migrations as D1 applies them: each journal entry's SQL, in journal order. */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const MIGRATIONS = fileURLToPath(new URL("../../migrations/", import.meta.url));

export const migrationPath = (tag: string) => `${MIGRATIONS}${tag}.sql`;

export function readMigrations(): { tag: string; sql: string }[] {
	const journal = JSON.parse(readFileSync(`${MIGRATIONS}meta/_journal.json`, "utf8")) as { entries: { idx: number; tag: string }[] };
	return [...journal.entries].sort((a, b) => a.idx - b.idx).map(({ tag }) => ({ tag, sql: readFileSync(migrationPath(tag), "utf8") }));
}
