/**
 * The "check key" call: asks the provider to list its models with the agency's key (`GET …/models`,
 * which costs nothing), so a mistyped or revoked key, or an endpoint that is not OpenAI-compatible,
 * is found when the key is saved rather than when a client asks something. An agency's endpoint is
 * reached only through the outbound-URL guard. A failure names the field to fix.
 */

import type { ProviderCredential } from "../../../schema/ai-models";
import { AI_KEY_KIND_LABELS } from "../../../schema/dto/ai-provider-keys";
import { OutboundRefused } from "../../lib/outbound-url-guard";
import { ANTHROPIC_DEFAULT_BASE_URL } from "./providers/anthropic";
import { OPENAI_DEFAULT_BASE_URL } from "./providers/openai";
import { type AssistantEnv, guardedFetcher } from "./providers/registry";
import { type Fetcher, plainFetch } from "./providers/types";

export type KeyCheck = { ok: true; models: string[] } | { ok: false; path: "apiKey" | "baseUrl"; message: string };

const CHECK_TIMEOUT_MS = 10_000;
/** A model list longer than this is cut (only used to confirm the chosen names). */
const MAX_LISTED_MODELS = 500;

function request(env: AssistantEnv, credential: ProviderCredential): { url: string; headers: Record<string, string>; fetcher: Fetcher } {
	const trim = (base: string) => base.replace(/\/$/, "");
	switch (credential.kind) {
		case "openai":
			return {
				url: `${trim(env.OPENAI_BASE_URL || OPENAI_DEFAULT_BASE_URL)}/models`,
				headers: { Authorization: `Bearer ${credential.apiKey}` },
				fetcher: plainFetch,
			};
		case "anthropic":
			return {
				url: `${trim(env.ANTHROPIC_BASE_URL || ANTHROPIC_DEFAULT_BASE_URL)}/v1/models`,
				headers: { "x-api-key": credential.apiKey, "anthropic-version": "2023-06-01" },
				fetcher: plainFetch,
			};
		case "openai-compatible":
			return {
				url: `${trim(credential.baseUrl ?? "")}/models`,
				headers: { Authorization: `Bearer ${credential.apiKey}` },
				fetcher: guardedFetcher(env),
			};
	}
}

function listedModels(body: unknown): string[] {
	const data = (body as { data?: unknown } | null)?.data;
	if (!Array.isArray(data)) return [];
	return data
		.map((entry) => (entry as { id?: unknown } | null)?.id)
		.filter((id): id is string => typeof id === "string")
		.slice(0, MAX_LISTED_MODELS);
}

/** Checks `credential` against its provider; never throws for what the provider or network does. */
export async function checkProviderKey(env: AssistantEnv, credential: ProviderCredential): Promise<KeyCheck> {
	const name = AI_KEY_KIND_LABELS[credential.kind];
	const endpoint = credential.kind === "openai-compatible";
	const { url, headers, fetcher } = request(env, credential);
	let response: Response;
	try {
		response = await fetcher(url, { headers, signal: AbortSignal.timeout(CHECK_TIMEOUT_MS) });
	} catch (error) {
		if (error instanceof OutboundRefused) return { ok: false, path: "baseUrl", message: error.message };
		return endpoint
			? { ok: false, path: "baseUrl", message: "could not be reached: check the address and that the endpoint is up" }
			: { ok: false, path: "apiKey", message: `could not be checked: ${name} did not answer; try again` };
	}
	if (response.status === 401 || response.status === 403) {
		await response.body?.cancel();
		return { ok: false, path: "apiKey", message: `was refused by ${name} (${response.status}): check the key` };
	}
	if (!response.ok) {
		await response.body?.cancel();
		if (endpoint && response.status === 404)
			return { ok: false, path: "baseUrl", message: "has no /models endpoint (404): use the address that ends in /v1" };
		return endpoint
			? { ok: false, path: "baseUrl", message: `answered ${response.status} when asked for its models` }
			: { ok: false, path: "apiKey", message: `could not be checked: ${name} answered ${response.status}; try again` };
	}
	const body = await response.json().catch(() => null);
	if (endpoint && body === null) return { ok: false, path: "baseUrl", message: "did not answer with an OpenAI-style model list" };
	return { ok: true, models: listedModels(body) };
}
