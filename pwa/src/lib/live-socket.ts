/**
 * A messaging WebSocket that reconnects: same-origin `ws(s)://…/api/v1/…` (the session cookie
 * authenticates it), parsed events to `onEvent`, a keep-alive ping the hub answers without waking,
 * and backoff reconnects (capped at 30 s) until `close()`.
 */
import type { ServerEvent } from "../../../schema/messaging";

export type LiveSocket = { send(frame: unknown): boolean; close(): void };

export function openLiveSocket(path: string, onEvent: (event: ServerEvent) => void, onOpen?: () => void): LiveSocket {
	let socket: WebSocket | null = null;
	let closed = false;
	let attempt = 0;
	let retry: ReturnType<typeof setTimeout> | undefined;
	let ping: ReturnType<typeof setInterval> | undefined;
	const url = `${location.protocol === "https:" ? "wss" : "ws"}://${location.host}${path}`;

	const connect = () => {
		socket = new WebSocket(url);
		socket.addEventListener("open", () => {
			attempt = 0;
			onOpen?.();
		});
		socket.addEventListener("message", (message) => {
			try {
				const event = JSON.parse(String(message.data)) as ServerEvent | { type: "pong" };
				if (event.type !== "pong") onEvent(event);
			} catch {
				// Not ours: ignore.
			}
		});
		socket.addEventListener("close", () => {
			if (closed) return;
			attempt += 1;
			retry = setTimeout(connect, Math.min(30_000, 1000 * 2 ** attempt));
		});
	};
	connect();
	ping = setInterval(() => {
		if (socket?.readyState === WebSocket.OPEN) socket.send('{"type":"ping"}');
	}, 30_000);

	return {
		send(frame) {
			if (socket?.readyState !== WebSocket.OPEN) return false;
			socket.send(JSON.stringify(frame));
			return true;
		},
		close() {
			closed = true;
			clearTimeout(retry);
			clearInterval(ping);
			socket?.close(1000, "left");
		},
	};
}
