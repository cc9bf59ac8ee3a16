/**
 * The assistant's contract, shared by the Worker, the ChatSession Durable Object and the PWA:
 * message views, the conversation tree, what a send answers, and the events of the reply stream
 * (a discriminated union, one SSE event each).
 */
import { z } from "zod";
import { type AiModel, PROVIDER_IDS, type ProviderCredential } from "./ai-models";

export const MESSAGE_ROLES = ["user", "assistant"] as const;
export const MESSAGE_STATUSES = ["done", "pending", "streaming", "stopped", "failed"] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

export const ProviderAttempt = z.object({
	provider: z.enum(PROVIDER_IDS),
	model: z.string(),
	outcome: z.enum(["answered", "error", "timeout", "rate-limited", "circuit-open"]),
	detail: z.string().optional(),
});
export type ProviderAttempt = z.infer<typeof ProviderAttempt>;

export const ChatMessage = z
	.object({
		id: z.string(),
		parentId: z.string().nullable(),
		role: z.enum(MESSAGE_ROLES),
		content: z.string(),
		status: z.enum(MESSAGE_STATUSES),
		/** The catalogue model asked for (assistant replies). */
		modelId: z.string().nullable(),
		/** The provider and its model that actually answered, after any fallback. */
		provider: z.enum(PROVIDER_IDS).nullable(),
		providerModel: z.string().nullable(),
		usage: z.object({ inputTokens: z.number().int(), outputTokens: z.number().int(), credits: z.number().int() }).nullable(),
		attempts: z.array(ProviderAttempt),
		error: z.string().nullable(),
		/** Messages with the same parent, this one included, oldest first: the branches at this point. */
		siblingIds: z.array(z.string()),
		createdAt: z.number().int(),
	})
	.meta({ id: "AssistantMessage" });
export type ChatMessage = z.infer<typeof ChatMessage>;

export const ConversationTree = z
	.object({ messages: z.array(ChatMessage), activeLeafId: z.string().nullable() })
	.meta({ id: "AssistantConversationTree" });
export type ConversationTree = z.infer<typeof ConversationTree>;

/** What the ChatSession answers to a send: the new pair, or why nothing was sent. */
export type SendResult =
	| { ok: true; userMessage: ChatMessage; reply: ChatMessage }
	| { ok: false; reason: "insufficient-credits"; balance: number; available: number; required: number }
	| { ok: false; reason: "rate-limited"; retryAfterMs: number; limit: "requests-per-minute" | "tokens-per-day" }
	| { ok: false; reason: "parent-not-found"; parentId: string }
	| { ok: false; reason: "no-provider"; modelId: string };

export type SendInput = {
	tenantId: string;
	/** The conversation's id in D1 (the search index names it). */
	conversationId: string;
	userId: string;
	content: string;
	modelId: string;
	planId: "starter" | "pro" | "agency";
	/** Reply under this message; undefined → at the end of the active branch (after queued replies). */
	parentId?: string | null;
	/** Notes from the Worker's context providers, given to the model as system messages. */
	context?: string[];
	/** The client's Idempotency-Key: a replayed send returns the first pair and changes nothing. */
	idempotencyKey?: string;
	/** With moderation on: terms a finished reply is checked for (a match withholds the reply). */
	blockedTerms?: string[];
	/** The agency's own provider keys, opened by the Worker: they replace the deployment's provider of their kind for this reply. */
	credentials?: ProviderCredential[];
	/** The models of the agency's OpenAI-compatible endpoint (ids `custom/…`), besides the catalogue. */
	agencyModels?: AiModel[];
};

/** One event of a conversation's reply stream. `snapshot` carries the whole tree (sent on connect when exact resume is impossible). */
export type StreamEvent =
	| { type: "snapshot"; tree: ConversationTree }
	| { type: "message"; message: ChatMessage }
	| { type: "delta"; messageId: string; text: string }
	| { type: "done"; message: ChatMessage };

export const ConversationSummary = z
	.object({ id: z.string(), title: z.string(), modelId: z.string(), createdAt: z.number().int(), updatedAt: z.number().int() })
	.meta({ id: "AssistantConversation" });

export const ConversationPage = z
	.object({ conversations: z.array(ConversationSummary), nextCursor: z.string().nullable() })
	.meta({ id: "AssistantConversationPage" });

export const ConversationWithTree = z
	.object({ conversation: ConversationSummary, tree: ConversationTree })
	.meta({ id: "AssistantConversationWithTree" });

export const ModelSummary = z
	.object({
		id: z.string(),
		label: z.string(),
		description: z.string(),
		local: z.boolean(),
		/** Where replies come from: the built-in demo model, the agency's own key, or the deployment's provider. */
		source: z.enum(["demo", "agency-key", "platform"]),
		creditsPer1kInput: z.number().int(),
		creditsPer1kOutput: z.number().int(),
		maxOutputTokens: z.number().int(),
	})
	.meta({ id: "AssistantModel" });

export const SendResponse = z.object({ userMessage: ChatMessage, reply: ChatMessage }).meta({ id: "AssistantSendResponse" });

export const PromptTemplateView = z
	.object({
		id: z.string(),
		title: z.string(),
		body: z.string(),
		shared: z.boolean(),
		variables: z.array(z.string()),
		canEdit: z.boolean(),
		updatedAt: z.number().int(),
	})
	.meta({ id: "AssistantPromptTemplate" });
export type PromptTemplateView = z.infer<typeof PromptTemplateView>;

export const AssistantSettingsView = z
	.object({ moderationEnabled: z.boolean(), blockedTerms: z.array(z.string().min(1).max(100)).max(500), logContent: z.boolean() })
	.meta({ id: "AssistantSettings" });

/** The {{variables}} of a template body, in order of first use. */
export function templateVariables(body: string): string[] {
	return [...new Set([...body.matchAll(/\{\{\s*([a-zA-Z][\w-]{0,40})\s*\}\}/g)].map((m) => m[1] ?? ""))];
}
