/**
 * What a live socket does after it closes: the server's own close codes (schema/messaging.ts
 * SOCKET_CLOSE) say access ended, so the app must stop knocking instead of retrying forever.
 * - 4401 "Session ended": stop, and let the app find out it is signed out.
 * - 4403 "Access removed": reconnect once at once (the person's audience may only have changed, e.g.
 *   a client link moved); if that socket closes again before it ever opened, or with 4403 again, stop.
 * - anything else (network, deploy, idle close): back off, doubling up to 30 s, until it opens.
 */
import { SOCKET_CLOSE } from "../../../schema/socket-close";

export type ReconnectState = {
	/** Failed attempts since the last successful open. */
	attempt: number;
	/** A 4403 was answered with one immediate reconnect that has not opened yet. */
	retryingAfterAccessRemoved: boolean;
};

export type ReconnectDecision =
	| { kind: "retry"; delayMs: number; next: ReconnectState }
	| { kind: "stop"; because: "session-ended" | "access-removed" };

export const INITIAL_RECONNECT_STATE: ReconnectState = { attempt: 0, retryingAfterAccessRemoved: false };

export function afterClose(code: number, state: ReconnectState): ReconnectDecision {
	if (code === SOCKET_CLOSE.sessionEnded.code) return { kind: "stop", because: "session-ended" };
	if (state.retryingAfterAccessRemoved) return { kind: "stop", because: "access-removed" };
	if (code === SOCKET_CLOSE.accessRemoved.code)
		return { kind: "retry", delayMs: 0, next: { attempt: 0, retryingAfterAccessRemoved: true } };
	const attempt = state.attempt + 1;
	return { kind: "retry", delayMs: Math.min(30_000, 1000 * 2 ** attempt), next: { attempt, retryingAfterAccessRemoved: false } };
}
