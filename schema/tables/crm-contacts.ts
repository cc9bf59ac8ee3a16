/**
 * The CRM's people and organisations (issue #18), each in a workspace: `client_id` names the client,
 * null is the agency's own (worker/services/crm/workspace-access.ts decides who sees which). Contacts
 * and companies carry an owner, a lifecycle stage, tags and the workspace's custom field values (JSON
 * keyed by field key, checked on write against `crm_custom_fields`), plus normalised email, phone and
 * domain for duplicate detection. A merged record keeps its row as a tombstone naming its survivor.
 * Full-text search is the FTS5 table `crm_search`, kept by triggers (migrations, outside drizzle).
 */
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { CRM_RECORD_KINDS, CUSTOM_FIELD_TYPES, LIFECYCLE_STAGES } from "../crm";
import { clients } from "./clients";
import { syncedColumns } from "./synced-columns";
import { users } from "./users";

/** The columns contacts and companies share. */
function crmRecordColumns() {
	return {
		...syncedColumns(),
		/** The workspace: a client, or null for the agency's own. */
		clientId: text("client_id").references(() => clients.id, { onDelete: "cascade" }),
		ownerUserId: text("owner_user_id").references(() => users.id, { onDelete: "set null" }),
		lifecycleStage: text("lifecycle_stage", { enum: LIFECYCLE_STAGES }).notNull().default("lead"),
		/** JSON array of tags (trimmed, unique, at most 20). */
		tags: text("tags", { mode: "json" }).$type<string[]>().notNull().default([]),
		/** JSON object: custom field key → value (schema/crm.ts CustomFieldValue). */
		customFields: text("custom_fields", { mode: "json" }).$type<Record<string, unknown>>().notNull().default({}),
		/** Set on a record merged into another: the survivor's id (the record is also deleted). */
		mergedIntoId: text("merged_into_id"),
	};
}

export const crmCompanies = sqliteTable(
	"crm_companies",
	{
		...crmRecordColumns(),
		name: text("name").notNull(),
		domain: text("domain"),
		/** Lower case, no scheme, `www.` or path: what duplicate detection compares. */
		domainNormalized: text("domain_normalized"),
		phone: text("phone"),
	},
	(t) => [
		index("crm_companies_tenant_client_created_idx").on(t.tenantId, t.clientId, t.createdAt),
		index("crm_companies_tenant_domain_idx").on(t.tenantId, t.domainNormalized),
		index("crm_companies_tenant_updated_idx").on(t.tenantId, t.updatedAt),
	],
);

export const crmContacts = sqliteTable(
	"crm_contacts",
	{
		...crmRecordColumns(),
		firstName: text("first_name").notNull().default(""),
		lastName: text("last_name").notNull().default(""),
		email: text("email"),
		/** Trimmed and lower case. */
		emailNormalized: text("email_normalized"),
		phone: text("phone"),
		/** Digits only, with a leading + when given. */
		phoneNormalized: text("phone_normalized"),
		title: text("title"),
		companyId: text("company_id").references(() => crmCompanies.id, { onDelete: "set null" }),
	},
	(t) => [
		index("crm_contacts_tenant_client_created_idx").on(t.tenantId, t.clientId, t.createdAt),
		index("crm_contacts_tenant_email_idx").on(t.tenantId, t.emailNormalized),
		index("crm_contacts_tenant_phone_idx").on(t.tenantId, t.phoneNormalized),
		index("crm_contacts_tenant_company_idx").on(t.tenantId, t.companyId),
		index("crm_contacts_tenant_updated_idx").on(t.tenantId, t.updatedAt),
	],
);

/** A workspace's typed custom fields for contacts or companies. */
export const crmCustomFields = sqliteTable(
	"crm_custom_fields",
	{
		...syncedColumns(),
		clientId: text("client_id").references(() => clients.id, { onDelete: "cascade" }),
		recordKind: text("record_kind", { enum: CRM_RECORD_KINDS }).notNull(),
		/** Stable name of the value in `custom_fields` (lower case letters, digits, underscores). */
		key: text("key").notNull(),
		label: text("label").notNull(),
		type: text("type", { enum: CUSTOM_FIELD_TYPES }).notNull(),
		/** JSON array: the options of a choice or multi-choice field (empty for other types). */
		options: text("options", { mode: "json" }).$type<string[]>().notNull().default([]),
		position: integer("position").notNull().default(0),
	},
	// Unique key per live field of a workspace and kind: `crm_custom_fields_key_unique` on
	// (tenant_id, coalesce(client_id, ''), record_kind, key), written by hand in the migration
	// (drizzle-kit cannot write an expression index).
	(t) => [index("crm_custom_fields_tenant_client_idx").on(t.tenantId, t.clientId, t.recordKind)],
);

/** A named, shared filter of a workspace's contacts or companies (the list's query, as JSON). */
export const crmSavedViews = sqliteTable(
	"crm_saved_views",
	{
		...syncedColumns(),
		clientId: text("client_id").references(() => clients.id, { onDelete: "cascade" }),
		recordKind: text("record_kind", { enum: CRM_RECORD_KINDS }).notNull(),
		name: text("name").notNull(),
		filters: text("filters", { mode: "json" }).$type<Record<string, string>>().notNull().default({}),
		createdByUserId: text("created_by_user_id").references(() => users.id, { onDelete: "set null" }),
	},
	(t) => [index("crm_saved_views_tenant_client_idx").on(t.tenantId, t.clientId, t.recordKind)],
);

export type CrmContact = typeof crmContacts.$inferSelect;
export type CrmCompany = typeof crmCompanies.$inferSelect;
export type CrmCustomField = typeof crmCustomFields.$inferSelect;
export type CrmSavedView = typeof crmSavedViews.$inferSelect;
