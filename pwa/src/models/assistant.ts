/**
 * The assistant as signals: the conversation list (with title search), the open conversation's
 * message tree kept live by its event stream (EventSource reconnects with Last-Event-ID, so a
 * dropped connection resumes mid-reply), the branch being viewed, models, templates, and the
 * problem to show (a 402 with its top-up link, a 429 with its retry time).
 */
import { computed, signal } from "@preact/signals";
import type { ChatMessage, ConversationTree, PromptTemplateView, StreamEvent } from "../../../schema/assistant";
import { api } from "../api/client";
import { type SuccessBody, successBody } from "../api/fetch-json";
import { type ProblemView, type ResponseLike, readProblem } from "../api/problem";
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

/** The problem the assistant API answered, with the top-up link a 402 carries. */
async function asProblem(response: ResponseLike): Promise<AssistantProblem> {
	const body: unknown = await response.json().catch(() => null);
	const { ok, status, statusText, headers } = response;
	const view = await readProblem({ ok, status, statusText, headers, json: () => Promise.resolve(body) });
	const topUpUrl = typeof body === "object" && body !== null && "topUpUrl" in body ? body.topUpUrl : undefined;
	return typeof topUpUrl === "string" ? { ...view, topUpUrl } : view;
}

/** One assistant API call through the typed client: its body as the route declares it, or null with `problem` set. */
async function call<R extends ResponseLike>(request: () => Promise<R>): Promise<{ body: SuccessBody<R> } | null> {
	let response: R;
	try {
		response = await request();
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
	return { body: await successBody(response) };
}

export async function loadAssistant(): Promise<void> {
	const [modelList, templateList] = await Promise.all([
		send(() => api.api.v1.assistant.models.$get()),
		call(() => api.api.v1.assistant.templates.$get()),
	]);
	if (modelList.ok && modelList.value.status === 200) {
		const body = await modelList.value.json();
		models.value = body.models;
		if (!selectedModelId.value) selectedModelId.value = body.defaultModelId;
	}
	if (templateList) templates.value = templateList.body.templates;
	await loadConversations();
	const fromAddress = new URLSearchParams(window.location.search).get("c");
	// Also after a remount (the stream was closed on unmount) while the same conversation stays open.
	if (fromAddress && (fromAddress !== openId.value || source === null)) await open(fromAddress);
}

export async function loadConversations(): Promise<void> {
	const query = search.value.trim();
	const page = await call(() => api.api.v1.assistant.conversations.$get({ query: query ? { q: query } : {} }));
	if (page) conversations.value = page.body.conversations;
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
	const answer = await call(() => api.api.v1.assistant.conversations[":id"].$get({ param: { id } }));
	if (!answer || openId.value !== id) return;
	tree.value = answer.body.tree;
	selectedModelId.value = answer.body.conversation.modelId;
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
	const created = await call(() =>
		api.api.v1.assistant.conversations.$post({ json: selectedModelId.value ? { modelId: selectedModelId.value } : {} }),
	);
	if (!created) return;
	conversations.value = [created.body, ...conversations.value];
	await open(created.body.id);
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
	const sent = await call(() =>
		api.api.v1.assistant.conversations[":id"].messages.$post({
			param: { id },
			json: body,
			header: { "idempotency-key": crypto.randomUUID() },
		}),
	);
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
		(await call(() =>
			api.api.v1.assistant.conversations[":id"].messages[":messageId"].edit.$post({
				param: { id, messageId },
				json: { content, modelId: selectedModelId.value || undefined },
				header: {},
			}),
		)) !== null
	);
}

export async function stop(): Promise<void> {
	const id = openId.value;
	if (id) await call(() => api.api.v1.assistant.conversations[":id"].stop.$post({ param: { id } }));
}

export async function rename(title: string): Promise<void> {
	const id = openId.value;
	if (!id || (await call(() => api.api.v1.assistant.conversations[":id"].$patch({ param: { id }, json: { title } }))) === null) return;
	conversations.value = conversations.value.map((c) => (c.id === id ? { ...c, title } : c));
}

export async function remove(): Promise<void> {
	const id = openId.value;
	if (!id || (await call(() => api.api.v1.assistant.conversations[":id"].$delete({ param: { id } }))) === null) return;
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
	const result = await call(() =>
		api.api.v1.assistant.conversations.import.$post({ json: { format: Array.isArray(data) ? "chatgpt" : "atrium", data } }),
	);
	if (result) await loadConversations();
}
