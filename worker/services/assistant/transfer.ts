/**
 * Export and import of conversations. Export: Atrium JSON (the whole tree, every branch) and
 * Markdown (the active branch). Import: Atrium JSON and ChatGPT's conversations.json (its `mapping`
 * nodes, following `current_node` back to the root); imports keep the one branch that was active.
 */
import type { ChatMessage, ConversationTree } from "../../../schema/assistant";
import type { ConversationView } from "./conversations";

export const ATRIUM_EXPORT_FORMAT = "atrium.conversation.v1";

export type ImportedConversation = { title: string; messages: { role: "user" | "assistant"; content: string; createdAt: number }[] };

/** The messages from the root to the active leaf. */
export function activePath(tree: ConversationTree): ChatMessage[] {
	const byId = new Map(tree.messages.map((m) => [m.id, m]));
	const path: ChatMessage[] = [];
	let current = tree.activeLeafId ? byId.get(tree.activeLeafId) : undefined;
	while (current) {
		path.unshift(current);
		current = current.parentId ? byId.get(current.parentId) : undefined;
	}
	return path;
}

export function toAtriumJson(conversation: ConversationView, tree: ConversationTree) {
	return { format: ATRIUM_EXPORT_FORMAT, conversation, ...tree };
}

export function toMarkdown(conversation: ConversationView, tree: ConversationTree): string {
	const lines = [`# ${conversation.title}`, ""];
	for (const message of activePath(tree)) {
		const who = message.role === "user" ? "You" : `Assistant${message.providerModel ? ` (${message.providerModel})` : ""}`;
		lines.push(`**${who}:**`, "", message.content, "");
	}
	return lines.join("\n");
}

type ChatGptNode = {
	message?: { author?: { role?: string }; content?: { parts?: unknown[] }; create_time?: number | null } | null;
	parent?: string | null;
};
type ChatGptConversation = { title?: string; mapping?: Record<string, ChatGptNode>; current_node?: string; create_time?: number };

/** The conversations in a ChatGPT export, or a field error naming what is wrong. */
export function fromChatGpt(data: unknown): ImportedConversation[] | { path: string; message: string } {
	if (!Array.isArray(data)) return { path: "data", message: "must be the array in ChatGPT's conversations.json" };
	const out: ImportedConversation[] = [];
	for (const [index, item] of (data as ChatGptConversation[]).entries()) {
		if (!item || typeof item !== "object" || !item.mapping || typeof item.mapping !== "object")
			return { path: `data.${index}.mapping`, message: "is required" };
		const mapping = item.mapping;
		let nodeId: string | null | undefined = item.current_node ?? Object.keys(mapping).at(-1);
		const messages: ImportedConversation["messages"] = [];
		const seen = new Set<string>();
		while (nodeId && mapping[nodeId] && !seen.has(nodeId)) {
			seen.add(nodeId);
			const node: ChatGptNode = mapping[nodeId] ?? {};
			const role = node.message?.author?.role;
			const text = (node.message?.content?.parts ?? []).filter((p): p is string => typeof p === "string").join("\n");
			if ((role === "user" || role === "assistant") && text.trim() !== "") {
				messages.unshift({ role, content: text, createdAt: Math.round((node.message?.create_time ?? item.create_time ?? 0) * 1000) });
			}
			nodeId = node.parent;
		}
		out.push({ title: (item.title || "Imported chat").slice(0, 200), messages });
	}
	return out;
}

/** The active branch of an Atrium export. */
export function fromAtrium(data: unknown): ImportedConversation[] | { path: string; message: string } {
	const item = data as Partial<ReturnType<typeof toAtriumJson>> | null;
	if (!item || typeof item !== "object" || item.format !== ATRIUM_EXPORT_FORMAT)
		return { path: "data.format", message: `must be ${ATRIUM_EXPORT_FORMAT}` };
	if (!Array.isArray(item.messages)) return { path: "data.messages", message: "is required" };
	const path = activePath({ messages: item.messages, activeLeafId: item.activeLeafId ?? null });
	return [
		{
			title: String(item.conversation?.title ?? "Imported chat").slice(0, 200),
			messages: path
				.filter((m) => m.content !== "")
				.map((m) => ({ role: m.role, content: String(m.content), createdAt: Number(m.createdAt) || 0 })),
		},
	];
}
