/** The server side of the hybrid logical clock: what it tells devices, and how far it trusts theirs. */
import { formatHlc, type Hlc, receiveHlc, tickHlc, zeroHlc } from "../../../schema/hlc";

/** A device stamp more than this far ahead of the server's time is replaced by the server's time. */
export const MAX_DEVICE_DRIFT_MS = 5 * 60_000;

/** The server's clock after seeing `received` stamps at `now` (stateless: every answer is later than all it saw). */
export function serverHlc(now: number, received: Hlc[] = []): string {
	let clock = tickHlc(zeroHlc("server"), now);
	for (const stamp of received) clock = receiveHlc(clock, stamp, now);
	return formatHlc(clock);
}
