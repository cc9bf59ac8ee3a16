/**
 * Database access. `createDb` wraps the D1 binding in drizzle. `tenantScope` is how tenant data is
 * read and written: every condition, insert, update and delete it builds carries
 * `tenant_id = <the request's tenant>`, so no query it makes can reach another tenant's rows.
 * Queries that are platform-wide by nature (host lookup, sign-up, purges) use `db` directly and
 * say so.
 */
import { and, eq, type SQL } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import type { SQLiteColumn, SQLiteTable } from "drizzle-orm/sqlite-core";
import * as schema from "../../schema/index";
import type { Database } from "../env";

/**
 * One drizzle instance per D1 binding, made once per isolate: building it walks the whole schema
 * (`extractTablesRelationalConfig`), which was ~10 % of a one-query request's CPU when it ran per
 * request (docs/PERFORMANCE.md). The instance holds no per-request state.
 */
const instances = new WeakMap<D1Database, Database>();

export function createDb(d1: D1Database): Database {
	let db = instances.get(d1);
	if (!db) {
		db = drizzle(d1, { schema });
		instances.set(d1, db);
	}
	return db;
}

/** A table with a `tenant_id` column. */
export type TenantTable = SQLiteTable & { tenantId: SQLiteColumn };

export type TenantScope = ReturnType<typeof tenantScope>;

export function tenantScope(db: Database, tenantId: string) {
	/** `tenant_id = ?` on `table`, and every further condition. */
	const where = (table: TenantTable, ...conditions: (SQL | undefined)[]): SQL =>
		and(eq(table.tenantId, tenantId), ...conditions) ?? eq(table.tenantId, tenantId);
	return {
		db,
		tenantId,
		where,
		insert<T extends TenantTable>(table: T, values: Omit<T["$inferInsert"], "tenantId">) {
			return db.insert(table).values({ ...values, tenantId } as T["$inferInsert"]);
		},
		update<T extends TenantTable>(table: T, set: Partial<Omit<T["$inferInsert"], "tenantId">>, ...conditions: (SQL | undefined)[]) {
			return db
				.update(table)
				.set(set as Partial<T["$inferInsert"]>)
				.where(where(table, ...conditions));
		},
		delete<T extends TenantTable>(table: T, ...conditions: (SQL | undefined)[]) {
			return db.delete(table).where(where(table, ...conditions));
		},
	};
}
