/**
 * One open thread: its messages (oldest first on screen), who is online, who is typing, how far
 * others have read ("Seen"), and the composer's actions. Messages are posted over REST with a
 * client-generated id (a retry stores it once); the thread's socket brings everyone else's
 * messages, typing, presence and read receipts live.
 */
import { computed, signal } from "@preact/signals";
import type { MessageDtoT, ThreadDtoT } from "../../../schema/dto/messaging";
import type { PresenceUser, ServerEvent } from "../../../schema/messaging";
import { api } from "../api/client";
import { fetchJson } from "../api/fetch-json";
import type { ProblemView } from "../api/problem";
import { type Result, send } from "../api/request";
import { type LiveSocket, openLiveSocket } from "../lib/live-socket";
import { me } from "./session";

export const thread = signal<ThreadDtoT | null>(null);
export const threadProblem = signal<ProblemView | null>(null);
export const messages = signal<MessageDtoT[]>([]);
export const online = signal<PresenceUser[]>([]);
export const typing = signal<PresenceUser | null>(null);
/** Each other participant's read mark: userId → message id. */
export const readMarks = signal<Record<string, string>>({});

let socket: LiveSocket | null = null;
let typingTimer: ReturnType<typeof setTimeout> | undefined;
let lastTypingSent = 0;

const myId = () => me.value?.user.id ?? "";

/** Whether someone else has read up to (or past) the caller's newest message. */
export const seenLatest = computed(() => {
	const list = messages.value;
	const mineIndex = list.findLastIndex((m) => m.authorUserId === myId());
	if (mineIndex < 0 || mineIndex !== list.length - 1) return false;
	return Object.values(readMarks.value).some((id) => list.findIndex((m) => m.id === id) >= mineIndex);
});

function upsert(message: MessageDtoT): void {
	const rest = messages.value.filter((m) => m.id !== message.id);
	messages.value = [...rest, message].sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
}

function markLatestRead(): void {
	const latest = messages.value.at(-1);
	if (!latest || latest.authorUserId === myId() || document.visibilityState !== "visible") return;
	const id = thread.value?.id;
	if (!id) return;
	if (!socket?.send({ type: "read", messageId: latest.id })) {
		void send(() => api.api.v1.threads[":id"].read.$put({ param: { id }, json: { messageId: latest.id } }));
	}
}

function onEvent(event: ServerEvent): void {
	switch (event.type) {
		case "hello":
			online.value = event.online;
			return;
		case "message":
		case "message-updated":
			upsert(event.message);
			if (typing.value?.userId === event.message.authorUserId) typing.value = null;
			if (event.type === "message") markLatestRead();
			return;
		case "typing":
			typing.value = event.user;
			clearTimeout(typingTimer);
			typingTimer = setTimeout(() => {
				typing.value = null;
			}, 4000);
			return;
		case "presence":
			online.value = event.online
				? [...online.value.filter((u) => u.userId !== event.user.userId), event.user]
				: online.value.filter((u) => u.userId !== event.user.userId);
			return;
		case "read":
			if (event.userId !== myId()) readMarks.value = { ...readMarks.value, [event.userId]: event.messageId };
			return;
		case "unread":
		case "error":
			return;
	}
}

export async function openThreadView(id: string): Promise<void> {
	closeThreadView();
	const [t, page] = await Promise.all([
		fetchJson(() => api.api.v1.threads[":id"].$get({ param: { id } })),
		fetchJson(() => api.api.v1.threads[":id"].messages.$get({ param: { id }, query: { limit: "100" } })),
	]);
	if (!t.ok || !page.ok) {
		threadProblem.value = t.ok ? (page.ok ? null : page.problem) : t.problem;
		return;
	}
	threadProblem.value = null;
	thread.value = t.value;
	messages.value = [...page.value.messages].reverse();
	readMarks.value = Object.fromEntries(page.value.reads.map((r) => [r.userId, r.messageId]));
	socket = openLiveSocket(`/api/v1/threads/${id}/socket`, onEvent, markLatestRead);
}

export function closeThreadView(): void {
	socket?.close();
	socket = null;
	clearTimeout(typingTimer);
	thread.value = null;
	messages.value = [];
	online.value = [];
	typing.value = null;
	readMarks.value = {};
}

/** Tells the others the user is typing (at most every 2 s). */
export function noteTyping(): void {
	const now = Date.now();
	if (now - lastTypingSent < 2000) return;
	lastTypingSent = now;
	socket?.send({ type: "typing" });
}

export async function uploadAttachment(threadId: string, file: File): Promise<Result<{ id: string }>> {
	const result = await send(() =>
		fetch(`/api/v1/threads/${threadId}/attachments?name=${encodeURIComponent(file.name)}`, {
			method: "POST",
			credentials: "same-origin",
			headers: { "Content-Type": file.type || "application/octet-stream" },
			body: file,
		}),
	);
	if (!result.ok) return result;
	return { ok: true, value: (await result.value.json()) as { id: string } };
}

export async function postMessage(threadId: string, body: string, attachmentId?: string): Promise<Result<MessageDtoT>> {
	const id = crypto.randomUUID();
	const result = await fetchJson(() =>
		api.api.v1.threads[":id"].messages.$post({ param: { id: threadId }, json: { id, body, ...(attachmentId ? { attachmentId } : {}) } }),
	);
	if (result.ok) upsert(result.value);
	return result;
}
