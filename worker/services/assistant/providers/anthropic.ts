/** Anthropic Messages API, streamed: text from content_block_delta, usage from message_start and message_delta. */

import { readSse } from "./sse";
import type { ChatProvider, Fetcher, ProviderEvent, ProviderRequest } from "./types";
import { failedResponse, ProviderError, plainFetch } from "./types";

type StreamEvent =
	| { type: "message_start"; message: { usage: { input_tokens: number; output_tokens: number } } }
	| { type: "content_block_delta"; delta: { type: string; text?: string } }
	| { type: "message_delta"; usage: { output_tokens: number } }
	| { type: "message_stop" }
	| { type: "error"; error: { type: string; message: string } }
	| { type: "ping" | "content_block_start" | "content_block_stop" };

export const ANTHROPIC_DEFAULT_BASE_URL = "https://api.anthropic.com";

export function anthropicProvider(apiKey: string, baseUrl = ANTHROPIC_DEFAULT_BASE_URL, fetcher: Fetcher = plainFetch): ChatProvider {
	return {
		id: "anthropic",
		async *stream(request: ProviderRequest): AsyncGenerator<ProviderEvent> {
			const system = request.messages
				.filter((m) => m.role === "system")
				.map((m) => m.content)
				.join("\n\n");
			const response = await fetcher(`${baseUrl.replace(/\/$/, "")}/v1/messages`, {
				method: "POST",
				headers: { "x-api-key": apiKey, "anthropic-version": "2023-06-01", "Content-Type": "application/json" },
				body: JSON.stringify({
					model: request.model,
					max_tokens: request.maxOutputTokens,
					...(system ? { system } : {}),
					messages: request.messages.filter((m) => m.role !== "system"),
					stream: true,
				}),
				signal: request.signal,
			});
			if (!response.ok || !response.body) throw await failedResponse("anthropic", response);
			let inputTokens = 0;
			let outputTokens = 0;
			for await (const record of readSse(response.body)) {
				const event = JSON.parse(record.data) as StreamEvent;
				switch (event.type) {
					case "message_start":
						inputTokens = event.message.usage.input_tokens;
						outputTokens = event.message.usage.output_tokens;
						break;
					case "content_block_delta":
						if (event.delta.type === "text_delta" && event.delta.text) yield { type: "delta", text: event.delta.text };
						break;
					case "message_delta":
						outputTokens = event.usage.output_tokens;
						break;
					case "message_stop":
						yield { type: "usage", inputTokens, outputTokens };
						return;
					case "error":
						throw new ProviderError(
							event.error.type === "rate_limit_error" ? "rate-limited" : "error",
							`anthropic: ${event.error.message}`,
						);
					default:
						break;
				}
			}
		},
	};
}
