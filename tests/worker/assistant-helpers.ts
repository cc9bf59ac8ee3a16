/** Helpers for assistant tests: conversations through the API, and reading the SSE reply stream as a client does. */
import { env } from "cloudflare:workers";
import type { ChatMessage, ConversationTree, StreamEvent } from "../../schema/assistant";
import type { Agency } from "../support/agencies";
import { call } from "../support/http";

export type SseEvent = { id: number; event: StreamEvent };

/** A reader of a conversation's event stream: `next()` returns events one at a time. */
export class EventReader {
	private buffer = "";
	private readonly reader: ReadableStreamDefaultReader<Uint8Array>;
	private readonly decoder = new TextDecoder();
	readonly seen: SseEvent[] = [];

	constructor(response: Response) {
		if (!response.body) throw new Error(`no stream: ${response.status}`);
		this.reader = response.body.getReader();
	}

	async next(): Promise<SseEvent> {
		for (;;) {
			const end = this.buffer.indexOf("\n\n");
			if (end !== -1) {
				const block = this.buffer.slice(0, end);
				this.buffer = this.buffer.slice(end + 2);
				const id = Number(/^id: (\d+)$/m.exec(block)?.[1]);
				const data = /^data: (.*)$/m.exec(block)?.[1];
				if (data === undefined) continue;
				const event = { id, event: JSON.parse(data) as StreamEvent };
				this.seen.push(event);
				return event;
			}
			const { value, done } = await this.reader.read();
			if (done) throw new Error("stream ended");
			this.buffer += this.decoder.decode(value, { stream: true });
		}
	}

	/** Reads until `done` for `messageId`; returns the finished message. */
	async until(messageId: string): Promise<ChatMessage> {
		for (;;) {
			const { event } = await this.next();
			if (event.type === "done" && event.message.id === messageId) return event.message;
		}
	}

	/** Reads until the first delta of `messageId`. */
	async firstDelta(messageId: string): Promise<string> {
		for (;;) {
			const { event } = await this.next();
			if (event.type === "delta" && event.messageId === messageId) return event.text;
		}
	}

	async close(): Promise<void> {
		await this.reader.cancel();
	}
}

export async function newConversation(agency: Agency, cookie = agency.ownerCookie, modelId?: string): Promise<string> {
	const res = await call(agency.host, "/api/v1/assistant/conversations", { body: modelId ? { modelId } : {}, cookie });
	if (res.status !== 201) throw new Error(`create failed: ${res.status} ${await res.text()}`);
	return ((await res.json()) as { id: string }).id;
}

export async function openStream(agency: Agency, id: string, cookie = agency.ownerCookie, lastEventId?: number): Promise<EventReader> {
	const res = await call(agency.host, `/api/v1/assistant/conversations/${id}/stream`, {
		cookie,
		headers: lastEventId === undefined ? {} : { "Last-Event-ID": String(lastEventId) },
	});
	if (res.status !== 200) throw new Error(`stream failed: ${res.status} ${await res.text()}`);
	return new EventReader(res);
}

export async function sendMessage(
	agency: Agency,
	id: string,
	body: { content: string; modelId?: string; parentId?: string | null; about?: { kind: string; id: string } },
	cookie = agency.ownerCookie,
): Promise<Response> {
	return call(agency.host, `/api/v1/assistant/conversations/${id}/messages`, { body, cookie });
}

export async function sent(response: Response): Promise<{ userMessage: ChatMessage; reply: ChatMessage }> {
	if (response.status !== 202) throw new Error(`send failed: ${response.status} ${await response.text()}`);
	return response.json();
}

export async function treeOf(agency: Agency, id: string, cookie = agency.ownerCookie): Promise<ConversationTree> {
	const res = await call(agency.host, `/api/v1/assistant/conversations/${id}`, { cookie });
	if (res.status !== 200) throw new Error(`tree failed: ${res.status}`);
	return ((await res.json()) as { tree: ConversationTree }).tree;
}

export async function grant(agency: Agency, amount: number, key = "test-grant"): Promise<void> {
	await env.TENANT_GATE.getByName(agency.tenantId).grantCredits({ amount, idempotencyKey: key, reason: "test allowance" });
}
