/**
 * Runs one reply through a model's provider chain. A target is skipped while its circuit is open;
 * an error, a 429 or no first token within the timeout moves on to the next target. Once a provider
 * has streamed its first token it owns the reply (no switching mid-answer). Stopping keeps what was
 * generated. The result records which provider answered and every attempt before it.
 */
import { type AiModel, estimateTokens, type ProviderId } from "../../../schema/ai-models";
import type { ProviderAttempt } from "../../../schema/assistant";
import type { CircuitBreakers } from "./circuit-breaker";
import type { ProviderRegistry } from "./providers/registry";
import { type ChatTurn, ProviderError, type ProviderEvent } from "./providers/types";

export type Usage = { inputTokens: number; outputTokens: number };

export type GenerationResult = {
	status: "done" | "stopped" | "failed";
	text: string;
	/** Usage as the provider reported it, or estimated from the text when it could not report. */
	usage: Usage;
	provider: ProviderId | null;
	providerModel: string | null;
	attempts: ProviderAttempt[];
	error: string | null;
};

export type GenerationRequest = {
	model: AiModel;
	messages: readonly ChatTurn[];
	providers: ProviderRegistry;
	breakers: CircuitBreakers;
	firstTokenTimeoutMs: number;
	/** Aborted by Stop. */
	stop: AbortSignal;
	onDelta: (text: string) => void;
};

const TIMED_OUT = Symbol("timed out");
const STOPPED = Symbol("stopped");

function estimatedUsage(messages: readonly ChatTurn[], text: string): Usage {
	return { inputTokens: estimateTokens(messages.map((m) => m.content).join("\n")), outputTokens: estimateTokens(text) };
}

function signalPromise(signal: AbortSignal): Promise<typeof STOPPED> {
	return new Promise((resolve) => {
		if (signal.aborted) resolve(STOPPED);
		else signal.addEventListener("abort", () => resolve(STOPPED), { once: true });
	});
}

export async function generateWithFallback(request: GenerationRequest): Promise<GenerationResult> {
	const attempts: ProviderAttempt[] = [];
	const stopped = signalPromise(request.stop);
	const ended = (status: GenerationResult["status"], text: string, error: string | null, usage?: Usage) => ({
		status,
		text,
		usage: usage ?? estimatedUsage(request.messages, text),
		provider: null,
		providerModel: null,
		attempts,
		error,
	});

	for (const target of request.model.chain) {
		const provider = request.providers.get(target.provider);
		if (!provider) continue;
		if (request.stop.aborted) return ended("stopped", "", null);
		if (!request.breakers.tryAcquire(target.provider)) {
			attempts.push({ provider: target.provider, model: target.model, outcome: "circuit-open" });
			continue;
		}
		const attempt = new AbortController();
		const abortAttempt = () => attempt.abort();
		request.stop.addEventListener("abort", abortAttempt, { once: true });
		const iterator = provider
			.stream({ model: target.model, messages: request.messages, maxOutputTokens: request.model.maxOutputTokens, signal: attempt.signal })
			[Symbol.asyncIterator]();
		let timer: ReturnType<typeof setTimeout> | null = null;
		const cancelTimer = () => {
			if (timer !== null) clearTimeout(timer);
		};
		const timeout = new Promise<typeof TIMED_OUT>((resolve) => {
			timer = setTimeout(() => resolve(TIMED_OUT), request.firstTokenTimeoutMs);
		});
		let first: IteratorResult<ProviderEvent> | typeof TIMED_OUT | typeof STOPPED;
		try {
			first = await Promise.race([iterator.next(), timeout, stopped]);
		} catch (error) {
			cancelTimer();
			request.stop.removeEventListener("abort", abortAttempt);
			if (request.stop.aborted) return ended("stopped", "", null);
			const rateLimited = error instanceof ProviderError && error.kind === "rate-limited";
			attempts.push({
				provider: target.provider,
				model: target.model,
				outcome: rateLimited ? "rate-limited" : "error",
				detail: describe(error),
			});
			request.breakers.failed(target.provider);
			continue;
		}
		cancelTimer();
		if (first === STOPPED) {
			attempt.abort();
			return ended("stopped", "", null);
		}
		if (first === TIMED_OUT) {
			attempt.abort();
			request.stop.removeEventListener("abort", abortAttempt);
			attempts.push({
				provider: target.provider,
				model: target.model,
				outcome: "timeout",
				detail: `no token within ${request.firstTokenTimeoutMs} ms`,
			});
			request.breakers.failed(target.provider);
			continue;
		}

		// This provider answered: it owns the reply from here on.
		request.breakers.succeeded(target.provider);
		attempts.push({ provider: target.provider, model: target.model, outcome: "answered" });
		let text = "";
		let usage: Usage | null = null;
		const take = (event: ProviderEvent) => {
			if (event.type === "delta") {
				text += event.text;
				request.onDelta(event.text);
			} else usage = { inputTokens: event.inputTokens, outputTokens: event.outputTokens };
		};
		let status: GenerationResult["status"] = "done";
		let error: string | null = null;
		try {
			if (!first.done) take(first.value);
			while (!request.stop.aborted) {
				const next = await Promise.race([iterator.next(), stopped]);
				if (next === STOPPED || next.done) break;
				take(next.value);
			}
			if (request.stop.aborted) {
				status = "stopped";
				attempt.abort();
			}
		} catch (caught) {
			status = request.stop.aborted ? "stopped" : "failed";
			error = request.stop.aborted ? null : describe(caught);
			if (!request.stop.aborted) request.breakers.failed(target.provider);
		}
		request.stop.removeEventListener("abort", abortAttempt);
		return {
			status,
			text,
			usage: usage ?? estimatedUsage(request.messages, text),
			provider: target.provider,
			providerModel: target.model,
			attempts,
			error,
		};
	}
	return ended(
		"failed",
		"",
		`No provider could answer (${attempts.map((a) => `${a.provider}: ${a.outcome}`).join(", ") || "none configured"}).`,
	);
}

function describe(error: unknown): string {
	return error instanceof Error ? error.message.slice(0, 300) : String(error).slice(0, 300);
}
