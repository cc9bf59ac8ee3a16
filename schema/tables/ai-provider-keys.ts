/**
 * An agency's own AI provider keys: at most one per kind (OpenAI, Anthropic, one OpenAI-compatible
 * endpoint). The key is sealed at rest (worker/lib/secret-box.ts, bound to the row) and never
 * leaves the Worker again; only its last four characters are shown. Saved only after a check call
 * passed; `check_*` records the latest check.
 */
import { integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { AI_KEY_KINDS } from "../ai-models";
import { tenants } from "./tenants";

export const aiProviderKeys = sqliteTable(
	"ai_provider_keys",
	{
		id: text("id").primaryKey(),
		tenantId: text("tenant_id")
			.notNull()
			.references(() => tenants.id, { onDelete: "cascade" }),
		kind: text("kind", { enum: AI_KEY_KINDS }).notNull(),
		/** `enc:v1:…` sealed under the deployment's key ring, context `ai-provider-key:<tenant>:<id>`. */
		sealedKey: text("sealed_key").notNull(),
		lastFour: text("last_four").notNull(),
		/** OpenAI-compatible endpoints only: the base URL (…/v1) the Worker calls through the outbound guard. */
		baseUrl: text("base_url"),
		/** OpenAI-compatible endpoints only: JSON array of the model names the agency offers from it. */
		models: text("models").notNull().default("[]"),
		checkStatus: text("check_status", { enum: ["passed", "failed"] }).notNull(),
		/** Why the latest check failed (never the key itself). */
		checkDetail: text("check_detail"),
		checkedAt: integer("checked_at").notNull(),
		createdBy: text("created_by"),
		createdAt: integer("created_at").notNull(),
		updatedAt: integer("updated_at").notNull(),
	},
	(t) => [uniqueIndex("ai_provider_keys_tenant_kind_idx").on(t.tenantId, t.kind)],
);

export type AiProviderKeyRow = typeof aiProviderKeys.$inferSelect;
