/** Provider pieces that need no network: the SSE reader, Workers AI through a local stand-in binding, the local echo, the context seam. */
import { describe, expect, it } from "vitest";
import type { TenantScope } from "../../worker/lib/db";
import { gatherContext } from "../../worker/services/assistant/context";
import { echoReply, localEchoProvider } from "../../worker/services/assistant/providers/local-echo";
import { readSse } from "../../worker/services/assistant/providers/sse";
import type { ProviderEvent } from "../../worker/services/assistant/providers/types";
import { workersAiProvider } from "../../worker/services/assistant/providers/workers-ai";

function streamOf(...chunks: string[]): ReadableStream<Uint8Array> {
	const encoder = new TextEncoder();
	return new ReadableStream({
		start(controller) {
			for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
			controller.close();
		},
	});
}

async function collect(events: AsyncIterable<ProviderEvent>): Promise<ProviderEvent[]> {
	const out: ProviderEvent[] = [];
	for await (const event of events) out.push(event);
	return out;
}

const request = (signal = new AbortController().signal) => ({
	model: "m",
	messages: [{ role: "user" as const, content: "How are the Q3 numbers?" }],
	maxOutputTokens: 100,
	signal,
});

describe("assistant providers", () => {
	it("reads SSE records split across chunks, with event names and CRLF", async () => {
		const records = [];
		for await (const r of readSse(streamOf('event: a\r\ndata: {"x"', ":1}\r\n\r\ndata: [DO", "NE]\n\n"))) records.push(r);
		expect(records).toEqual([
			{ event: "a", data: '{"x":1}' },
			{ event: null, data: "[DONE]" },
		]);
	});

	it("streams Workers AI responses and reports its usage", async () => {
		const ai = {
			run: async () =>
				streamOf(
					'data: {"response":"Up"}\n\n',
					'data: {"response":" 12%"}\n\n',
					'data: {"usage":{"prompt_tokens":9,"completion_tokens":2}}\n\n',
					"data: [DONE]\n\n",
				),
		};
		expect(await collect(workersAiProvider(ai).stream(request()))).toEqual([
			{ type: "delta", text: "Up" },
			{ type: "delta", text: " 12%" },
			{ type: "usage", inputTokens: 9, outputTokens: 2 },
		]);
	});

	it("the local model echoes word by word and counts output tokens as words", async () => {
		const events = await collect(localEchoProvider(0).stream(request()));
		const text = events.flatMap((e) => (e.type === "delta" ? [e.text] : [])).join("");
		expect(text).toBe(echoReply("How are the Q3 numbers?"));
		expect(events.at(-1)).toEqual({ type: "usage", inputTokens: 6, outputTokens: text.split(" ").length });
	});

	it("gathers context notes from registered providers only (none are registered yet)", async () => {
		const scope = { tenantId: "t" } as TenantScope;
		const input = { scope, userId: "u", role: "staff" as const, question: "q" };
		expect(await gatherContext(input)).toEqual([]);
		const notes = await gatherContext(input, [
			{ id: "projects", contextFor: async () => "Project Apollo is due Friday." },
			{ id: "documents", contextFor: async () => null },
		]);
		expect(notes).toEqual(["Project Apollo is due Friday."]);
	});
});
