/**
 * OpenAI-compatible chat completions, streamed (SSE) with `stream_options.include_usage` for the final
 * usage. The same client serves OpenAI itself and an agency's OpenAI-compatible endpoint (`id`
 * "openai-compatible", sent through the outbound guard by its `fetcher`).
 */

import { readSse } from "./sse";
import type { ChatProvider, Fetcher, ProviderEvent, ProviderRequest } from "./types";
import { failedResponse, ProviderError, plainFetch } from "./types";

type Chunk = {
	choices?: { delta?: { content?: string | null } }[];
	usage?: { prompt_tokens: number; completion_tokens: number } | null;
	error?: { message?: string };
};

export const OPENAI_DEFAULT_BASE_URL = "https://api.openai.com/v1";

export function openAiProvider(
	apiKey: string,
	baseUrl = OPENAI_DEFAULT_BASE_URL,
	fetcher: Fetcher = plainFetch,
	id: "openai" | "openai-compatible" = "openai",
): ChatProvider {
	return {
		id,
		async *stream(request: ProviderRequest): AsyncGenerator<ProviderEvent> {
			const response = await fetcher(`${baseUrl.replace(/\/$/, "")}/chat/completions`, {
				method: "POST",
				headers: { Authorization: `Bearer ${apiKey}`, "Content-Type": "application/json" },
				body: JSON.stringify({
					model: request.model,
					messages: request.messages,
					max_tokens: request.maxOutputTokens,
					stream: true,
					stream_options: { include_usage: true },
				}),
				signal: request.signal,
			});
			if (!response.ok || !response.body) throw await failedResponse(id, response);
			for await (const record of readSse(response.body)) {
				if (record.data === "[DONE]") return;
				const chunk = JSON.parse(record.data) as Chunk;
				if (chunk.error) throw new ProviderError("error", `${id} stream error: ${chunk.error.message ?? "unknown"}`);
				const text = chunk.choices?.[0]?.delta?.content;
				if (text) yield { type: "delta", text };
				if (chunk.usage) yield { type: "usage", inputTokens: chunk.usage.prompt_tokens, outputTokens: chunk.usage.completion_tokens };
			}
		},
	};
}
