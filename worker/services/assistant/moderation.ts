/**
 * Content rules an agency can switch on: a blocked-terms list checked on prompts (refused) and
 * replies (flagged), plus the OpenAI moderation endpoint for prompts when a key is configured.
 * Also the "log content" opt-in: without it, prompts and replies never reach the logs.
 */
import { eq } from "drizzle-orm";
import { assistantSettings } from "../../../schema/index";
import type { TenantScope } from "../../lib/db";

export type AssistantSettings = { moderationEnabled: boolean; blockedTerms: string[]; logContent: boolean };

export const DEFAULT_SETTINGS: AssistantSettings = { moderationEnabled: false, blockedTerms: [], logContent: false };

export async function readSettings(scope: TenantScope): Promise<AssistantSettings> {
	return settingsOfRow((await settingsQuery(scope))[0]);
}

/** The query behind `readSettings`, for a batch; its row goes through `settingsOfRow`. */
export function settingsQuery(scope: TenantScope) {
	return scope.db.select().from(assistantSettings).where(scope.where(assistantSettings)).limit(1);
}

export function settingsOfRow(row: typeof assistantSettings.$inferSelect | undefined): AssistantSettings {
	if (!row) return DEFAULT_SETTINGS;
	return { moderationEnabled: row.moderationEnabled, blockedTerms: JSON.parse(row.blockedTerms) as string[], logContent: row.logContent };
}

export async function writeSettings(scope: TenantScope, settings: AssistantSettings, now = Date.now()): Promise<void> {
	const values = {
		moderationEnabled: settings.moderationEnabled,
		blockedTerms: JSON.stringify(settings.blockedTerms.map((t) => t.toLowerCase())),
		logContent: settings.logContent,
		updatedAt: now,
	};
	await scope.db
		.insert(assistantSettings)
		.values({ tenantId: scope.tenantId, ...values })
		.onConflictDoUpdate({ target: assistantSettings.tenantId, set: values, where: eq(assistantSettings.tenantId, scope.tenantId) });
}

/** The first blocked term `text` contains, or null. */
export function blockedTermIn(text: string, terms: readonly string[]): string | null {
	const lower = text.toLowerCase();
	return terms.find((term) => term !== "" && lower.includes(term)) ?? null;
}

/** Asks the OpenAI moderation endpoint whether `text` is flagged; null when not configured or unreachable. */
export async function openAiFlags(text: string, env: { OPENAI_API_KEY?: string; OPENAI_BASE_URL?: string }): Promise<boolean | null> {
	if (!env.OPENAI_API_KEY) return null;
	const base = (env.OPENAI_BASE_URL || "https://api.openai.com/v1").replace(/\/$/, "");
	try {
		const response = await fetch(`${base}/moderations`, {
			method: "POST",
			headers: { Authorization: `Bearer ${env.OPENAI_API_KEY}`, "Content-Type": "application/json" },
			body: JSON.stringify({ model: "omni-moderation-latest", input: text }),
		});
		if (!response.ok) return null;
		const body = (await response.json()) as { results?: { flagged: boolean }[] };
		return body.results?.some((r) => r.flagged) ?? null;
	} catch {
		return null;
	}
}
