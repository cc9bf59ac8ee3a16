/**
 * Fans a conversation's reply events out to every connected client as Server-Sent Events, and
 * keeps the events of the reply in progress so a client that reconnects with `Last-Event-ID`
 * gets exactly what it missed. A client whose last id is not in the buffer gets a snapshot first.
 */
import type { StreamEvent } from "../schema/assistant";

type Buffered = { seq: number; bytes: Uint8Array };

const MAX_BUFFERED = 20_000;
const encoder = new TextEncoder();

export class ReplyStream {
	private seq = 0;
	private buffer: Buffered[] = [];
	private readonly subscribers = new Set<WritableStreamDefaultWriter<Uint8Array>>();

	/** Starts a new buffer (a new reply begins); earlier events are no longer replayed. */
	restartBuffer(): void {
		this.buffer = [];
	}

	publish(event: StreamEvent): void {
		this.seq += 1;
		const bytes = encode(this.seq, event);
		if (this.buffer.length < MAX_BUFFERED) this.buffer.push({ seq: this.seq, bytes });
		for (const writer of this.subscribers) this.write(writer, bytes);
	}

	/** A new subscriber: replays after `lastEventId` when the buffer covers it, else sends `snapshot()`. */
	subscribe(lastEventId: number | null, snapshot: () => StreamEvent): ReadableStream<Uint8Array> {
		const { readable, writable } = new TransformStream<Uint8Array, Uint8Array>();
		const writer = writable.getWriter();
		const first = this.buffer[0];
		const canResume = lastEventId !== null && lastEventId <= this.seq && (first === undefined || first.seq <= lastEventId + 1);
		if (canResume) {
			for (const item of this.buffer) if (item.seq > lastEventId) this.write(writer, item.bytes);
		} else {
			this.write(writer, encode(this.seq, snapshot()));
		}
		this.subscribers.add(writer);
		return readable;
	}

	get subscriberCount(): number {
		return this.subscribers.size;
	}

	private write(writer: WritableStreamDefaultWriter<Uint8Array>, bytes: Uint8Array): void {
		writer.write(bytes).catch(() => this.subscribers.delete(writer));
	}
}

function encode(seq: number, event: StreamEvent): Uint8Array {
	return encoder.encode(`id: ${seq}\nevent: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
}
