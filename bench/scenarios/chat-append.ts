/**
 * Messages appended per second to one conversation's ChatSession (user message + queued reply,
 * through the same RPC the Worker uses; the local model answers, 0 ms per word). After the run the
 * tree is checked: every accepted send stored a message and a reply, and the queue drains.
 */
import { CHAT_DRIVER_HOST } from "../lib/chat-driver";
import type { Scenario } from "./types";

const CONVERSATION = "bench-chat:conversation";

type Count = { messages: number; unfinished: number };

export const chatAppend: Scenario = {
	id: "chat-append",
	label: "assistant message appended (one ChatSession)",
	async prepare() {
		return [{ method: "GET", path: `/append?conversation=${CONVERSATION}`, host: CHAT_DRIVER_HOST, expectStatus: 200 }];
	},
	async verify(context) {
		for (let attempt = 0; attempt < 600; attempt++) {
			const count = (await (
				await context.http.expect({ path: `/count?conversation=${CONVERSATION}`, host: CHAT_DRIVER_HOST }, 200)
			).json()) as Count;
			if (count.unfinished === 0) {
				const even = count.messages % 2 === 0;
				return `${even ? "exact" : "WRONG"}: ${count.messages / 2} sends stored as ${count.messages} messages, every reply finished`;
			}
		}
		return "WRONG: replies were still queued after 600 reads";
	},
};
