/**
 * An agency's own AI provider keys: saved only after the check call passes, sealed at rest under
 * the deployment's key ring (bound to the row), never returned (the last four characters are), and
 * opened only to answer a reply or re-run the check. Adding, replacing and removing a key are
 * audited; a save that changes nothing is not. Plaintext rows from before sealing, or rows sealed
 * under an older key, are resealed when opened.
 */
import { eq } from "drizzle-orm";
import { AI_MODELS, type AiKeyKind, compatibleModel, type ProviderCredential } from "../../../schema/ai-models";
import { AI_KEY_KIND_LABELS, type AiProviderKeyView, type SaveAiProviderKeyBody } from "../../../schema/dto/ai-provider-keys";
import { type AiProviderKeyRow, aiProviderKeys } from "../../../schema/index";
import type { PlanId } from "../../../schema/plans";
import type { TenantScope } from "../../lib/db";
import { newId } from "../../lib/ids";
import { checkOutboundUrl } from "../../lib/outbound-url-guard";
import { problems } from "../../lib/problem";
import { openStoredSecret, sealStoredSecret, secretContext } from "../../lib/secret-keys";
import { recordAudit, type Who } from "../audit/audit-log";
import { modelNames } from "./agency-models";
import { checkProviderKey } from "./provider-key-check";
import type { AssistantEnv } from "./providers/registry";

/** The models a key answers for: catalogue models whose chain uses its provider, or the endpoint's own. */
function offeredModels(row: AiProviderKeyRow, planId: PlanId): AiProviderKeyView["offeredModels"] {
	const models =
		row.kind === "openai-compatible"
			? modelNames(row).map(compatibleModel)
			: AI_MODELS.filter((m) => m.chain.some((t) => t.provider === row.kind));
	return models.map((m) => ({ id: m.id, label: m.label, allowed: m.plans.includes(planId), plans: [...m.plans] }));
}

export function toKeyView(row: AiProviderKeyRow, planId: PlanId): AiProviderKeyView {
	return {
		kind: row.kind,
		label: AI_KEY_KIND_LABELS[row.kind],
		lastFour: row.lastFour,
		baseUrl: row.baseUrl,
		models: modelNames(row),
		check: { status: row.checkStatus, detail: row.checkDetail, checkedAt: row.checkedAt },
		offeredModels: offeredModels(row, planId),
		createdAt: row.createdAt,
		updatedAt: row.updatedAt,
	};
}

export async function listProviderKeyRows(scope: TenantScope): Promise<AiProviderKeyRow[]> {
	return providerKeyRowsQuery(scope);
}

/** The query behind `listProviderKeyRows`, for a batch. */
export function providerKeyRowsQuery(scope: TenantScope) {
	return scope.db.select().from(aiProviderKeys).where(scope.where(aiProviderKeys)).orderBy(aiProviderKeys.kind);
}

async function findRow(scope: TenantScope, kind: AiKeyKind): Promise<AiProviderKeyRow | undefined> {
	return scope.db
		.select()
		.from(aiProviderKeys)
		.where(scope.where(aiProviderKeys, eq(aiProviderKeys.kind, kind)))
		.get();
}

async function openKey(scope: TenantScope, row: AiProviderKeyRow): Promise<string> {
	const context = secretContext.aiProviderKey(scope.tenantId, row.id);
	const opened = await openStoredSecret(row.sealedKey, context);
	if (opened.needsReseal) {
		const resealed = await sealStoredSecret(opened.plaintext, context);
		await scope.update(aiProviderKeys, { sealedKey: resealed }, eq(aiProviderKeys.id, row.id), eq(aiProviderKeys.sealedKey, row.sealedKey));
	}
	return opened.plaintext;
}

/** The agency's keys, opened, for the provider clients of a reply. */
export async function openCredentials(scope: TenantScope, rows: readonly AiProviderKeyRow[]): Promise<ProviderCredential[]> {
	return Promise.all(rows.map(async (row) => ({ kind: row.kind, apiKey: await openKey(scope, row), baseUrl: row.baseUrl })));
}

type CheckOutcome = { ok: true } | { ok: false; path: string; message: string };

/** The check, plus for an endpoint: every chosen model must be one it lists (when it lists any). */
async function runCheck(env: AssistantEnv, credential: ProviderCredential, models: readonly string[]): Promise<CheckOutcome> {
	const check = await checkProviderKey(env, credential);
	if (!check.ok || credential.kind !== "openai-compatible" || check.models.length === 0) return check;
	const missing = models.findIndex((m) => !check.models.includes(m));
	if (missing === -1) return check;
	const listed = check.models.slice(0, 5).join(", ") + (check.models.length > 5 ? ", …" : "");
	return { ok: false, path: `models.${missing}`, message: `is not served by this endpoint (it lists ${listed})` };
}

type SaveDeps = { env: AssistantEnv & { ENVIRONMENT: string } };

/**
 * Saves the agency's key of `kind` after checking it (422 naming the field when the check fails;
 * nothing changes). Leaving `apiKey` out keeps the stored key (to change an endpoint's address or models).
 */
export async function saveProviderKey(
	deps: SaveDeps,
	scope: TenantScope,
	who: Who,
	kind: AiKeyKind,
	input: SaveAiProviderKeyBody,
	planId: PlanId,
	now = Date.now(),
): Promise<AiProviderKeyView> {
	const existing = await findRow(scope, kind);
	const endpoint = kind === "openai-compatible";
	if (!endpoint && input.baseUrl !== undefined)
		throw problems.validation([{ path: "baseUrl", message: "is only for OpenAI-compatible endpoints" }]);
	if (!endpoint && input.models !== undefined)
		throw problems.validation([{ path: "models", message: "is only for OpenAI-compatible endpoints" }]);
	const baseUrl = endpoint ? (input.baseUrl ?? existing?.baseUrl ?? null) : null;
	const models = endpoint ? (input.models ?? (existing ? modelNames(existing) : [])) : [];
	const missing = [
		...(input.apiKey === undefined && !existing ? [{ path: "apiKey", message: "is required" }] : []),
		...(endpoint && baseUrl === null ? [{ path: "baseUrl", message: "is required for an OpenAI-compatible endpoint" }] : []),
		...(endpoint && models.length === 0 ? [{ path: "models", message: "must name at least one model" }] : []),
	];
	if (missing.length > 0) throw problems.validation(missing);
	if (baseUrl !== null) {
		const url = checkOutboundUrl(baseUrl, { allowLoopback: deps.env.ENVIRONMENT === "development" });
		if (!url.ok) throw problems.validation([{ path: "baseUrl", message: url.message }]);
	}
	if (new Set(models).size !== models.length) throw problems.validation([{ path: "models", message: "must not name a model twice" }]);
	const storedKey = existing ? await openKey(scope, existing) : null;
	const apiKey = input.apiKey ?? storedKey ?? "";

	const check = await runCheck(deps.env, { kind, apiKey, baseUrl }, models);
	if (!check.ok) throw problems.validation([{ path: check.path, message: check.message }]);

	const unchanged =
		existing !== undefined &&
		storedKey === apiKey &&
		existing.baseUrl === baseUrl &&
		JSON.stringify(modelNames(existing)) === JSON.stringify(models);
	const id = unchanged && existing ? existing.id : newId(now);
	const values = {
		sealedKey: unchanged && existing ? existing.sealedKey : await sealStoredSecret(apiKey, secretContext.aiProviderKey(scope.tenantId, id)),
		lastFour: apiKey.slice(-4),
		baseUrl,
		models: JSON.stringify(models),
		checkStatus: "passed" as const,
		checkDetail: null,
		checkedAt: now,
		updatedAt: now,
	};
	// A replaced key takes a new id (its seal is bound to the id); a race between two saves leaves the last one.
	const [row] = await scope.db
		.insert(aiProviderKeys)
		.values({ id, tenantId: scope.tenantId, kind, createdBy: who.actor.userId, createdAt: existing?.createdAt ?? now, ...values })
		.onConflictDoUpdate({ target: [aiProviderKeys.tenantId, aiProviderKeys.kind], set: { id, ...values } })
		.returning();
	if (!row) throw new Error("saving the provider key returned no row");
	if (!unchanged) {
		await recordAudit(
			scope,
			{
				action: "ai_provider_key.added",
				target: { type: "ai_provider_key", id: kind },
				detail: {
					kind,
					lastFour: row.lastFour,
					replaced: existing !== undefined,
					baseUrlHost: baseUrl === null ? null : new URL(baseUrl).host,
					models: models.join(", ") || null,
				},
				...who,
			},
			now,
		);
	}
	return toKeyView(row, planId);
}

/** Re-runs the check with the stored key and records the outcome (a failed check keeps the key). */
export async function recheckProviderKey(
	env: AssistantEnv,
	scope: TenantScope,
	kind: AiKeyKind,
	planId: PlanId,
	now = Date.now(),
): Promise<AiProviderKeyView> {
	const row = await findRow(scope, kind);
	if (!row) throw problems.notFound(`No ${AI_KEY_KIND_LABELS[kind]} key is connected.`);
	const check = await runCheck(env, { kind, apiKey: await openKey(scope, row), baseUrl: row.baseUrl }, modelNames(row));
	const set = {
		checkStatus: check.ok ? ("passed" as const) : ("failed" as const),
		checkDetail: check.ok ? null : `${check.path} ${check.message}`,
		checkedAt: now,
	};
	await scope.update(aiProviderKeys, set, eq(aiProviderKeys.id, row.id));
	return toKeyView({ ...row, ...set }, planId);
}

/** Removes the agency's key of `kind` (404 when there is none); replies fall back to the deployment's providers. */
export async function removeProviderKey(scope: TenantScope, who: Who, kind: AiKeyKind, now = Date.now()): Promise<void> {
	const [removed] = await scope.delete(aiProviderKeys, eq(aiProviderKeys.kind, kind)).returning();
	if (!removed) throw problems.notFound(`No ${AI_KEY_KIND_LABELS[kind]} key is connected.`);
	await recordAudit(
		scope,
		{
			action: "ai_provider_key.removed",
			target: { type: "ai_provider_key", id: kind },
			detail: { kind, lastFour: removed.lastFour },
			...who,
		},
		now,
	);
}
