/**
 * Client onboarding: each agency's template (one row; absent means the built-in default), each
 * client's run with a snapshot of the template taken when it started, the state of each step of a
 * run, and signed agreements (written once, never updated).
 */
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { ONBOARDING_RUN_STATUSES, ONBOARDING_STEP_STATUSES } from "../onboarding";
import { clients } from "./clients";
import { tenants } from "./tenants";

const tenantId = () =>
	text("tenant_id")
		.notNull()
		.references(() => tenants.id, { onDelete: "cascade" });

export const onboardingTemplates = sqliteTable(
	"onboarding_templates",
	{
		id: text("id").primaryKey(),
		tenantId: tenantId(),
		/** JSON: the ordered steps (schema/dto/onboarding.ts TemplateStep[]). */
		steps: text("steps").notNull(),
		updatedBy: text("updated_by"),
		createdAt: integer("created_at").notNull(),
		updatedAt: integer("updated_at").notNull(),
	},
	(t) => [uniqueIndex("onboarding_templates_tenant_unique").on(t.tenantId)],
);

export const onboardingRuns = sqliteTable(
	"onboarding_runs",
	{
		id: text("id").primaryKey(),
		tenantId: tenantId(),
		clientId: text("client_id")
			.notNull()
			.references(() => clients.id, { onDelete: "cascade" }),
		/** JSON: the template's steps when the run started; later template edits never change it. */
		steps: text("steps").notNull(),
		status: text("status", { enum: ONBOARDING_RUN_STATUSES }).notNull().default("in_progress"),
		startedBy: text("started_by"),
		startedAt: integer("started_at").notNull(),
		completedAt: integer("completed_at"),
		updatedAt: integer("updated_at").notNull(),
	},
	(t) => [
		uniqueIndex("onboarding_runs_tenant_client_unique").on(t.tenantId, t.clientId),
		index("onboarding_runs_tenant_status_idx").on(t.tenantId, t.status, t.startedAt),
	],
);

export const onboardingStepStates = sqliteTable(
	"onboarding_step_states",
	{
		id: text("id").primaryKey(),
		tenantId: tenantId(),
		runId: text("run_id")
			.notNull()
			.references(() => onboardingRuns.id, { onDelete: "cascade" }),
		stepId: text("step_id").notNull(),
		status: text("status", { enum: ONBOARDING_STEP_STATUSES }).notNull().default("pending"),
		/** JSON: what was submitted (profile, answers, documents by slot, booking reference). */
		data: text("data").notNull().default("{}"),
		completedAt: integer("completed_at"),
		/** Who completed it: a person's email, `staff:<email>` or `system`. */
		completedBy: text("completed_by"),
		updatedAt: integer("updated_at").notNull(),
	},
	(t) => [uniqueIndex("onboarding_step_states_run_step_unique").on(t.tenantId, t.runId, t.stepId)],
);

/** A signed agreement: the exact text, its SHA-256, who signed, how, when, from where. Never updated. */
export const onboardingSignatures = sqliteTable(
	"onboarding_signatures",
	{
		id: text("id").primaryKey(),
		tenantId: tenantId(),
		runId: text("run_id")
			.notNull()
			.references(() => onboardingRuns.id, { onDelete: "cascade" }),
		clientId: text("client_id").notNull(),
		stepId: text("step_id").notNull(),
		signerUserId: text("signer_user_id"),
		signerName: text("signer_name").notNull(),
		method: text("method", { enum: ["typed", "drawn"] }).notNull(),
		/** The drawn signature as SVG path data (null when typed). */
		svgPath: text("svg_path"),
		signedText: text("signed_text").notNull(),
		textSha256: text("text_sha256").notNull(),
		signedAt: integer("signed_at").notNull(),
		ip: text("ip"),
		userAgent: text("user_agent"),
	},
	(t) => [uniqueIndex("onboarding_signatures_run_step_unique").on(t.tenantId, t.runId, t.stepId)],
);

export type OnboardingRunRow = typeof onboardingRuns.$inferSelect;
export type OnboardingStepStateRow = typeof onboardingStepStates.$inferSelect;
export type OnboardingSignatureRow = typeof onboardingSignatures.$inferSelect;
