/** Prints the change-log trigger migration for the named synced tables (all portal tables when none are named). */
import { ALL_SYNCED_TABLES, migrationSql, PORTAL_SYNCED_TABLES } from "./lib/sync-trigger-sql";

const names = process.argv.slice(2);
const tables = names.length ? ALL_SYNCED_TABLES.filter((t) => names.includes(t.table)) : PORTAL_SYNCED_TABLES;
process.stdout.write(migrationSql(tables));
