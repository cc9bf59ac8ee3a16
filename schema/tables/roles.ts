/**
 * Custom roles: an agency's own named sets of permissions. A member with a custom role has exactly
 * its permissions; without one, their built-in role's (schema/permissions.ts).
 */
import { integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { tenants } from "./tenants";

export const roles = sqliteTable(
	"roles",
	{
		id: text("id").primaryKey(),
		tenantId: text("tenant_id")
			.notNull()
			.references(() => tenants.id, { onDelete: "cascade" }),
		name: text("name").notNull(),
		/** Lower-cased name: unique per tenant. */
		nameNormalized: text("name_normalized").notNull(),
		description: text("description").notNull().default(""),
		/** JSON array of permission names from PERMISSIONS. */
		permissions: text("permissions").notNull(),
		createdAt: integer("created_at").notNull(),
		updatedAt: integer("updated_at").notNull(),
	},
	(t) => [uniqueIndex("roles_tenant_name_unique").on(t.tenantId, t.nameNormalized)],
);

export type CustomRole = typeof roles.$inferSelect;
