/**
 * Users and their memberships. A user belongs to one tenant: an agency's clients and staff are that
 * agency's accounts, so one agency's password reset or SSO policy never touches another's users.
 */
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { ROLES } from "../permissions";
import { tenants } from "./tenants";

export const users = sqliteTable(
	"users",
	{
		id: text("id").primaryKey(),
		tenantId: text("tenant_id")
			.notNull()
			.references(() => tenants.id, { onDelete: "cascade" }),
		email: text("email").notNull(),
		/** Lower-cased, trimmed email: the unique sign-in key within a tenant. */
		emailNormalized: text("email_normalized").notNull(),
		name: text("name").notNull(),
		passwordHash: text("password_hash"),
		emailVerifiedAt: integer("email_verified_at"),
		createdAt: integer("created_at").notNull(),
		updatedAt: integer("updated_at").notNull(),
	},
	(t) => [uniqueIndex("users_tenant_email_unique").on(t.tenantId, t.emailNormalized)],
);

export const memberships = sqliteTable(
	"memberships",
	{
		tenantId: text("tenant_id")
			.notNull()
			.references(() => tenants.id, { onDelete: "cascade" }),
		userId: text("user_id")
			.notNull()
			.references(() => users.id, { onDelete: "cascade" }),
		role: text("role", { enum: ROLES }).notNull(),
		/** A custom role (`roles.id`) whose permissions replace the built-in role's; null: the built-in role's. */
		customRoleId: text("custom_role_id"),
		createdAt: integer("created_at").notNull(),
	},
	(t) => [primaryKey({ columns: [t.tenantId, t.userId] }), index("memberships_user_idx").on(t.tenantId, t.userId)],
);

export type User = typeof users.$inferSelect;
export type Membership = typeof memberships.$inferSelect;
