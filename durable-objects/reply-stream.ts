/**
 * Fans a conversation's reply events out to every connected client as Server-Sent Events, and
 * keeps the events of the reply in progress so a client that reconnects with `Last-Event-ID`
 * gets exactly what it missed. A client whose last id is not in the buffer gets a snapshot first.
 * Each subscriber is known by the session that opened it, so a revoked session's streams can be
 * ended (`end`) while the conversation's other viewers keep theirs.
 */
import type { StreamEvent } from "../schema/assistant";

type Buffered = { seq: number; bytes: Uint8Array };

/** Who a subscriber is: the session (hash id) and person whose request opened the stream. */
export type StreamViewer = { sessionId: string; userId: string };

const MAX_BUFFERED = 20_000;
const encoder = new TextEncoder();

export class ReplyStream {
	private seq = 0;
	private buffer: Buffered[] = [];
	private readonly subscribers = new Map<WritableStreamDefaultWriter<Uint8Array>, StreamViewer>();

	/** `onLeave` hears of each subscriber that went away (the client disconnected or it was ended). */
	constructor(private readonly onLeave: (viewer: StreamViewer) => void = () => {}) {}

	/** Starts a new buffer (a new reply begins); earlier events are no longer replayed. */
	restartBuffer(): void {
		this.buffer = [];
	}

	publish(event: StreamEvent): void {
		this.seq += 1;
		const bytes = encode(this.seq, event);
		if (this.buffer.length < MAX_BUFFERED) this.buffer.push({ seq: this.seq, bytes });
		for (const writer of this.subscribers.keys()) this.write(writer, bytes);
	}

	/** A new subscriber: replays after `lastEventId` when the buffer covers it, else sends `snapshot()`. */
	subscribe(lastEventId: number | null, viewer: StreamViewer, snapshot: () => StreamEvent): ReadableStream<Uint8Array> {
		const { readable, writable } = new TransformStream<Uint8Array, Uint8Array>();
		const writer = writable.getWriter();
		const first = this.buffer[0];
		const canResume = lastEventId !== null && lastEventId <= this.seq && (first === undefined || first.seq <= lastEventId + 1);
		if (canResume) {
			for (const item of this.buffer) if (item.seq > lastEventId) this.write(writer, item.bytes);
		} else {
			this.write(writer, encode(this.seq, snapshot()));
		}
		this.subscribers.set(writer, viewer);
		writer.closed.then(
			() => this.leave(writer),
			() => this.leave(writer),
		);
		return readable;
	}

	get subscriberCount(): number {
		return this.subscribers.size;
	}

	/** Whether any subscriber was opened by `sessionId`. */
	hasSession(sessionId: string): boolean {
		return [...this.subscribers.values()].some((v) => v.sessionId === sessionId);
	}

	/** Ends the streams of the subscribers `which` picks (their clients see the stream close); how many ended. */
	end(which: (viewer: StreamViewer) => boolean): number {
		let ended = 0;
		for (const [writer, viewer] of [...this.subscribers]) {
			if (!which(viewer)) continue;
			this.subscribers.delete(writer);
			writer.close().catch(() => {});
			ended += 1;
		}
		return ended;
	}

	private write(writer: WritableStreamDefaultWriter<Uint8Array>, bytes: Uint8Array): void {
		writer.write(bytes).catch(() => this.leave(writer));
	}

	private leave(writer: WritableStreamDefaultWriter<Uint8Array>): void {
		const viewer = this.subscribers.get(writer);
		if (!viewer) return;
		this.subscribers.delete(writer);
		this.onLeave(viewer);
	}
}

function encode(seq: number, event: StreamEvent): Uint8Array {
	return encoder.encode(`id: ${seq}\nevent: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
}
