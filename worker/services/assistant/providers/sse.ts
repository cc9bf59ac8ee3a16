/** Reads a text/event-stream body as `{ event, data }` records (the part of the SSE format providers use). */
export type SseRecord = { event: string | null; data: string };

export async function* readSse(body: ReadableStream<Uint8Array>): AsyncGenerator<SseRecord> {
	const decoder = new TextDecoder();
	let buffer = "";
	let event: string | null = null;
	let data: string[] = [];
	for await (const chunk of body) {
		buffer += decoder.decode(chunk, { stream: true });
		let newline = buffer.indexOf("\n");
		while (newline !== -1) {
			const line = buffer.slice(0, newline).replace(/\r$/, "");
			buffer = buffer.slice(newline + 1);
			if (line === "") {
				if (data.length > 0) yield { event, data: data.join("\n") };
				event = null;
				data = [];
			} else if (line.startsWith("data:")) {
				data.push(line.slice(5).replace(/^ /, ""));
			} else if (line.startsWith("event:")) {
				event = line.slice(6).trim();
			}
			newline = buffer.indexOf("\n");
		}
	}
	if (data.length > 0) yield { event, data: data.join("\n") };
}
