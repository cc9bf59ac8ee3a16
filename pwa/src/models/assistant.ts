/**
 * The assistant as signals: the conversation list (with title search), the open conversation's
 * message tree kept live by its event stream (EventSource reconnects with Last-Event-ID, so a
 * dropped connection resumes mid-reply), the branch being viewed, models, templates, and the
 * problem to show (a 402 with its top-up link, a 429 with its retry time).
 */
import { computed, signal } from "@preact/signals";
import type { ChatMessage, ConversationTree, PromptTemplateView, StreamEvent } from "../../../schema/assistant";
import { api } from "../api/client";
import type { ProblemView } from "../api/problem";
import { send } from "../api/request";

export type ConversationItem = { id: string; title: string; modelId: string; updatedAt: number };
export type ModelItem = { id: string; label: string; local: boolean };
export type AssistantProblem = ProblemView & { topUpUrl?: string };

export const conversations = signal<ConversationItem[]>([]);
export const search = signal("");
export const openId = signal<string | null>(null);
export const tree = signal<ConversationTree>({ messages: [], activeLeafId: null });
/** The leaf of the branch on screen; null → the conversation's active leaf. */
export const viewLeafId = signal<string | null>(null);
export const models = signal<ModelItem[]>([]);
export const selectedModelId = signal<string>("");
export const templates = signal<PromptTemplateView[]>([]);
export const problem = signal<AssistantProblem | null>(null);
export const listLoaded = signal(false);

/** A project, client or document the next messages ask about (from "Ask the assistant" on its page or "Attach document"), or null. */
export type AskingAbout = { kind: "project" | "client" | "document"; id: string; label: string };
export const askingAbout = signal<AskingAbout | null>(null);

/** Reads `?about=project:<id>&label=…` from the address the page was opened with. */
export function askingAboutFrom(search: string): AskingAbout | null {
	const params = new URLSearchParams(search);
	const [kind, id] = (params.get("about") ?? "").split(":");
	if ((kind !== "project" && kind !== "client" && kind !== "document") || !id) return null;
	return { kind, id, label: params.get("label") ?? kind };
}

let source: EventSource | null = null;

export const openConversation = computed(() => conversations.value.find((c) => c.id === openId.value) ?? null);

const byId = computed(() => new Map(tree.value.messages.map((m) => [m.id, m])));

/** The messages from the root to the viewed leaf. */
export const visiblePath = computed<ChatMessage[]>(() => {
	const path: ChatMessage[] = [];
	let current = byId.value.get(viewLeafId.value ?? tree.value.activeLeafId ?? "");
	while (current) {
		path.unshift(current);
		current = current.parentId ? byId.value.get(current.parentId) : undefined;
	}
	return path;
});

export const generating = computed(() => tree.value.messages.some((m) => m.status === "pending" || m.status === "streaming"));

/** Shows another branch: the sibling `id`, followed down to its newest leaf. */
export function showBranch(id: string): void {
	let leaf = byId.value.get(id);
	while (leaf) {
		const leafId: string = leaf.id;
		const children = tree.value.messages.filter((m) => m.parentId === leafId);
		const newest = children.at(-1);
		if (!newest) break;
		leaf = newest;
	}
	viewLeafId.value = leaf?.id ?? null;
}

async function asProblem(response: Response): Promise<AssistantProblem> {
	const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
	const retry = Number(response.headers.get("Retry-After"));
	const errors = Array.isArray(body.errors) ? (body.errors as { path: string; message: string }[]) : [];
	return {
		status: response.status,
		title: String(body.title ?? "Something went wrong"),
		detail: String(body.detail ?? "Please try again."),
		fields: Object.fromEntries(errors.map((e) => [e.path, e.message])),
		retryAfterSeconds: Number.isFinite(retry) && retry > 0 ? retry : null,
		...(typeof body.topUpUrl === "string" ? { topUpUrl: body.topUpUrl } : {}),
	};
}

/** A JSON call to the assistant API; a failure becomes `problem`. */
async function call<T>(path: string, init: { method?: string; body?: unknown; idempotent?: boolean } = {}): Promise<T | null> {
	let response: Response;
	try {
		response = await fetch(`/api/v1/assistant${path}`, {
			method: init.method ?? (init.body === undefined ? "GET" : "POST"),
			credentials: "same-origin",
			...(init.body === undefined
				? {}
				: {
						headers: { "Content-Type": "application/json", ...(init.idempotent ? { "Idempotency-Key": crypto.randomUUID() } : {}) },
						body: JSON.stringify(init.body),
					}),
		});
	} catch {
		problem.value = {
			status: 0,
			title: "You are offline",
			detail: "The assistant needs a connection.",
			fields: {},
			retryAfterSeconds: null,
		};
		return null;
	}
	if (!response.ok) {
		problem.value = await asProblem(response);
		return null;
	}
	problem.value = null;
	return response.status === 204 ? ({} as T) : ((await response.json()) as T);
}

export async function loadAssistant(): Promise<void> {
	const [modelList, templateList] = await Promise.all([
		send(() => api.api.v1.assistant.models.$get()),
		call<{ templates: PromptTemplateView[] }>("/templates"),
	]);
	if (modelList.ok && modelList.value.status === 200) {
		const body = await modelList.value.json();
		models.value = body.models;
		if (!selectedModelId.value) selectedModelId.value = body.defaultModelId;
	}
	if (templateList) templates.value = templateList.templates;
	await loadConversations();
	const fromAddress = new URLSearchParams(window.location.search).get("c");
	// Also after a remount (the stream was closed on unmount) while the same conversation stays open.
	if (fromAddress && (fromAddress !== openId.value || source === null)) await open(fromAddress);
}

export async function loadConversations(): Promise<void> {
	const query = search.value.trim();
	const page = await call<{ conversations: ConversationItem[] }>(`/conversations${query ? `?q=${encodeURIComponent(query)}` : ""}`);
	if (page) conversations.value = page.conversations;
	listLoaded.value = true;
}

function apply(event: StreamEvent): void {
	const current = tree.value;
	switch (event.type) {
		case "snapshot":
			tree.value = event.tree;
			return;
		case "message":
		case "done": {
			const exists = current.messages.some((m) => m.id === event.message.id);
			const messages = exists
				? current.messages.map((m) => (m.id === event.message.id ? event.message : m))
				: [...current.messages, event.message];
			// A new message on the branch being viewed moves the view along with it.
			const followsView = !exists && (viewLeafId.value === null || viewLeafId.value === event.message.parentId);
			tree.value = { messages: refreshSiblings(messages), activeLeafId: exists ? current.activeLeafId : event.message.id };
			if (followsView) viewLeafId.value = null;
			return;
		}
		case "delta":
			tree.value = {
				...current,
				messages: current.messages.map((m) => (m.id === event.messageId ? { ...m, content: m.content + event.text } : m)),
			};
			return;
	}
}

function refreshSiblings(messages: ChatMessage[]): ChatMessage[] {
	return messages.map((m) => ({ ...m, siblingIds: messages.filter((s) => s.parentId === m.parentId).map((s) => s.id) }));
}

/** Opens a conversation: its tree, then its live stream (every tab of it sees the same tokens). */
export async function open(id: string): Promise<void> {
	source?.close();
	openId.value = id;
	// The open conversation is in the address, so a reload (or a shared link) comes back to it.
	window.history.replaceState(null, "", `/assistant?c=${encodeURIComponent(id)}`);
	viewLeafId.value = null;
	tree.value = { messages: [], activeLeafId: null };
	const body = await call<{ conversation: ConversationItem; tree: ConversationTree }>(`/conversations/${id}`);
	if (!body || openId.value !== id) return;
	tree.value = body.tree;
	selectedModelId.value = body.conversation.modelId;
	source = new EventSource(`/api/v1/assistant/conversations/${id}/stream`);
	for (const type of ["snapshot", "message", "delta", "done"] as const) {
		source.addEventListener(type, (event) => {
			if (openId.value === id) apply(JSON.parse((event as MessageEvent<string>).data) as StreamEvent);
		});
	}
}

export function closeStream(): void {
	source?.close();
	source = null;
}

export async function newChat(): Promise<void> {
	const created = await call<ConversationItem>("/conversations", { body: selectedModelId.value ? { modelId: selectedModelId.value } : {} });
	if (!created) return;
	conversations.value = [created, ...conversations.value];
	await open(created.id);
}

/** Sends under the viewed branch; when it is the active one the server appends after queued replies. */
export async function sendMessage(content: string): Promise<boolean> {
	let id = openId.value;
	if (!id) {
		await newChat();
		id = openId.value;
	}
	if (!id) return false;
	const leaf = viewLeafId.value;
	const about = askingAbout.value;
	const body = {
		content,
		modelId: selectedModelId.value || undefined,
		...(about ? { about: { kind: about.kind, id: about.id } } : {}),
		...(leaf && leaf !== tree.value.activeLeafId ? { parentId: leaf } : {}),
	};
	const sent = await call<{ reply: ChatMessage }>(`/conversations/${id}/messages`, { body, idempotent: true });
	if (sent) void loadConversations();
	return sent !== null;
}

/** Asks again: the reply's question is sent once more as a new branch, so both answers stay browsable. */
export function regenerate(replyId: string): Promise<boolean> {
	const reply = byId.value.get(replyId);
	const question = reply?.parentId ? byId.value.get(reply.parentId) : undefined;
	if (question?.role !== "user") return Promise.resolve(false);
	return editMessage(question.id, question.content);
}

export async function editMessage(messageId: string, content: string): Promise<boolean> {
	const id = openId.value;
	if (!id) return false;
	viewLeafId.value = null;
	return (
		(await call(`/conversations/${id}/messages/${messageId}/edit`, { body: { content, modelId: selectedModelId.value || undefined } })) !==
		null
	);
}

export async function stop(): Promise<void> {
	if (openId.value) await call(`/conversations/${openId.value}/stop`, { method: "POST" });
}

export async function rename(title: string): Promise<void> {
	const id = openId.value;
	if (!id || (await call(`/conversations/${id}`, { method: "PATCH", body: { title } })) === null) return;
	conversations.value = conversations.value.map((c) => (c.id === id ? { ...c, title } : c));
}

export async function remove(): Promise<void> {
	const id = openId.value;
	if (!id || (await call(`/conversations/${id}`, { method: "DELETE" })) === null) return;
	closeStream();
	openId.value = null;
	window.history.replaceState(null, "", "/assistant");
	tree.value = { messages: [], activeLeafId: null };
	conversations.value = conversations.value.filter((c) => c.id !== id);
}

/** Imports a file: ChatGPT's conversations.json (an array) or an Atrium export. */
export async function importFile(file: File): Promise<void> {
	let data: unknown;
	try {
		data = JSON.parse(await file.text());
	} catch {
		problem.value = {
			status: 422,
			title: "Not a JSON file",
			detail: "Choose a conversation exported from this assistant, or ChatGPT's conversations.json.",
			fields: {},
			retryAfterSeconds: null,
		};
		return;
	}
	const result = await call<{ conversations: ConversationItem[] }>("/conversations/import", {
		body: { format: Array.isArray(data) ? "chatgpt" : "atrium", data },
	});
	if (result) await loadConversations();
}
