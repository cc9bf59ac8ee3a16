/**
 * Reads a text/event-stream body as `{ event, data }` records (the part of the SSE format providers
 * use), through `eventsource-parser`, a well-kept parser that follows the WHATWG rules: LF, CRLF and
 * bare CR line endings, lines and UTF-8 characters split across chunks, comments, `id:` and `retry:`
 * lines (ignored here), multi-line data joined with "\n". A last record that the stream ends without
 * a blank line after is still delivered (some providers close right after their final record).
 */
import { createParser } from "eventsource-parser";
import { ProviderError } from "./types";

export type SseRecord = { event: string | null; data: string };

/** A single record (or a line still waiting for its end) larger than this many characters breaks the stream. */
export const SSE_MAX_RECORD_CHARS = 1024 * 1024;

export async function* readSse(body: ReadableStream<Uint8Array>): AsyncGenerator<SseRecord> {
	const decoder = new TextDecoder();
	const ready: SseRecord[] = [];
	let oversized = false;
	const parser = createParser({
		maxBufferSize: SSE_MAX_RECORD_CHARS,
		onEvent: (message) => ready.push({ event: message.event ?? null, data: message.data }),
		onError: (error) => {
			if (error.type === "max-buffer-size-exceeded") oversized = true;
		},
	});
	const feed = (text: string) => {
		parser.feed(text);
		if (oversized) throw new ProviderError("error", `stream record larger than ${SSE_MAX_RECORD_CHARS} characters`);
	};
	for await (const chunk of body) {
		feed(decoder.decode(chunk, { stream: true }));
		yield* ready.splice(0);
	}
	// End any unterminated line and record, as a blank line would.
	feed(`${decoder.decode()}\n\n`);
	yield* ready.splice(0);
}
