/** What every provider client implements: stream a chat reply as deltas, then the usage it reports. */
import type { ProviderId } from "../../../../schema/ai-models";

export type ChatTurn = { role: "system" | "user" | "assistant"; content: string };

export type ProviderRequest = { model: string; messages: readonly ChatTurn[]; maxOutputTokens: number; signal: AbortSignal };

export type ProviderEvent = { type: "delta"; text: string } | { type: "usage"; inputTokens: number; outputTokens: number };

/** How a provider client sends its requests: `fetch`, or the outbound guard for a URL an agency supplied. */
export type Fetcher = (input: string, init: RequestInit) => Promise<Response>;

export const plainFetch: Fetcher = (input, init) => fetch(input, init);

export interface ChatProvider {
	readonly id: ProviderId;
	stream(request: ProviderRequest): AsyncIterable<ProviderEvent>;
}

/** A provider refused or failed: `rate-limited` (429), `error` (any other status or a broken stream). */
export class ProviderError extends Error {
	override readonly name = "ProviderError";
	constructor(
		readonly kind: "error" | "rate-limited",
		message: string,
		readonly status: number | null = null,
	) {
		super(message);
	}
}

/** Turns a non-2xx answer into a ProviderError (429 → rate-limited). Never includes the prompt. */
export async function failedResponse(provider: ProviderId, response: Response): Promise<ProviderError> {
	const body = (await response.text().catch(() => "")).slice(0, 200);
	const kind = response.status === 429 ? "rate-limited" : "error";
	return new ProviderError(kind, `${provider} answered ${response.status}${body ? `: ${body}` : ""}`, response.status);
}
