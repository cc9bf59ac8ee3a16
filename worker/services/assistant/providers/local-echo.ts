/**
 * The built-in local model `local/atrium-echo`: not a real AI. It answers every question with a
 * fixed template that repeats it and names the portal records it was given, streamed word by word, and counts tokens deterministically
 * (input: one per four characters of the prompt; output: one per word). Needs no network.
 */

import { estimateTokens } from "../../../../schema/ai-models";
import { portalRecordHeadlines } from "../portal-record-note";
import type { ChatProvider, ChatTurn, ProviderEvent, ProviderRequest } from "./types";

/** The reply to a conversation whose last user turn is `question`, given the portal records' headlines. */
export function echoReply(question: string, portalRecords: readonly string[] = []): string {
	const words = question.trim().split(/\s+/).filter(Boolean);
	const quoted = words.slice(0, 40).join(" ") + (words.length > 40 ? " …" : "");
	const seen = portalRecords.length > 0 ? ` Portal records I was given: ${portalRecords.join("; ")}.` : "";
	return `Local demo model — not a real AI. You asked: "${quoted}". Your message has ${words.length} words.${seen} Connect an AI provider to get real answers.`;
}

export function echoUsage(messages: readonly ChatTurn[], reply: string): { inputTokens: number; outputTokens: number } {
	return {
		inputTokens: estimateTokens(messages.map((m) => m.content).join("\n")),
		outputTokens: reply.split(" ").length,
	};
}

function pause(ms: number, signal: AbortSignal): Promise<void> {
	return new Promise((resolve) => {
		if (ms <= 0 || signal.aborted) return resolve();
		const timer = setTimeout(resolve, ms);
		signal.addEventListener("abort", () => {
			clearTimeout(timer);
			resolve();
		});
	});
}

/** `wordDelayMs`: the pause between words, so streaming is visible (and stoppable). */
export function localEchoProvider(wordDelayMs: number): ChatProvider {
	return {
		id: "local",
		async *stream(request: ProviderRequest): AsyncGenerator<ProviderEvent> {
			const question = [...request.messages].reverse().find((m) => m.role === "user")?.content ?? "";
			const notes = request.messages.filter((m) => m.role === "system").map((m) => m.content);
			const words = echoReply(question, portalRecordHeadlines(notes)).split(" ");
			for (const [index, word] of words.entries()) {
				if (request.signal.aborted) return;
				yield { type: "delta", text: index === 0 ? word : ` ${word}` };
				await pause(wordDelayMs, request.signal);
			}
			yield { type: "usage", ...echoUsage(request.messages, words.join(" ")) };
		},
	};
}
