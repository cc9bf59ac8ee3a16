/**
 * MessagingHub: one Durable Object per tenant that holds every live messaging socket of that agency
 * (hibernation API, so idle sockets cost nothing) and fans events out by tag: `thread:<id>` (a
 * thread view), `user:<id>` (one person's tabs), `session:<id>` (one sign-in's tabs),
 * and, on navigation sockets only, `audience:staff` / `audience:client:<id>` (whose unread badges a
 * thread's message moves) and `badges:<userId>` (see `socketTags`). Each event is serialised once
 * and the same text sent to every socket; nothing per delivery reads D1 or awaits. Per
 * tenant rather than per thread because the navigation badge needs one socket per tab for every
 * thread a person can see; an agency's live sockets fit one object comfortably, and tenants never
 * share one.
 *
 * Sockets follow access, not the moment of connection: the session, role, client link and thread
 * are checked again from D1 when a socket opens and before every frame (post, typing, read), and a
 * "no" closes the socket (4401 session ended, 4403 access removed) having changed nothing. The
 * services that revoke access call `closeForSessions`, `closeForUser` or `refreshUsers` here, which
 * also end the tenant's assistant reply streams of those sessions (tracked in `LiveStreams`), so one
 * call reaches every live channel of a person. Posts and reads go through the same services as REST
 * (access rule, plan gate, idempotent ids), with D1 as the durable record.
 * `fetch` exists only to accept the WebSocket upgrade (a socket cannot travel over RPC); every
 * other call from the Worker is RPC.
 */
import { DurableObject } from "cloudflare:workers";
import { assertNever } from "../schema/assert-never";
import type { Job } from "../schema/jobs";
import { ClientFrame, type ClientFrameT, type PresenceUser, type ServerEvent, SOCKET_CLOSE, type SocketCloseT } from "../schema/messaging";
import { createDb, type TenantScope, tenantScope } from "../worker/lib/db";
import { Problem, problemResponse, problems } from "../worker/lib/problem";
import { chatSessionName } from "../worker/services/assistant/reply-streams";
import { SOCKET_IDENTITY_HEADER, type SocketIdentity, sessionTag, socketTags, threadTag, userTag } from "../worker/services/messaging/live";
import { markThreadRead } from "../worker/services/messaging/read";
import { sendMessage } from "../worker/services/messaging/send";
import { socketAccessNow } from "../worker/services/messaging/socket-access";
import type { EndReason } from "../worker/services/sessions/live-access";
import { findMemberById } from "../worker/services/team/members";
import { LiveStreams, type TrackedStream } from "./live-streams";

/**
 * While sockets are open, every socket is re-checked this often (an alarm), so one that sends no
 * frame still closes when its session expires idle or at its absolute bound, or when access ends by
 * a path that did not call the hub.
 */
export const SOCKET_SWEEP_MS = 15 * 60 * 1000;

/** A socket's attachment: who it is, and whether the hub has already ended it (it no longer counts as present). */
type Attachment = SocketIdentity & { ended?: true };

export class MessagingHub extends DurableObject<Env> {
	private streams!: LiveStreams;

	constructor(ctx: DurableObjectState, env: Env) {
		super(ctx, env);
		// Keep-alive pings are answered without waking the object.
		ctx.setWebSocketAutoResponse(new WebSocketRequestResponsePair('{"type":"ping"}', '{"type":"pong"}'));
		ctx.blockConcurrencyWhile(async () => {
			this.streams = new LiveStreams(ctx.storage.sql);
		});
	}

	/** Accepts a socket the Worker has authenticated (the identity comes in an internal header). */
	override async fetch(request: Request): Promise<Response> {
		const raw = request.headers.get(SOCKET_IDENTITY_HEADER);
		if (request.headers.get("Upgrade")?.toLowerCase() !== "websocket" || !raw) {
			return new Response("A WebSocket upgrade from the Worker is expected.", { status: 426 });
		}
		const identity = JSON.parse(raw) as SocketIdentity;
		// Checked again here, from D1: the Worker's session cache may not yet know of a revocation made elsewhere.
		const verdict = await socketAccessNow(this.scopeOf(identity), identity);
		if (!verdict.ok) {
			const problem =
				verdict.close === SOCKET_CLOSE.sessionEnded ? problems.unauthenticated("Your session has ended.") : problems.notFound();
			return problemResponse(problem);
		}
		const pair = new WebSocketPair();
		const [client, server] = [pair[0], pair[1]];
		const threadId = identity.threadId;
		const wasOnline = threadId ? this.onlineIn(threadId).some((u) => u.userId === identity.userId) : true;
		this.ctx.acceptWebSocket(server, socketTags(identity));
		server.serializeAttachment(identity);
		if ((await this.ctx.storage.getAlarm()) === null) await this.ctx.storage.setAlarm(Date.now() + SOCKET_SWEEP_MS);
		if (threadId) {
			server.send(JSON.stringify({ type: "hello", threadId, online: this.onlineIn(threadId) } satisfies ServerEvent));
			if (!wasOnline) this.publish([threadTag(threadId)], { type: "presence", threadId, user: presenceOf(identity), online: true }, server);
		}
		return new Response(null, { status: 101, webSocket: client });
	}

	/** Sends `event` once to every socket carrying any of `tags` (except `skip`); returns how many got it. */
	publish(tags: string[], event: ServerEvent, skip?: WebSocket): number {
		const seen = new Set<WebSocket>();
		const text = JSON.stringify(event);
		for (const tag of tags) {
			for (const socket of this.ctx.getWebSockets(tag)) {
				if (socket === skip || seen.has(socket)) continue;
				seen.add(socket);
				try {
					socket.send(text);
				} catch {
					// A socket closing right now: its close handler cleans up.
				}
			}
		}
		return seen.size;
	}

	/** Ends the sockets and assistant streams of these sessions (signed out, revoked); how many sockets closed. */
	async closeForSessions(sessionIds: string[]): Promise<number> {
		const sockets = sessionIds.flatMap((id) => this.ctx.getWebSockets(sessionTag(id)));
		await this.endStreams(this.streams.takeSessions(sessionIds));
		return this.end(sockets, SOCKET_CLOSE.sessionEnded);
	}

	/** Ends every socket and assistant stream of a person but those of `exceptSessionId`; how many sockets closed. */
	async closeForUser(userId: string, options: { reason: EndReason; exceptSessionId: string | null }): Promise<number> {
		const sockets = this.ctx
			.getWebSockets(userTag(userId))
			.filter((ws) => (ws.deserializeAttachment() as Attachment).sessionId !== options.exceptSessionId);
		await this.endStreams(this.streams.takeUser(userId, options.exceptSessionId));
		return this.end(sockets, SOCKET_CLOSE[options.reason]);
	}

	/**
	 * Re-checks every socket of these people against their access now (role, client link, session)
	 * and closes those no longer allowed; ends their assistant streams if their role lost the
	 * assistant. How many sockets closed.
	 */
	async refreshUsers(userIds: string[]): Promise<number> {
		let closed = 0;
		for (const userId of userIds) {
			for (const ws of this.ctx.getWebSockets(userTag(userId))) {
				const identity = ws.deserializeAttachment() as Attachment;
				if (identity.ended) continue;
				const verdict = await socketAccessNow(this.scopeOf(identity), identity);
				if (!verdict.ok) closed += this.end([ws], verdict.close);
			}
			const streams = this.streams.ofUser(userId);
			if (streams.length === 0) continue;
			const member = await findMemberById(tenantScope(createDb(this.env.DB), this.tenantId()), userId);
			if (!member?.permissions.has("assistant:use")) await this.endStreams(this.streams.takeUser(userId, null));
		}
		return closed;
	}

	/** The sweep: re-checks every open socket and closes those no longer allowed; again later while any remain. */
	override async alarm(): Promise<void> {
		for (const ws of this.ctx.getWebSockets()) {
			const identity = ws.deserializeAttachment() as Attachment;
			if (identity.ended) continue;
			const verdict = await socketAccessNow(this.scopeOf(identity), identity);
			if (!verdict.ok) this.end([ws], verdict.close);
		}
		const remaining = this.ctx.getWebSockets().filter((ws) => !(ws.deserializeAttachment() as Attachment).ended);
		if (remaining.length > 0) await this.ctx.storage.setAlarm(Date.now() + SOCKET_SWEEP_MS);
	}

	/** An assistant reply stream opened for a session (see `LiveStreams`). */
	trackStream(stream: TrackedStream): void {
		this.streams.track(stream, Date.now());
	}

	untrackStream(sessionId: string, conversationId: string): void {
		this.streams.untrack(sessionId, conversationId);
	}

	override async webSocketMessage(ws: WebSocket, data: string | ArrayBuffer): Promise<void> {
		const identity = ws.deserializeAttachment() as Attachment;
		if (identity.ended) return;
		let frame: ClientFrameT;
		try {
			frame = ClientFrame.parse(JSON.parse(typeof data === "string" ? data : new TextDecoder().decode(data)));
		} catch {
			return sendTo(ws, { type: "error", status: 422, title: "Unreadable frame", detail: "The frame is not a known message." });
		}
		const threadId = identity.threadId;
		if (!threadId) return sendTo(ws, { type: "error", status: 422, title: "No thread", detail: "This socket watches no thread." });
		try {
			// Every frame asks again whether the session is live and the person may still see this thread.
			const verdict = await socketAccessNow(this.scopeOf(identity), identity);
			if (!verdict.ok) {
				this.end([ws], verdict.close);
				return;
			}
			await this.handle(ws, { ...identity, access: verdict.access, canWrite: verdict.canWrite }, threadId, frame);
		} catch (error) {
			if (!(error instanceof Problem)) console.error("messaging-hub: frame failed", String(error));
			const problem = error instanceof Problem ? error : new Problem(500, "internal", "Something went wrong on our side", "Try again.");
			sendTo(ws, {
				type: "error",
				status: problem.status,
				title: problem.title,
				detail: problem.message,
				...(frame.type === "post" ? { id: frame.id } : {}),
			});
		}
	}

	private async handle(ws: WebSocket, identity: SocketIdentity, threadId: string, frame: ClientFrameT): Promise<void> {
		switch (frame.type) {
			case "typing":
				this.publish([threadTag(threadId)], { type: "typing", threadId, user: presenceOf(identity) }, ws);
				return;
			case "post": {
				if (!identity.canWrite) throw new Problem(403, "forbidden", "Not allowed", "Your role does not have messages:write.");
				const scope = this.scopeOf(identity);
				const body = frame.body.trim();
				if (body === "" && !frame.attachmentId)
					throw new Problem(422, "validation", "Your request has invalid fields", "body: is required");
				const deps = {
					publish: (tags: string[], event: ServerEvent) => this.publish(tags, event),
					enqueue: async (job: Job, options?: QueueSendOptions) => {
						await this.env.JOBS.send(job, options);
					},
				};
				const result = await sendMessage(deps, scope, identity.access, threadId, {
					id: frame.id,
					body,
					attachmentId: frame.attachmentId,
				});
				if (!result.created) return sendTo(ws, { type: "message", threadId, message: result.message });
				return;
			}
			case "read": {
				await markThreadRead(
					{ publish: (tags, event) => this.publish(tags, event) },
					this.scopeOf(identity),
					identity.access,
					threadId,
					frame.messageId,
				);
				return;
			}
			default:
				return assertNever(frame, "frame");
		}
	}

	override async webSocketClose(ws: WebSocket, code: number, reason: string): Promise<void> {
		this.left(ws);
		try {
			ws.close(code === 1005 ? 1000 : code, reason);
		} catch {
			// Already closed.
		}
	}

	override async webSocketError(ws: WebSocket): Promise<void> {
		this.left(ws);
	}

	/** Closes `sockets` with `close` (after telling their threads the person left); how many it closed. */
	private end(sockets: readonly WebSocket[], close: SocketCloseT): number {
		let ended = 0;
		for (const ws of new Set(sockets)) {
			const identity = ws.deserializeAttachment() as Attachment;
			if (identity.ended) continue;
			this.left(ws);
			ws.serializeAttachment({ ...identity, ended: true } satisfies Attachment);
			try {
				ws.close(close.code, close.reason);
			} catch {
				// Already closing.
			}
			ended += 1;
		}
		return ended;
	}

	/** Ends assistant reply streams in their ChatSession objects, one call per conversation. */
	private async endStreams(streams: readonly TrackedStream[]): Promise<void> {
		const tenantId = this.tenantId();
		const byConversation = new Map<string, string[]>();
		for (const s of streams) byConversation.set(s.conversationId, [...(byConversation.get(s.conversationId) ?? []), s.sessionId]);
		await Promise.all(
			[...byConversation].map(([conversationId, sessionIds]) =>
				this.env.CHAT_SESSIONS.getByName(chatSessionName(tenantId, conversationId))
					.endStreams(sessionIds)
					.catch((error: unknown) => console.error("messaging-hub: ending a reply stream failed", String(error))),
			),
		);
	}

	/** The tenant this hub serves: the Worker names each hub by its tenant's id. */
	private tenantId(): string {
		const name = this.ctx.id.name;
		if (!name) throw new Error("messaging-hub: reached without a name");
		return name;
	}

	private scopeOf(identity: SocketIdentity): TenantScope {
		return tenantScope(createDb(this.env.DB), identity.tenantId);
	}

	/** Tells the thread a person went offline when `ws` was their last socket on it. */
	private left(ws: WebSocket): void {
		const identity = ws.deserializeAttachment() as Attachment | null;
		if (!identity?.threadId || identity.ended) return;
		const stillHere = this.ctx.getWebSockets(threadTag(identity.threadId)).some((s) => {
			const other = s.deserializeAttachment() as Attachment;
			return s !== ws && !other.ended && other.userId === identity.userId;
		});
		if (!stillHere) {
			this.publish(
				[threadTag(identity.threadId)],
				{ type: "presence", threadId: identity.threadId, user: presenceOf(identity), online: false },
				ws,
			);
		}
	}

	/** Distinct people with a socket open on the thread. */
	private onlineIn(threadId: string): PresenceUser[] {
		const people = new Map<string, PresenceUser>();
		for (const socket of this.ctx.getWebSockets(threadTag(threadId))) {
			const identity = socket.deserializeAttachment() as Attachment;
			if (!identity.ended) people.set(identity.userId, presenceOf(identity));
		}
		return [...people.values()];
	}
}

function presenceOf(identity: SocketIdentity): PresenceUser {
	return { userId: identity.userId, name: identity.name };
}

function sendTo(ws: WebSocket, event: ServerEvent): void {
	ws.send(JSON.stringify(event));
}
