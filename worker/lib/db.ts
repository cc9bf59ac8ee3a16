/**
 * Database access. `createDb` wraps the D1 binding in drizzle; `tenantScope` is the one way tenant
 * data is read and written: every statement it builds carries `tenant_id = <the request's tenant>`.
 */
import { and, eq, type SQL } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import type { SQLiteColumn, SQLiteTable } from "drizzle-orm/sqlite-core";
import * as schema from "../../schema/index";
import type { Database } from "../env";

export function createDb(d1: D1Database): Database {
	return drizzle(d1, { schema });
}

/** A table with a `tenant_id` column. */
export type TenantTable = SQLiteTable & { tenantId: SQLiteColumn };

export type TenantScope = ReturnType<typeof tenantScope>;

/** Query helpers bound to one tenant; nothing built here can reach another tenant's rows. */
export function tenantScope(db: Database, tenantId: string) {
	const own = <T extends TenantTable>(table: T, where?: SQL): SQL => {
		const mine = eq(table.tenantId, tenantId);
		return where ? (and(mine, where) ?? mine) : mine;
	};
	return {
		db,
		tenantId,
		/** `tenant_id = ?` combined with an optional further condition. */
		where: own,
		select<T extends TenantTable>(table: T, where?: SQL) {
			return db
				.select()
				.from(table as SQLiteTable)
				.where(own(table, where)) as unknown as Promise<T["$inferSelect"][]>;
		},
		insert<T extends TenantTable>(table: T, values: Omit<T["$inferInsert"], "tenantId">) {
			return db.insert(table).values({ ...values, tenantId } as T["$inferInsert"]);
		},
		update<T extends TenantTable>(table: T, set: Partial<T["$inferInsert"]>, where?: SQL) {
			return db.update(table).set(set).where(own(table, where));
		},
		delete<T extends TenantTable>(table: T, where?: SQL) {
			return db.delete(table).where(own(table, where));
		},
	};
}
