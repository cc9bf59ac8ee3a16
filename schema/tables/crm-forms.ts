/**
 * Lead capture (CRM): forms, the leads they (or staff) create, and the daily count of refused
 * submissions per form and reason. Every row carries its tenant; `client_id` is the workspace
 * (null: the agency's own sales).
 */
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import {
	FORM_STATUSES,
	type FormConsent,
	type FormField,
	type FormHiddenField,
	type FormSuccess,
	LEAD_SOURCES,
	LEAD_STATUSES,
	type LeadConsent,
	OPT_IN_STATES,
	REJECTION_REASONS,
} from "../crm-forms";
import { clients } from "./clients";
import { tenants } from "./tenants";
import { users } from "./users";

const tenantId = () =>
	text("tenant_id")
		.notNull()
		.references(() => tenants.id, { onDelete: "cascade" });

export const crmForms = sqliteTable(
	"crm_forms",
	{
		id: text("id").primaryKey(),
		tenantId: tenantId(),
		/** The workspace: one of the agency's clients, or null for the agency's own sales. */
		clientId: text("client_id").references(() => clients.id, { onDelete: "cascade" }),
		name: text("name").notNull(),
		status: text("status", { enum: FORM_STATUSES }).notNull().default("draft"),
		fields: text("fields", { mode: "json" }).$type<FormField[]>().notNull(),
		consents: text("consents", { mode: "json" }).$type<FormConsent[]>().notNull(),
		hiddenFields: text("hidden_fields", { mode: "json" }).$type<FormHiddenField[]>().notNull(),
		success: text("success", { mode: "json" }).$type<FormSuccess>().notNull(),
		/** Send a confirmation email; the lead counts as opted in once its link is opened. */
		doubleOptIn: integer("double_opt_in", { mode: "boolean" }).notNull().default(false),
		createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
		createdAt: integer("created_at").notNull(),
		updatedAt: integer("updated_at").notNull(),
	},
	(t) => [index("crm_forms_tenant_client_idx").on(t.tenantId, t.clientId, t.updatedAt)],
);

export const crmLeads = sqliteTable(
	"crm_leads",
	{
		id: text("id").primaryKey(),
		tenantId: tenantId(),
		clientId: text("client_id").references(() => clients.id, { onDelete: "cascade" }),
		formId: text("form_id").references(() => crmForms.id, { onDelete: "set null" }),
		/** The rendered form's submission id (from its signed stamp): a re-sent submission takes effect once. */
		submissionId: text("submission_id"),
		source: text("source", { enum: LEAD_SOURCES }).notNull(),
		status: text("status", { enum: LEAD_STATUSES }).notNull().default("new"),
		email: text("email"),
		firstName: text("first_name"),
		lastName: text("last_name"),
		phone: text("phone"),
		company: text("company"),
		title: text("title"),
		message: text("message"),
		/** Every answer by field key, mapped or not. */
		values: text("values", { mode: "json" }).$type<Record<string, string>>().notNull(),
		/** Hidden fields as sent by the page (or their defaults). */
		hidden: text("hidden", { mode: "json" }).$type<Record<string, string>>().notNull(),
		consents: text("consents", { mode: "json" }).$type<LeadConsent[]>().notNull(),
		optIn: text("opt_in", { enum: OPT_IN_STATES }).notNull().default("not_required"),
		optInConfirmedAt: integer("opt_in_confirmed_at"),
		/** SHA-256 of the single-use confirmation token; cleared once used. */
		optInTokenHash: text("opt_in_token_hash"),
		optInExpiresAt: integer("opt_in_expires_at"),
		score: integer("score").notNull().default(0),
		ownerUserId: text("owner_user_id").references(() => users.id, { onDelete: "set null" }),
		createdAt: integer("created_at").notNull(),
		updatedAt: integer("updated_at").notNull(),
	},
	(t) => [
		index("crm_leads_tenant_client_created_idx").on(t.tenantId, t.clientId, t.createdAt),
		index("crm_leads_tenant_form_created_idx").on(t.tenantId, t.formId, t.createdAt),
		index("crm_leads_tenant_created_idx").on(t.tenantId, t.createdAt),
		uniqueIndex("crm_leads_submission_unique").on(t.tenantId, t.formId, t.submissionId),
		uniqueIndex("crm_leads_opt_in_token_unique").on(t.optInTokenHash),
	],
);

/** Refused submissions, counted (never stored) per form, UTC day and reason. */
export const crmFormRejections = sqliteTable(
	"crm_form_rejections",
	{
		tenantId: tenantId(),
		formId: text("form_id")
			.notNull()
			.references(() => crmForms.id, { onDelete: "cascade" }),
		/** UTC day, YYYY-MM-DD. */
		day: text("day").notNull(),
		reason: text("reason", { enum: REJECTION_REASONS }).notNull(),
		count: integer("count").notNull().default(0),
	},
	(t) => [primaryKey({ columns: [t.tenantId, t.formId, t.day, t.reason] })],
);

export type CrmForm = typeof crmForms.$inferSelect;
export type CrmLead = typeof crmLeads.$inferSelect;
