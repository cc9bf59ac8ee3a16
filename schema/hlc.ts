/**
 * A hybrid logical clock (Kulkarni et al.): a timestamp that follows physical time but never goes
 * backwards and always moves past every timestamp it has seen, so causally later writes compare
 * greater even when device clocks disagree. Formatted as fixed-width text, so string order is
 * clock order: `<15-digit wall ms>:<5-digit counter>:<node id>`. Pure: shared by Worker and PWA.
 */

export type Hlc = { wall: number; counter: number; node: string };

const MAX_COUNTER = 99_999;
const PATTERN = /^(\d{15}):(\d{5}):([A-Za-z0-9_-]{1,64})$/;

export function formatHlc(h: Hlc): string {
	return `${String(h.wall).padStart(15, "0")}:${String(h.counter).padStart(5, "0")}:${h.node}`;
}

/** The clock a string holds, or null when it is not a formatted HLC. */
export function parseHlc(text: string): Hlc | null {
	const match = PATTERN.exec(text);
	if (!match) return null;
	return { wall: Number(match[1]), counter: Number(match[2]), node: match[3] ?? "" };
}

/** Negative, zero or positive as `a` is before, equal to or after `b` (node breaks ties). */
export function compareHlc(a: Hlc, b: Hlc): number {
	if (a.wall !== b.wall) return a.wall - b.wall;
	if (a.counter !== b.counter) return a.counter - b.counter;
	return a.node < b.node ? -1 : a.node > b.node ? 1 : 0;
}

function bump(wall: number, counter: number, node: string): Hlc {
	// A counter overflow borrows the next millisecond rather than wrapping.
	return counter > MAX_COUNTER ? { wall: wall + 1, counter: 0, node } : { wall, counter, node };
}

/** The timestamp of a local event (a write) at physical time `now`. */
export function tickHlc(last: Hlc, now: number): Hlc {
	if (now > last.wall) return { wall: now, counter: 0, node: last.node };
	return bump(last.wall, last.counter + 1, last.node);
}

/** The local clock after receiving `remote` at physical time `now`: later than both. */
export function receiveHlc(local: Hlc, remote: Hlc, now: number): Hlc {
	const wall = Math.max(local.wall, remote.wall, now);
	if (wall === local.wall && wall === remote.wall) return bump(wall, Math.max(local.counter, remote.counter) + 1, local.node);
	if (wall === local.wall) return bump(wall, local.counter + 1, local.node);
	if (wall === remote.wall) return bump(wall, remote.counter + 1, local.node);
	return { wall, counter: 0, node: local.node };
}

/** A fresh clock for `node`. */
export function zeroHlc(node: string): Hlc {
	return { wall: 0, counter: 0, node };
}

/** The HLC standing for a plain millisecond time (a server write that carried no clock). */
export function hlcOfMillis(ms: number, node = "server"): Hlc {
	return { wall: ms, counter: 0, node };
}

/**
 * What the server trusts of a device's clock: a stamp more than `maxDriftMs` ahead of the server's
 * own time is not believed (a device set to next year would otherwise win every write); it is
 * replaced by the server's time, keeping the device's node id.
 */
export function boundedHlc(remote: Hlc, now: number, maxDriftMs: number): Hlc {
	return remote.wall > now + maxDriftMs ? { wall: now, counter: 0, node: remote.node } : remote;
}
