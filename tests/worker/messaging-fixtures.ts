/** Test helpers for messaging: threads and messages made through the API, and real WebSockets opened through the Worker. */
import { exports } from "cloudflare:workers";
import type { z } from "zod";
import type { MessageDto, ThreadDto } from "../../schema/dto/messaging";
import type { ServerEvent } from "../../schema/messaging";
import { call } from "../support/http";
import { json, type PortalAgency } from "./portal-fixtures";

export type ThreadT = z.infer<typeof ThreadDto>;
export type MessageT = z.infer<typeof MessageDto>;

export function openThread(a: PortalAgency, clientId: string, extra: Record<string, unknown> = {}, cookie = a.staffCookie) {
	return json<ThreadT>(call(a.host, "/api/v1/threads", { cookie, body: { clientId, subject: "Launch plan", ...extra } }), 201);
}

export function post(a: PortalAgency, threadId: string, body: string, cookie: string, id: string = crypto.randomUUID()) {
	return call(a.host, `/api/v1/threads/${threadId}/messages`, { cookie, body: { id, body } });
}

/** A live socket: every event it receives, and a way to wait for the next one that matches. */
export type LiveSocket = {
	ws: WebSocket;
	events: ServerEvent[];
	next<T extends ServerEvent["type"]>(
		type: T,
		where?: (e: Extract<ServerEvent, { type: T }>) => boolean,
	): Promise<Extract<ServerEvent, { type: T }>>;
	send(frame: unknown): void;
	close(): Promise<void>;
	/** Resolves with the close the server (or this side) made. */
	closed: Promise<{ code: number; reason: string }>;
};

/** Opens `path` as a WebSocket with `cookie`; resolves with the upgrade response when it is refused. */
export async function connect(host: string, path: string, cookie: string, origin = `http://${host}`): Promise<LiveSocket | Response> {
	const res = await exports.default.fetch(
		new Request(`http://${host}${path}`, { headers: { Upgrade: "websocket", Cookie: cookie, Origin: origin } }),
	);
	if (res.status !== 101 || !res.webSocket) return res;
	const ws = res.webSocket;
	ws.accept();
	const events: ServerEvent[] = [];
	const waiters: { match: (e: ServerEvent) => boolean; resolve: (e: ServerEvent) => void }[] = [];
	let consumed = 0;
	ws.addEventListener("message", (message) => {
		const event = JSON.parse(String(message.data)) as ServerEvent;
		events.push(event);
		const waiter = waiters.find((w) => w.match(event));
		if (waiter) {
			waiters.splice(waiters.indexOf(waiter), 1);
			waiter.resolve(event);
		}
	});
	const closed = new Promise<{ code: number; reason: string }>((resolve) =>
		ws.addEventListener("close", (event) => resolve({ code: event.code, reason: event.reason })),
	);
	let isClosed = false;
	void closed.then(() => {
		isClosed = true;
	});
	return {
		ws,
		events,
		next(type, where = () => true) {
			const match = (e: ServerEvent) => e.type === type && where(e as never);
			// Events that arrived before anyone waited count too (each once, in order).
			const index = events.findIndex((e, i) => i >= consumed && match(e));
			if (index >= 0) {
				consumed = index + 1;
				return Promise.resolve(events[index] as never);
			}
			return new Promise((resolve) => {
				waiters.push({
					match,
					resolve: (e) => {
						consumed = events.length;
						resolve(e as never);
					},
				});
			});
		},
		send(frame) {
			ws.send(JSON.stringify(frame));
		},
		async close() {
			if (!isClosed) ws.close(1000, "done");
			await closed;
		},
		closed,
	};
}

export async function mustConnect(host: string, path: string, cookie: string): Promise<LiveSocket> {
	const socket = await connect(host, path, cookie);
	if (socket instanceof Response) throw new Error(`socket refused: ${socket.status} ${await socket.text()}`);
	return socket;
}

export type { MessageT as Message };
