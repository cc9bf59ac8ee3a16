/**
 * Cloudflare Workers AI through the optional `AI` binding (configured only in deployments that add
 * `[ai] binding = "AI"`; local `npm start` runs without it). Streams SSE of `{ response }` chunks.
 */

import { estimateTokens } from "../../../../schema/ai-models";
import { readSse } from "./sse";
import type { ChatProvider, ProviderEvent, ProviderRequest } from "./types";
import { ProviderError } from "./types";

/** The slice of the AI binding this client uses. */
export type AiBinding = { run(model: string, input: Record<string, unknown>): Promise<unknown> };

type Chunk = { response?: string; usage?: { prompt_tokens: number; completion_tokens: number } };

export function workersAiProvider(ai: AiBinding): ChatProvider {
	return {
		id: "workers-ai",
		async *stream(request: ProviderRequest): AsyncGenerator<ProviderEvent> {
			const result = await ai.run(request.model, { messages: request.messages, max_tokens: request.maxOutputTokens, stream: true });
			if (!(result instanceof ReadableStream)) throw new ProviderError("error", "workers-ai did not stream");
			let text = "";
			let usage: Chunk["usage"];
			for await (const record of readSse(result as ReadableStream<Uint8Array>)) {
				if (request.signal.aborted) return;
				if (record.data === "[DONE]") break;
				const chunk = JSON.parse(record.data) as Chunk;
				if (chunk.response) {
					text += chunk.response;
					yield { type: "delta", text: chunk.response };
				}
				if (chunk.usage) usage = chunk.usage;
			}
			const prompt = request.messages.map((m) => m.content).join("\n");
			yield {
				type: "usage",
				inputTokens: usage?.prompt_tokens ?? estimateTokens(prompt),
				outputTokens: usage?.completion_tokens ?? estimateTokens(text),
			};
		},
	};
}
