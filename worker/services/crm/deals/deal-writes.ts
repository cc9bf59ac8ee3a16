/** The one way deals are updated: tenant-scoped, and every change bumps the deal's `version` (what a syncing device compares). */
import { type SQL, sql } from "drizzle-orm";
import type { SQLiteUpdateSetSource } from "drizzle-orm/sqlite-core";
import { crmDeals } from "../../../../schema/index";
import type { TenantScope } from "../../../lib/db";

export type DealChanges = Omit<SQLiteUpdateSetSource<typeof crmDeals>, "version" | "tenantId" | "id">;

export function updateDeals(scope: TenantScope, changes: DealChanges, ...conditions: (SQL | undefined)[]) {
	return scope.db
		.update(crmDeals)
		.set({ ...changes, version: sql`${crmDeals.version} + 1` })
		.where(scope.where(crmDeals, ...conditions));
}
