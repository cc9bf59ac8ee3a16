/**
 * An agency's clients (customer companies) and the client-role users who belong to each. A client
 * user belongs to exactly one client: `client_members` is unique per (tenant, user).
 */
import { index, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { CRM_ACCESS_LEVELS } from "../crm";
import { CLIENT_STATUSES } from "../portal";
import { syncedColumns } from "./synced-columns";
import { users } from "./users";

export const clients = sqliteTable(
	"clients",
	{
		...syncedColumns(),
		name: text("name").notNull(),
		status: text("status", { enum: CLIENT_STATUSES }).notNull().default("pending_setup"),
		/** What `restore` returns an archived client to. */
		statusBeforeArchive: text("status_before_archive", { enum: CLIENT_STATUSES }),
		/** One of SERVICE_TIERS (schema/portal.ts). */
		tier: text("tier").notNull().default("standard"),
		/** The staff member who looks after this client. */
		ownerUserId: text("owner_user_id").references(() => users.id, { onDelete: "set null" }),
		notes: text("notes").notNull().default(""),
		website: text("website"),
		/** What the client's people may do in their own CRM workspace (schema/crm.ts); staff set it. */
		crmAccess: text("crm_access", { enum: CRM_ACCESS_LEVELS }).notNull().default("none"),
	},
	(t) => [
		index("clients_tenant_updated_idx").on(t.tenantId, t.updatedAt),
		index("clients_tenant_name_idx").on(t.tenantId, t.name),
		index("clients_tenant_status_idx").on(t.tenantId, t.status),
	],
);

export const clientMembers = sqliteTable(
	"client_members",
	{
		...syncedColumns(),
		clientId: text("client_id")
			.notNull()
			.references(() => clients.id, { onDelete: "cascade" }),
		userId: text("user_id")
			.notNull()
			.references(() => users.id, { onDelete: "cascade" }),
		/** Their role in the client's company ("Marketing lead"); null when nobody said. */
		title: text("title"),
	},
	(t) => [
		uniqueIndex("client_members_tenant_user_unique").on(t.tenantId, t.userId),
		index("client_members_tenant_client_idx").on(t.tenantId, t.clientId),
		index("client_members_tenant_updated_idx").on(t.tenantId, t.updatedAt),
	],
);

export type Client = typeof clients.$inferSelect;
export type ClientMember = typeof clientMembers.$inferSelect;
