/**
 * ChatSession: one Durable Object per assistant conversation. It keeps the message tree, runs the
 * replies one at a time in the order they were sent (two tabs sending at once queue, never
 * interleave), streams every token to every connected client, and pays for each reply through
 * the tenant's TenantGate: one reservation per reply (keyed by its id) before the call, settled
 * once with the reported usage (or what was generated before Stop), released when nothing came.
 * A reply goes through the agency's own provider keys when the send carries them (each replaces
 * the deployment's provider of its kind), else through the deployment's.
 * Its streams follow access: the tenant's MessagingHub knows which sessions stream from here and
 * ends them (`endStreams`) when a session is revoked or its person loses the assistant.
 */
import { DurableObject } from "cloudflare:workers";
import { type AiModel, ASSISTANT_LIMITS, creditsFor, estimateTokens, modelById } from "../schema/ai-models";
import type { ChatMessage, ConversationTree, SendInput, SendResult, StreamEvent } from "../schema/assistant";
import { newId } from "../worker/lib/ids";
import { tenantBreakers } from "../worker/services/assistant/circuit-breaker";
import { generateWithFallback, type Usage } from "../worker/services/assistant/fallback";
import {
	type AssistantEnv,
	configuredProviders,
	firstTokenTimeoutMs,
	type ProviderRegistry,
} from "../worker/services/assistant/providers/registry";
import type { ChatTurn } from "../worker/services/assistant/providers/types";
import { indexMessages } from "../worker/services/assistant/search-index";
import { MessageTree } from "./message-tree";
import { ReplyStream, type StreamViewer } from "./reply-stream";

/** Who opens a stream, and of which tenant's conversation (for the hub that tracks it). */
export type StreamOpener = StreamViewer & { tenantId: string; conversationId: string };

const FEATURE = "assistant";
const WITHHELD = "[Withheld by your agency's content rules]";
const SYSTEM_PROMPT = "You are the assistant of an agency's client portal. Answer clearly and briefly.";

type Job = {
	replyId: string;
	tenantId: string;
	model: AiModel;
	providers: ProviderRegistry;
	reservationId: string | null;
	context: string[];
	blockedTerms: string[];
};

export class ChatSession extends DurableObject<Env> {
	private tree!: MessageTree;
	private readonly stream = new ReplyStream((viewer) => this.viewerLeft(viewer));
	/** The conversation streams are open on (set by `subscribe`), so a stream that ends can be untracked. */
	private streamOwner: { tenantId: string; conversationId: string } | null = null;
	private readonly queue: Job[] = [];
	private running: { replyId: string; controller: AbortController; text: string } | null = null;

	constructor(ctx: DurableObjectState, env: Env) {
		super(ctx, env);
		ctx.blockConcurrencyWhile(async () => {
			this.tree = new MessageTree(ctx.storage.sql);
			await this.recoverUnfinished();
		});
	}

	/** The whole tree; a reply in progress shows what has been generated so far. */
	getTree(): ConversationTree {
		const messages = this.tree.all().map((m) => (this.running?.replyId === m.id ? { ...m, content: this.running.text } : m));
		return { messages, activeLeafId: this.tree.getMeta("active_leaf") };
	}

	/**
	 * Checks the rate limits, reserves credits, appends the user message and a pending reply, and
	 * queues the reply. Refusals come back as values before anything is stored.
	 */
	async send(input: SendInput, now = Date.now()): Promise<SendResult> {
		const replayed = this.replayOf(input.idempotencyKey);
		if (replayed) return replayed;
		const model = modelById(input.modelId, input.agencyModels);
		const providers = configuredProviders(this.env as Env & AssistantEnv, input.credentials);
		if (!model?.chain.some((t) => providers.has(t.provider))) return { ok: false, reason: "no-provider", modelId: input.modelId };
		const parentId = input.parentId === undefined ? this.tree.getMeta("active_leaf") : input.parentId;
		if (parentId !== null && !this.tree.get(parentId)) return { ok: false, reason: "parent-not-found", parentId };

		const history = parentId === null ? [] : this.tree.pathTo(parentId);
		const estimatedInput = estimateTokens([SYSTEM_PROMPT, ...history.map((m) => m.content), input.content].join("\n"));
		const gate = this.env.TENANT_GATE.getByName(input.tenantId);
		const limits = ASSISTANT_LIMITS[input.planId];
		const userMessageId = newId(now);
		const replyId = newId(now);
		const estimate = creditsFor(model, estimatedInput, model.maxOutputTokens);
		// The per-minute and per-day limits, then the reservation: one call to the gate (one storage confirmation).
		const admitted = await gate.admit(
			{
				buckets: [
					{
						key: `assistant:rpm:${input.userId}`,
						rule: { capacity: limits.requestsPerMinute, refillPerSecond: limits.requestsPerMinute / 60 },
						cost: 1,
					},
					{
						key: `assistant:tpd:${input.userId}`,
						rule: { capacity: limits.tokensPerDay, refillPerSecond: limits.tokensPerDay / 86_400 },
						cost: Math.min(limits.tokensPerDay, estimatedInput + model.maxOutputTokens),
					},
				],
				reserve:
					estimate > 0
						? { amount: estimate, idempotencyKey: `assistant:reserve:${replyId}`, feature: FEATURE, userId: input.userId }
						: null,
			},
			now,
		);
		if (!admitted.ok && admitted.refusedBucket !== null)
			return {
				ok: false,
				reason: "rate-limited",
				retryAfterMs: admitted.take.retryAfterMs,
				limit: admitted.refusedBucket === 0 ? "requests-per-minute" : "tokens-per-day",
			};
		if (!admitted.ok) {
			const refused = admitted.reserve;
			if (refused.reason === "insufficient-credits")
				return { ok: false, reason: "insufficient-credits", balance: refused.balance, available: refused.available, required: estimate };
			throw new Error(`credit reservation refused: ${refused.reason}`);
		}
		const reservationId = admitted.reservation?.reservationId ?? null;

		// The same key may have been sent again while this one awaited the gate: answer with the first.
		const raced = this.replayOf(input.idempotencyKey);
		if (raced) {
			await this.releaseReservation({ tenantId: input.tenantId, reservationId, replyId }, "a repeated send");
			return raced;
		}
		// Read the active leaf again: another send may have appended while this one awaited the gate.
		const finalParentId = input.parentId === undefined ? this.tree.getMeta("active_leaf") : parentId;
		this.ctx.storage.transactionSync(() => {
			this.tree.add({
				id: userMessageId,
				parentId: finalParentId,
				role: "user",
				content: input.content,
				status: "done",
				modelId: null,
				createdAt: now,
			});
			this.tree.add({
				id: replyId,
				parentId: userMessageId,
				role: "assistant",
				content: "",
				status: "pending",
				modelId: model.id,
				reservationId,
				createdAt: now,
			});
			this.tree.setMeta("active_leaf", replyId);
			this.tree.setMeta("tenant_id", input.tenantId);
			this.tree.setMeta("conversation_id", input.conversationId);
			if (input.idempotencyKey) this.tree.setMeta(`send:${input.idempotencyKey}`, JSON.stringify([userMessageId, replyId]));
		});
		const userMessage = this.must(userMessageId);
		const reply = this.must(replyId);
		this.stream.publish({ type: "message", message: userMessage });
		this.stream.publish({ type: "message", message: reply });
		this.queue.push({
			replyId,
			tenantId: input.tenantId,
			model,
			providers,
			reservationId,
			context: input.context ?? [],
			blockedTerms: input.blockedTerms ?? [],
		});
		// Nothing else is awaited here: the provider call starts now, and the user message reaches the
		// search index with its reply (one D1 write per reply, after the last token, off the first token's way).
		this.pump();
		return { ok: true, userMessage, reply };
	}

	/** The pair a send with this Idempotency-Key already created, or null. */
	private replayOf(key: string | undefined): SendResult | null {
		const stored = key ? this.tree.getMeta(`send:${key}`) : null;
		if (!stored) return null;
		const [userMessageId, replyId] = JSON.parse(stored) as [string, string];
		return { ok: true, userMessage: this.must(userMessageId), reply: this.must(replyId) };
	}

	/** Stops the reply being generated (keeping and charging what it produced) and cancels queued ones. */
	async stop(): Promise<{ stopped: string[] }> {
		const stopped: string[] = [];
		for (const job of this.queue.splice(0)) {
			await this.releaseReservation(job, "stopped before it started");
			this.tree.complete(job.replyId, {
				content: "",
				status: "stopped",
				provider: null,
				providerModel: null,
				usage: null,
				attempts: [],
				error: null,
			});
			await this.index(this.withQuestion(this.must(job.replyId)));
			this.stream.publish({ type: "done", message: this.must(job.replyId) });
			stopped.push(job.replyId);
		}
		if (this.running) {
			stopped.unshift(this.running.replyId);
			this.running.controller.abort();
		}
		return { stopped };
	}

	/** An SSE stream of this conversation's events; `lastEventId` resumes exactly where a client left off. */
	subscribe(lastEventId: number | null, opener: StreamOpener): ReadableStream<Uint8Array> {
		this.streamOwner = { tenantId: opener.tenantId, conversationId: opener.conversationId };
		const viewer = { sessionId: opener.sessionId, userId: opener.userId };
		return this.stream.subscribe(lastEventId, viewer, (): StreamEvent => ({ type: "snapshot", tree: this.getTree() }));
	}

	/** Ends the streams these sessions opened (revoked, or their person lost the assistant); how many ended. */
	endStreams(sessionIds: string[]): number {
		const ending = new Set(sessionIds);
		return this.stream.end((viewer) => ending.has(viewer.sessionId));
	}

	/** A session's last stream here went away: the hub need not reach this object for it any more. */
	private viewerLeft(viewer: StreamViewer): void {
		const owner = this.streamOwner;
		if (!owner || this.stream.hasSession(viewer.sessionId)) return;
		this.env.MESSAGING_HUB.getByName(owner.tenantId)
			.untrackStream(viewer.sessionId, owner.conversationId)
			.catch((error: unknown) => console.error("chat-session: untrack failed", String(error)));
	}

	/** Appends imported messages (already finished) in order; refused once the conversation has messages. */
	async importMessages(
		owner: { tenantId: string; conversationId: string },
		messages: { role: "user" | "assistant"; content: string; createdAt: number }[],
	): Promise<ConversationTree> {
		if (this.tree.count() > 0) throw new Error("import only into an empty conversation");
		this.ctx.storage.transactionSync(() => {
			this.tree.setMeta("tenant_id", owner.tenantId);
			this.tree.setMeta("conversation_id", owner.conversationId);
			let parentId: string | null = null;
			for (const message of messages) {
				const id = newId(message.createdAt);
				this.tree.add({
					id,
					parentId,
					role: message.role,
					content: message.content,
					status: "done",
					modelId: null,
					createdAt: message.createdAt,
				});
				parentId = id;
			}
			if (parentId) this.tree.setMeta("active_leaf", parentId);
		});
		const tree = this.getTree();
		await this.index(tree.messages);
		return tree;
	}

	/**
	 * Puts messages' final text in the D1 search index. A failed write never fails the chat: the
	 * message is stored here either way, it is only missing from search (logged by id, not text).
	 */
	private async index(messages: readonly ChatMessage[]): Promise<void> {
		const tenantId = this.tree.getMeta("tenant_id");
		const conversationId = this.tree.getMeta("conversation_id");
		if (!tenantId || !conversationId) return;
		try {
			await indexMessages(
				this.env.DB,
				messages.map((m) => ({ tenantId, conversationId, messageId: m.id, content: m.content })),
			);
		} catch (error) {
			console.error("assistant search index write failed", { conversationId, messages: messages.map((m) => m.id), error: String(error) });
		}
	}

	/** The user message a reply answers (when it is one), then the reply: what one search index write holds. */
	private withQuestion(reply: ChatMessage): ChatMessage[] {
		const question = reply.parentId ? this.tree.get(reply.parentId) : undefined;
		return question?.role === "user" ? [this.must(question.id), reply] : [reply];
	}

	/** Runs queued replies one at a time, in order. */
	private pump(): void {
		if (this.running || this.queue.length === 0) return;
		const job = this.queue.shift();
		if (!job) return;
		this.running = { replyId: job.replyId, controller: new AbortController(), text: "" };
		void this.generate(job).finally(() => {
			this.running = null;
			this.pump();
		});
	}

	private async generate(job: Job): Promise<void> {
		const running = this.running;
		if (!running) return;
		this.stream.restartBuffer();
		this.tree.setStatus(job.replyId, "streaming");
		this.stream.publish({ type: "message", message: this.must(job.replyId) });
		const reply = this.must(job.replyId);
		const history = reply.parentId ? this.tree.pathTo(reply.parentId) : [];
		const messages: ChatTurn[] = [
			{ role: "system", content: SYSTEM_PROMPT },
			...job.context.map((note) => ({ role: "system" as const, content: note })),
			...history.filter((m) => m.content !== "").map((m) => ({ role: m.role, content: m.content })),
		];
		const result = await generateWithFallback({
			model: job.model,
			messages,
			providers: job.providers,
			breakers: tenantBreakers(job.tenantId),
			firstTokenTimeoutMs: firstTokenTimeoutMs(this.env as Env & AssistantEnv),
			stop: running.controller.signal,
			onDelta: (text) => {
				running.text += text;
				this.stream.publish({ type: "delta", messageId: job.replyId, text });
			},
		});
		const charged = await this.pay(job, result.text === "" && result.status !== "done" ? null : result.usage);
		// Moderation of the output: a reply containing a blocked term is withheld (it is still charged).
		const blocked = job.blockedTerms.find((term) => term !== "" && result.text.toLowerCase().includes(term));
		this.tree.complete(job.replyId, {
			content: blocked ? WITHHELD : result.text,
			status: result.status,
			provider: result.provider,
			providerModel: result.providerModel,
			usage: result.text === "" && result.status !== "done" ? null : { ...result.usage, credits: charged },
			attempts: result.attempts,
			error: blocked ? "The reply contained a term your agency blocks." : result.error,
		});
		const finished = this.must(job.replyId);
		await this.index(this.withQuestion(finished));
		this.stream.publish({ type: "done", message: finished });
	}

	/** Settles the reply's reservation for `usage`, or releases it when nothing was generated. Returns the credits charged. */
	private async pay(job: Job, usage: Usage | null): Promise<number> {
		if (usage === null) {
			await this.releaseReservation(job, "nothing was generated");
			return 0;
		}
		const actual = creditsFor(job.model, usage.inputTokens, usage.outputTokens);
		if (!job.reservationId) return 0;
		const settled = await this.env.TENANT_GATE.getByName(job.tenantId).settleCredits({
			reservationId: job.reservationId,
			actual,
			idempotencyKey: `assistant:settle:${job.replyId}`,
			model: job.model.id,
		});
		return settled.ok ? settled.charged : 0;
	}

	private async releaseReservation(job: Pick<Job, "tenantId" | "reservationId" | "replyId">, reason: string): Promise<void> {
		if (!job.reservationId) return;
		await this.env.TENANT_GATE.getByName(job.tenantId).releaseCredits({
			reservationId: job.reservationId,
			idempotencyKey: `assistant:release:${job.replyId}`,
			reason: `assistant: ${reason}, nothing charged`,
		});
	}

	/** Replies cut off by a restart are marked failed and their credits released (or settled for what was kept). */
	private async recoverUnfinished(): Promise<void> {
		const tenantId = this.tree.getMeta("tenant_id");
		const interrupted: ChatMessage[] = [];
		for (const reply of this.tree.unfinished()) {
			if (tenantId)
				await this.releaseReservation({ tenantId, reservationId: reply.reservationId, replyId: reply.id }, "interrupted by a restart");
			this.tree.complete(reply.id, {
				content: reply.content,
				status: "failed",
				provider: null,
				providerModel: null,
				usage: null,
				attempts: [],
				error: "The reply was interrupted; send it again.",
			});
			interrupted.push(...this.withQuestion(this.must(reply.id)));
		}
		// Their questions (and what was kept) were never indexed: a reply indexes its question when it ends.
		if (interrupted.length > 0) await this.index(interrupted);
	}

	private must(id: string): ChatMessage {
		const message = this.tree.get(id);
		if (!message) throw new Error(`message ${id} vanished`);
		const { reservationId: _, ...view } = message;
		return view;
	}
}
