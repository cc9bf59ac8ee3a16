/**
 * CRM pipelines and deals (issue #18): a workspace's pipelines with ordered stages (each with a win
 * probability and a kind: open, won or lost), its deals, the contacts on each deal and every stage
 * change a deal went through. Every row carries `client_id` (its workspace; null: the agency's own).
 * Money is integer minor units + ISO currency (schema/money.ts); times are epoch milliseconds.
 */
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { DEAL_STATUSES, STAGE_KINDS } from "../crm-deals";
import { clients } from "./clients";
import { syncedColumns } from "./synced-columns";
import { tenants } from "./tenants";
import { users } from "./users";

const workspace = () => ({
	/** The workspace: one of the agency's clients, or null for the agency's own sales. */
	clientId: text("client_id").references(() => clients.id, { onDelete: "cascade" }),
});

export const crmPipelines = sqliteTable(
	"crm_pipelines",
	{
		...syncedColumns(),
		...workspace(),
		name: text("name").notNull(),
		/** Order among the workspace's pipelines, 0-based. */
		position: integer("position").notNull(),
		/** Set on the pipeline made on a workspace's first use (its workspace key), so two first uses make one. */
		defaultKey: text("default_key"),
	},
	(t) => [
		index("crm_pipelines_tenant_client_idx").on(t.tenantId, t.clientId, t.position),
		uniqueIndex("crm_pipelines_default_uq").on(t.tenantId, t.defaultKey),
	],
);

export const crmStages = sqliteTable(
	"crm_stages",
	{
		...syncedColumns(),
		pipelineId: text("pipeline_id")
			.notNull()
			.references(() => crmPipelines.id, { onDelete: "cascade" }),
		name: text("name").notNull(),
		/** Order within the pipeline, 0-based. */
		position: integer("position").notNull(),
		/** Win probability in percent, 0–100. */
		probability: integer("probability").notNull(),
		kind: text("kind", { enum: STAGE_KINDS }).notNull().default("open"),
	},
	(t) => [index("crm_stages_tenant_pipeline_idx").on(t.tenantId, t.pipelineId, t.position)],
);

export const crmDeals = sqliteTable(
	"crm_deals",
	{
		...syncedColumns(),
		...workspace(),
		/** Bumped on every change: a device's edit names the version it saw. */
		version: integer("version").notNull().default(1),
		pipelineId: text("pipeline_id")
			.notNull()
			.references(() => crmPipelines.id, { onDelete: "cascade" }),
		stageId: text("stage_id")
			.notNull()
			.references(() => crmStages.id),
		name: text("name").notNull(),
		/** Integer minor units of `currency`. */
		amount: integer("amount").notNull().default(0),
		/** ISO 4217, lower case. */
		currency: text("currency").notNull(),
		expectedCloseAt: integer("expected_close_at"),
		ownerUserId: text("owner_user_id").references(() => users.id, { onDelete: "set null" }),
		/** A company (crm_companies) of the same workspace. */
		companyId: text("company_id"),
		status: text("status", { enum: DEAL_STATUSES }).notNull().default("open"),
		/** Why it was won or lost (required for lost). */
		closeReason: text("close_reason"),
		/** When it was won or lost (null while open). */
		closedAt: integer("closed_at"),
		/** When it entered its current stage. */
		stageEnteredAt: integer("stage_entered_at").notNull(),
	},
	(t) => [
		index("crm_deals_tenant_updated_idx").on(t.tenantId, t.updatedAt),
		index("crm_deals_tenant_pipeline_idx").on(t.tenantId, t.pipelineId, t.stageId),
		index("crm_deals_tenant_client_idx").on(t.tenantId, t.clientId, t.createdAt),
	],
);

/** The contacts (crm_contacts of the deal's workspace) a deal involves. */
export const crmDealContacts = sqliteTable(
	"crm_deal_contacts",
	{
		tenantId: text("tenant_id")
			.notNull()
			.references(() => tenants.id, { onDelete: "cascade" }),
		dealId: text("deal_id")
			.notNull()
			.references(() => crmDeals.id, { onDelete: "cascade" }),
		contactId: text("contact_id").notNull(),
		createdAt: integer("created_at").notNull(),
	},
	(t) => [primaryKey({ columns: [t.dealId, t.contactId] }), index("crm_deal_contacts_tenant_contact_idx").on(t.tenantId, t.contactId)],
);

/** Every stage a deal entered: from (null on creation), to, when and by whom. */
export const crmDealStageHistory = sqliteTable(
	"crm_deal_stage_history",
	{
		id: text("id").primaryKey(),
		tenantId: text("tenant_id")
			.notNull()
			.references(() => tenants.id, { onDelete: "cascade" }),
		dealId: text("deal_id")
			.notNull()
			.references(() => crmDeals.id, { onDelete: "cascade" }),
		fromStageId: text("from_stage_id"),
		toStageId: text("to_stage_id").notNull(),
		at: integer("at").notNull(),
		byUserId: text("by_user_id").references(() => users.id, { onDelete: "set null" }),
	},
	(t) => [index("crm_deal_stage_history_tenant_deal_idx").on(t.tenantId, t.dealId, t.at)],
);

export type CrmPipeline = typeof crmPipelines.$inferSelect;
export type CrmStage = typeof crmStages.$inferSelect;
export type CrmDeal = typeof crmDeals.$inferSelect;
export type CrmDealStageChange = typeof crmDealStageHistory.$inferSelect;
