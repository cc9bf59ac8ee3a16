/**
 * A messaging WebSocket that reconnects: same-origin `ws(s)://…/api/v1/…` (the session cookie
 * authenticates it), parsed events to `onEvent`, a keep-alive ping the hub answers without waking,
 * and reconnects by the policy in socket-reconnect.ts until `close()`: backoff after network
 * trouble, never after the server ended the session or took the access away (`onEnded` says which).
 */
import type { ServerEvent } from "../../../schema/messaging";
import { afterClose, INITIAL_RECONNECT_STATE, type ReconnectDecision } from "./socket-reconnect";

export type LiveSocket = { send(frame: unknown): boolean; close(): void };

export type SocketEnded = Extract<ReconnectDecision, { kind: "stop" }>["because"];

export function openLiveSocket(
	path: string,
	onEvent: (event: ServerEvent) => void,
	onOpen?: () => void,
	onEnded?: (because: SocketEnded) => void,
): LiveSocket {
	let socket: WebSocket | null = null;
	let closed = false;
	let state = INITIAL_RECONNECT_STATE;
	let retry: ReturnType<typeof setTimeout> | undefined;
	let ping: ReturnType<typeof setInterval> | undefined;
	const url = `${location.protocol === "https:" ? "wss" : "ws"}://${location.host}${path}`;

	const connect = () => {
		socket = new WebSocket(url);
		socket.addEventListener("open", () => {
			state = INITIAL_RECONNECT_STATE;
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
		socket.addEventListener("close", (event) => {
			if (closed) return;
			const decision = afterClose(event.code, state);
			if (decision.kind === "stop") {
				closed = true;
				clearInterval(ping);
				onEnded?.(decision.because);
				return;
			}
			state = decision.next;
			retry = setTimeout(connect, decision.delayMs);
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
