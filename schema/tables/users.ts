/**
 * Users and their memberships. A user belongs to one tenant: an agency's clients and staff are that
 * agency's accounts, so one agency's password reset or SSO policy never touches another's users.
 */
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { ROLES } from "../permissions";
import { PERSON_APPEARANCES } from "../theme";
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
		/** The person's IANA time zone for dates and times in the app; null: the device's. */
		timeZone: text("time_zone"),
		/** The person's BCP-47 locale (canonical form) for dates and numbers; null: the browser's. */
		locale: text("locale"),
		/** The person's avatar: a square PNG's file name under `avatars/<tenant>/` in R2; null: initials. */
		avatarFile: text("avatar_file"),
		/** Light, dark or the device's setting; null: the agency's default appearance. */
		appearance: text("appearance", { enum: PERSON_APPEARANCES }),
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
