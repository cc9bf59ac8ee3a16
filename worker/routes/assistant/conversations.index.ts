/** Handlers of the assistant's models and conversations. Every conversation route starts with the owner check. */

import type { Context } from "hono";
import { LOCAL_MODEL_ID } from "../../../schema/ai-models";
import type { AppEnv } from "../../env";
import { createRouter } from "../../http/create-router";
import { tenantScope } from "../../lib/db";
import { tenantOf } from "../../lib/host-guards";
import { problems } from "../../lib/problem";
import { currentAuth } from "../../middleware/require-permission";
import {
	createConversation,
	findOwnedConversation,
	listConversations,
	tenantPlan,
	toView,
	updateConversation,
} from "../../services/assistant/conversations";
import { agencyProviderIds, modelSource, modelsForAgency, toModelView } from "../../services/assistant/models";
import { listProviderKeyRows } from "../../services/assistant/provider-keys";
import { chatSessionName } from "../../services/assistant/reply-streams";
import { removeConversationFromIndex } from "../../services/assistant/search-index";
import { fromAtrium, fromChatGpt, toAtriumJson, toMarkdown } from "../../services/assistant/transfer";
import * as routes from "./conversations.routes";

/** The agency's own provider keys (not opened) and plan: what decides the models it may use. */
export async function agencyAssistant(c: Context<AppEnv>) {
	const tenantId = tenantOf(c).id;
	const [keys, planId] = await Promise.all([listProviderKeyRows(tenantScope(c.get("db"), tenantId)), tenantPlan(c.get("db"), tenantId)]);
	return { keys, planId, models: modelsForAgency(c.env, keys, planId) };
}

/** Refuses a model the plan does not allow, naming the field. */
export async function checkModel(c: Context<AppEnv>, modelId: string, models?: readonly { id: string }[]): Promise<void> {
	const allowed = models ?? (await agencyAssistant(c)).models;
	if (!allowed.some((m) => m.id === modelId)) throw problems.validation([{ path: "modelId", message: "is not a model your plan allows" }]);
}

export function chatSession(c: Context<AppEnv>, conversationId: string) {
	return c.env.CHAT_SESSIONS.getByName(chatSessionName(tenantOf(c).id, conversationId));
}

export const conversationsRouter = createRouter()
	.openapi(routes.listModels, async (c) => {
		const { keys, models } = await agencyAssistant(c);
		const providers = agencyProviderIds(c.env, keys);
		const agencyKinds = new Set(keys.map((k) => k.kind));
		// The agency's own key, when it has one, answers by default.
		const defaultModel =
			models.find((m) => modelSource(m, providers, agencyKinds) === "agency-key") ?? models.find((m) => !m.local) ?? models[0];
		return c.json(
			{
				models: models.map((m) => toModelView(m, modelSource(m, providers, agencyKinds))),
				defaultModelId: defaultModel?.id ?? LOCAL_MODEL_ID,
			},
			200,
		);
	})
	.openapi(routes.listConversations, async (c) => {
		const { q, cursor, limit } = c.req.valid("query");
		const scope = tenantScope(c.get("db"), tenantOf(c).id);
		return c.json(
			await listConversations(scope, currentAuth(c).user.id, { query: q, cursor: cursor ? Number(cursor) : undefined, limit }),
			200,
		);
	})
	.openapi(routes.createConversation, async (c) => {
		const body = c.req.valid("json");
		const modelId = body.modelId ?? LOCAL_MODEL_ID;
		await checkModel(c, modelId);
		const scope = tenantScope(c.get("db"), tenantOf(c).id);
		const row = await createConversation(scope, currentAuth(c).user.id, { title: body.title, modelId });
		return c.json(toView(row), 201);
	})
	.openapi(routes.getConversation, async (c) => {
		const { id } = c.req.valid("param");
		const row = await findOwnedConversation(tenantScope(c.get("db"), tenantOf(c).id), currentAuth(c).user.id, id);
		return c.json({ conversation: toView(row), tree: await chatSession(c, id).getTree() }, 200);
	})
	.openapi(routes.renameConversation, async (c) => {
		const { id } = c.req.valid("param");
		const body = c.req.valid("json");
		const scope = tenantScope(c.get("db"), tenantOf(c).id);
		const row = await findOwnedConversation(scope, currentAuth(c).user.id, id);
		if (body.modelId !== undefined) await checkModel(c, body.modelId);
		const set = { ...(body.title ? { title: body.title } : {}), ...(body.modelId ? { modelId: body.modelId } : {}), updatedAt: Date.now() };
		await updateConversation(scope, id, set);
		return c.json(toView({ ...row, ...set }), 200);
	})
	.openapi(routes.deleteConversation, async (c) => {
		const { id } = c.req.valid("param");
		const scope = tenantScope(c.get("db"), tenantOf(c).id);
		await findOwnedConversation(scope, currentAuth(c).user.id, id);
		await chatSession(c, id).stop();
		await updateConversation(scope, id, { deletedAt: Date.now() });
		await removeConversationFromIndex(scope, id);
		return c.body(null, 204);
	})
	.openapi(routes.exportConversation, async (c) => {
		const { id } = c.req.valid("param");
		const { format } = c.req.valid("query");
		const row = await findOwnedConversation(tenantScope(c.get("db"), tenantOf(c).id), currentAuth(c).user.id, id);
		const tree = await chatSession(c, id).getTree();
		const filename = `${row.title.replace(/[^\w -]+/g, "").trim() || "conversation"}.${format === "json" ? "json" : "md"}`;
		c.header("Content-Disposition", `attachment; filename="${filename}"`);
		if (format === "markdown") return c.body(toMarkdown(toView(row), tree), 200, { "Content-Type": "text/markdown; charset=utf-8" });
		return c.json(toAtriumJson(toView(row), tree), 200);
	})
	.openapi(routes.importConversations, async (c) => {
		const { format, data } = c.req.valid("json");
		const parsed = format === "chatgpt" ? fromChatGpt(data) : fromAtrium(data);
		if (!Array.isArray(parsed)) throw problems.validation([parsed]);
		if (parsed.length > 100) throw problems.validation([{ path: "data", message: "must hold at most 100 conversations per import" }]);
		const scope = tenantScope(c.get("db"), tenantOf(c).id);
		const imported = [];
		for (const item of parsed) {
			const row = await createConversation(scope, currentAuth(c).user.id, { title: item.title, modelId: LOCAL_MODEL_ID });
			await chatSession(c, row.id).importMessages({ tenantId: scope.tenantId, conversationId: row.id }, item.messages);
			imported.push(toView(row));
		}
		return c.json({ conversations: imported }, 201);
	});
