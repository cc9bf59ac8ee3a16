/**
 * Handlers of a conversation's messages. A send is checked (owner, model, content rules), carries
 * the agency's own provider keys (opened here, never stored in the ChatSession), then the
 * ChatSession checks rate limits and reserves credits; its refusals become 402/429/422 here,
 * before any streaming starts. Prompts and replies are logged only if the agency opted in.
 */
import type { Context } from "hono";
import type { SendInput, SendResult } from "../../../schema/assistant";
import type { AppEnv } from "../../env";
import { createRouter } from "../../http/create-router";
import { tenantScope } from "../../lib/db";
import { tenantOf } from "../../lib/host-guards";
import { Problem, problems } from "../../lib/problem";
import { can, currentAuth, currentSession } from "../../middleware/require-permission";
import { agencyModels } from "../../services/assistant/agency-models";
import { type ContextAttachment, gatherContext } from "../../services/assistant/context";
import { DEFAULT_TITLE, findOwnedConversation, updateConversation } from "../../services/assistant/conversations";
import { modelsForAgency } from "../../services/assistant/models";
import { blockedTermIn, openAiFlags } from "../../services/assistant/moderation";
import { openCredentials } from "../../services/assistant/provider-keys";
import { openReplyStream } from "../../services/assistant/reply-streams";
import { readForSend } from "../../services/assistant/send-reads";
import { clientAccessFor } from "../../services/portal/client-access";
import { retryAfterSeconds } from "../../services/security/rate-limits";
import { chatSession, checkModel } from "./conversations.index";
import * as routes from "./messages.routes";

type SendRequest = {
	conversationId: string;
	content: string;
	modelId: string | undefined;
	parentId: string | null | undefined;
	idempotencyKey: string | undefined;
	about?: ContextAttachment;
};

/**
 * Awaits independent reads together and answers their values; when some fail, the first in list
 * order decides the error, as if they had been awaited one by one (a 404 for the conversation wins).
 */
async function inOrder<T extends readonly unknown[]>(reads: { [K in keyof T]: Promise<T[K]> }): Promise<T> {
	const settled = await Promise.allSettled(reads);
	const failed = settled.find((s) => s.status === "rejected");
	if (failed) throw failed.reason;
	return settled.map((s) => (s as PromiseFulfilledResult<unknown>).value) as unknown as T;
}

async function send(c: Context<AppEnv>, request: SendRequest) {
	const auth = currentAuth(c);
	const scope = tenantScope(c.get("db"), tenantOf(c).id);
	// Everything the checks and the prompt need is read at once (reads only), then checked in order:
	// the conversation, keys, plan and settings in one D1 batch, the portal context beside it.
	const [{ conversation, keys, planId, settings }, context] = await inOrder([
		readForSend(scope, auth.user.id, request.conversationId),
		clientAccessFor(scope, auth).then((access) =>
			gatherContext({
				scope,
				access,
				question: request.content,
				...(request.about ? { about: request.about } : {}),
				documents: { files: c.env.FILES, mayRead: can(auth, "documents:read") },
			}),
		),
	]);
	const agency = { keys, planId, models: modelsForAgency(c.env, keys, planId) };
	const modelId = request.modelId ?? conversation.modelId;
	await checkModel(c, modelId, agency.models);
	if (settings.moderationEnabled) {
		const term = blockedTermIn(request.content, settings.blockedTerms);
		const flagged = term === null ? await openAiFlags(request.content, c.env) : null;
		if (term !== null || flagged === true) {
			throw new Problem(
				422,
				"content-blocked",
				"Your agency's content rules refused this message",
				"content: contains something your agency blocks",
				{
					errors: [{ path: "content", message: "contains something your agency blocks" }],
				},
			);
		}
	}
	const input: SendInput = {
		tenantId: scope.tenantId,
		conversationId: conversation.id,
		userId: auth.user.id,
		content: request.content,
		modelId,
		planId: agency.planId,
		context,
		...(settings.moderationEnabled ? { blockedTerms: settings.blockedTerms } : {}),
		...(agency.keys.length > 0 ? { credentials: await openCredentials(scope, agency.keys), agencyModels: agencyModels(agency.keys) } : {}),
		...(request.idempotencyKey ? { idempotencyKey: `${auth.user.id}:${request.idempotencyKey}` } : {}),
		...(request.parentId !== undefined ? { parentId: request.parentId } : {}),
	};
	const result = await chatSession(c, request.conversationId).send(input);
	if (!result.ok) throw refusal(result, can(auth, "billing:manage"));
	const now = Date.now();
	await updateConversation(scope, conversation.id, {
		updatedAt: now,
		...(conversation.title === DEFAULT_TITLE ? { title: request.content.replace(/\s+/g, " ").slice(0, 60) } : {}),
	});
	const log = c.get("log");
	if (settings.logContent) log.info("assistant message", { conversationId: conversation.id, content: request.content });
	else log.info("assistant message", { conversationId: conversation.id, characters: request.content.length });
	return c.json({ userMessage: result.userMessage, reply: result.reply }, 202);
}

/** What to do next when credits run short: top up (with the link) for who manages billing; ask them, or use the free model, for everyone else. */
function insufficientCredits(result: Extract<SendResult, { reason: "insufficient-credits" }>, mayTopUp: boolean): Problem {
	const needed = `This message needs up to ${result.required} credits; ${result.available} are available.`;
	const amounts = { balance: result.balance, available: result.available, required: result.required };
	return mayTopUp
		? new Problem(402, "insufficient-credits", "Not enough credits", `${needed} Top up or upgrade to continue.`, {
				extensions: { ...amounts, topUpUrl: "/billing" },
			})
		: new Problem(
				402,
				"insufficient-credits",
				"Not enough credits",
				`${needed} Ask whoever manages your agency's billing to top up, or choose the free local model.`,
				{ extensions: amounts },
			);
}

function refusal(result: Extract<SendResult, { ok: false }>, mayTopUp: boolean): Problem {
	switch (result.reason) {
		case "insufficient-credits":
			return insufficientCredits(result, mayTopUp);
		case "rate-limited":
			return problems.rateLimited(
				retryAfterSeconds({ allowed: false, retryAfterMs: result.retryAfterMs }),
				result.limit === "requests-per-minute"
					? "You are sending messages faster than your plan allows. Try again shortly."
					: "You have used today's assistant tokens for your plan.",
			);
		case "parent-not-found":
			return problems.validation([{ path: "parentId", message: "is not a message of this conversation" }]);
		case "no-provider":
			return problems.validation([{ path: "modelId", message: "has no provider available right now" }]);
	}
}

export const messagesRouter = createRouter()
	.openapi(routes.sendMessage, async (c) => {
		const { id } = c.req.valid("param");
		const body = c.req.valid("json");
		return send(c, {
			conversationId: id,
			content: body.content,
			modelId: body.modelId,
			parentId: body.parentId,
			idempotencyKey: c.req.valid("header")["idempotency-key"],
			...(body.about ? { about: body.about } : {}),
		});
	})
	.openapi(routes.editMessage, async (c) => {
		const { id, messageId } = c.req.valid("param");
		const body = c.req.valid("json");
		await findOwnedConversation(tenantScope(c.get("db"), tenantOf(c).id), currentAuth(c).user.id, id);
		const tree = await chatSession(c, id).getTree();
		const original = tree.messages.find((m) => m.id === messageId);
		if (original?.role !== "user") throw problems.notFound("There is no user message with this id in the conversation.");
		return send(c, {
			conversationId: id,
			content: body.content,
			modelId: body.modelId,
			parentId: original.parentId,
			idempotencyKey: c.req.valid("header")["idempotency-key"],
		});
	})
	.openapi(routes.stopReply, async (c) => {
		const { id } = c.req.valid("param");
		await findOwnedConversation(tenantScope(c.get("db"), tenantOf(c).id), currentAuth(c).user.id, id);
		return c.json(await chatSession(c, id).stop(), 200);
	})
	.openapi(routes.streamReplies, async (c) => {
		const { id } = c.req.valid("param");
		const lastEventId = c.req.valid("header")["last-event-id"];
		// A stream belongs to the session that opened it, so revoking that session ends it.
		const session = currentSession(c);
		const stream = await openReplyStream(
			c.env,
			tenantScope(c.get("db"), tenantOf(c).id),
			{ sessionId: session.sessionId, userId: session.user.id },
			id,
			lastEventId === undefined ? null : Number(lastEventId),
		);
		return new Response(stream, {
			status: 200,
			headers: { "Content-Type": "text/event-stream; charset=utf-8", "Cache-Control": "no-cache, no-transform", "X-Accel-Buffering": "no" },
		}) as never;
	});
