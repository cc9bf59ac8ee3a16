/**
 * MessagingHub: one Durable Object per tenant that holds every live messaging socket of that agency
 * (hibernation API, so idle sockets cost nothing) and fans events out by tag: `thread:<id>` (a
 * thread view), `user:<id>` (one person's tabs), `audience:staff` / `audience:client:<id>` (whose
 * unread badges a thread's message moves). Per tenant rather than per thread because the navigation
 * badge needs one socket per tab for every thread a person can see; an agency's live sockets fit
 * one object comfortably, and tenants never share one.
 *
 * Sockets may post, type and mark read; posts and reads go through the same services as REST
 * (access rule, plan gate, idempotent ids), with D1 as the durable record, and a client person's
 * link to their client is looked up again for each, so an unlinked person can no longer write.
 * `fetch` exists only to accept the WebSocket upgrade (a socket cannot travel over RPC); every
 * other call from the Worker is RPC (`publish`).
 */
import { DurableObject } from "cloudflare:workers";
import type { Job } from "../schema/jobs";
import { ClientFrame, type ClientFrameT, type PresenceUser, type ServerEvent } from "../schema/messaging";
import { createDb, type TenantScope, tenantScope } from "../worker/lib/db";
import { Problem } from "../worker/lib/problem";
import {
	announceRead,
	audienceTagOf,
	SOCKET_IDENTITY_HEADER,
	type SocketIdentity,
	threadTag,
	userTag,
} from "../worker/services/messaging/live";
import { markRead } from "../worker/services/messaging/messages";
import { sendMessage } from "../worker/services/messaging/send";
import { type ClientAccess, linkedClientId } from "../worker/services/portal/client-access";

export class MessagingHub extends DurableObject<Env> {
	constructor(ctx: DurableObjectState, env: Env) {
		super(ctx, env);
		// Keep-alive pings are answered without waking the object.
		ctx.setWebSocketAutoResponse(new WebSocketRequestResponsePair('{"type":"ping"}', '{"type":"pong"}'));
	}

	/** Accepts a socket the Worker has authenticated (the identity comes in an internal header). */
	override async fetch(request: Request): Promise<Response> {
		const raw = request.headers.get(SOCKET_IDENTITY_HEADER);
		if (request.headers.get("Upgrade")?.toLowerCase() !== "websocket" || !raw) {
			return new Response("A WebSocket upgrade from the Worker is expected.", { status: 426 });
		}
		const identity = JSON.parse(raw) as SocketIdentity;
		const pair = new WebSocketPair();
		const [client, server] = [pair[0], pair[1]];
		const tags = [userTag(identity.userId), audienceTagOf(identity.access)];
		const threadId = identity.threadId;
		const wasOnline = threadId ? this.onlineIn(threadId).some((u) => u.userId === identity.userId) : true;
		if (threadId) tags.push(threadTag(threadId));
		this.ctx.acceptWebSocket(server, tags);
		server.serializeAttachment(identity);
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

	override async webSocketMessage(ws: WebSocket, data: string | ArrayBuffer): Promise<void> {
		const identity = ws.deserializeAttachment() as SocketIdentity;
		let frame: ClientFrameT;
		try {
			frame = ClientFrame.parse(JSON.parse(typeof data === "string" ? data : new TextDecoder().decode(data)));
		} catch {
			return sendTo(ws, { type: "error", status: 422, title: "Unreadable frame", detail: "The frame is not a known message." });
		}
		const threadId = identity.threadId;
		if (!threadId) return sendTo(ws, { type: "error", status: 422, title: "No thread", detail: "This socket watches no thread." });
		try {
			await this.handle(ws, identity, threadId, frame);
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
				const scope = tenantScope(createDb(this.env.DB), identity.tenantId);
				const body = frame.body.trim();
				if (body === "" && !frame.attachmentId)
					throw new Problem(422, "validation", "Your request has invalid fields", "body: is required");
				const deps = {
					publish: (tags: string[], event: ServerEvent) => this.publish(tags, event),
					enqueue: async (job: Job, options?: QueueSendOptions) => {
						await this.env.JOBS.send(job, options);
					},
				};
				const result = await sendMessage(deps, scope, await currentAccess(scope, identity), threadId, {
					id: frame.id,
					body,
					attachmentId: frame.attachmentId,
				});
				if (!result.created) return sendTo(ws, { type: "message", threadId, message: result.message });
				return;
			}
			case "read": {
				const scope = tenantScope(createDb(this.env.DB), identity.tenantId);
				const mark = await markRead(scope, await currentAccess(scope, identity), threadId, frame.messageId);
				await announceRead((tags, event) => this.publish(tags, event), { threadId, userId: identity.userId, ...mark });
				return;
			}
			default:
				return assertNever(frame);
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

	/** Tells the thread a person went offline when `ws` was their last socket on it. */
	private left(ws: WebSocket): void {
		const identity = ws.deserializeAttachment() as SocketIdentity | null;
		if (!identity?.threadId) return;
		const stillHere = this.ctx
			.getWebSockets(threadTag(identity.threadId))
			.some((s) => s !== ws && (s.deserializeAttachment() as SocketIdentity).userId === identity.userId);
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
			const identity = socket.deserializeAttachment() as SocketIdentity;
			people.set(identity.userId, presenceOf(identity));
		}
		return [...people.values()];
	}
}

/** The socket's access now: a client person's link is read again (it may have been removed since the socket opened). */
async function currentAccess(scope: TenantScope, identity: SocketIdentity): Promise<ClientAccess> {
	if (identity.access.kind === "all") return identity.access;
	return { kind: "own", userId: identity.userId, clientId: await linkedClientId(scope, identity.userId) };
}

function presenceOf(identity: SocketIdentity): PresenceUser {
	return { userId: identity.userId, name: identity.name };
}

function sendTo(ws: WebSocket, event: ServerEvent): void {
	ws.send(JSON.stringify(event));
}

function assertNever(value: never): never {
	throw new Error(`unknown frame ${JSON.stringify(value)}`);
}
