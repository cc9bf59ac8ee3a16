/** The live socket's reconnect policy: back off on network trouble, stop when the server ended the access. */
import { describe, expect, it } from "vitest";
import { afterClose, INITIAL_RECONNECT_STATE } from "../../pwa/src/lib/socket-reconnect";
import { SOCKET_CLOSE } from "../../schema/messaging";

describe("a live socket after it closes", () => {
	it("backs off 2, 4, 8 … up to 30 seconds after network closes, and starts over once it opens", () => {
		let state = INITIAL_RECONNECT_STATE;
		const delays: number[] = [];
		for (let i = 0; i < 6; i += 1) {
			const decision = afterClose(1006, state);
			if (decision.kind !== "retry") throw new Error("stopped on a network close");
			delays.push(decision.delayMs);
			state = decision.next;
		}
		expect(delays).toEqual([2000, 4000, 8000, 16_000, 30_000, 30_000]);
		expect(afterClose(1006, INITIAL_RECONNECT_STATE)).toMatchObject({ kind: "retry", delayMs: 2000 });
	});

	it("stops for good when the server says the session ended (4401), never knocking again", () => {
		expect(afterClose(SOCKET_CLOSE.sessionEnded.code, INITIAL_RECONNECT_STATE)).toEqual({ kind: "stop", because: "session-ended" });
		const afterFailures = { attempt: 4, retryingAfterAccessRemoved: false };
		expect(afterClose(SOCKET_CLOSE.sessionEnded.code, afterFailures)).toEqual({ kind: "stop", because: "session-ended" });
	});

	it("reconnects once at once after 4403 (the audience may only have changed), and stops if that one fails or is refused too", () => {
		const first = afterClose(SOCKET_CLOSE.accessRemoved.code, INITIAL_RECONNECT_STATE);
		expect(first).toEqual({ kind: "retry", delayMs: 0, next: { attempt: 0, retryingAfterAccessRemoved: true } });
		if (first.kind !== "retry") return;
		// The server refuses the upgrade (the browser reports 1006 before any open) …
		expect(afterClose(1006, first.next)).toEqual({ kind: "stop", because: "access-removed" });
		// … or closes the new socket with 4403 again.
		expect(afterClose(SOCKET_CLOSE.accessRemoved.code, first.next)).toEqual({ kind: "stop", because: "access-removed" });
	});
});
