/**
 * One open thread: its messages (oldest first on screen), who is online, who is typing, how far
 * others have read ("Seen"), and the composer's actions. The page reads the device's synced store
 * first (works offline) and refreshes from the network; a text message goes through the sync
 * outbox (`message.send`, with a client-generated id, so it is stored once and shown pending until
 * sent), a message with a file over REST. The thread's socket brings everyone else's messages,
 * typing, presence and read receipts live.
 */
import { computed, effect, signal } from "@preact/signals";
import type { MessageDtoT, ThreadDtoT } from "../../../schema/dto/messaging";
import type { PresenceUser, ServerEvent } from "../../../schema/messaging";
import { api } from "../api/client";
import { fetchJson, fetchRouteJson } from "../api/fetch-json";
import type { ProblemView } from "../api/problem";
import { type Result, send } from "../api/request";
import { type LiveSocket, openLiveSocket } from "../lib/live-socket";
import { loadSession, me } from "./session";
import { conflicts, outbox, queueWrite, records, storeReady, syncNow } from "./sync";
import { type ShownMessage, storedThread, threadMessages } from "./thread-from-store";

export const thread = signal<ThreadDtoT | null>(null);
export const threadProblem = signal<ProblemView | null>(null);
/** What the thread page shows when the server closed its socket because the person lost access. */
const ACCESS_REMOVED: ProblemView = {
	status: 403,
	title: "No longer available",
	detail: "You no longer have access to this conversation.",
	fields: {},
	retryAfterSeconds: null,
};
/** What the network and the socket brought (the store adds synced and pending messages). */
export const messages = signal<MessageDtoT[]>([]);
/** The thread's messages as shown: synced, live and this device's unsent and refused ones, each once. */
export const shownMessages = computed<ShownMessage[]>(() => {
	const id = thread.value?.id;
	if (!id) return [];
	const author = { userId: myId(), name: me.value?.user.name ?? "You" };
	return threadMessages(storeReady.value ? records.value : new Map(), outbox.value, messages.value, id, author, conflicts.value);
});
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
	const list = shownMessages.value;
	const mineIndex = list.findLastIndex((m) => m.authorUserId === myId());
	if (mineIndex < 0 || mineIndex !== list.length - 1) return false;
	return Object.values(readMarks.value).some((id) => list.findIndex((m) => m.id === id) >= mineIndex);
});

function upsert(message: MessageDtoT): void {
	const rest = messages.value.filter((m) => m.id !== message.id);
	messages.value = [...rest, message].sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
}

function markLatestRead(): void {
	const latest = shownMessages.value.at(-1);
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

/** The thread from the store, as the page needs it until the network answers. */
function threadFromStore(id: string): ThreadDtoT | null {
	const stored = storeReady.value ? storedThread(records.value, id) : null;
	return stored ? { ...stored, unreadCount: 0 } : null;
}

/** The thread the page shows; when the store opens after the page (a reload offline), the page follows. */
const shownId = signal<string | null>(null);
effect(() => {
	const id = shownId.value;
	if (id && storeReady.value && !thread.peek()) thread.value = threadFromStore(id);
});

// Back online with a thread shown from the device only: load it from the network and go live.
window.addEventListener("online", () => {
	const id = shownId.peek();
	if (id && !socket) void openThreadView(id);
});

export async function openThreadView(id: string): Promise<void> {
	closeThreadView();
	threadProblem.value = null;
	shownId.value = id;
	thread.value = threadFromStore(id);
	void syncNow();
	const [t, page] = await Promise.all([
		fetchJson(() => api.api.v1.threads[":id"].$get({ param: { id } })),
		fetchJson(() => api.api.v1.threads[":id"].messages.$get({ param: { id }, query: { limit: "100" } })),
	]);
	if (shownId.value !== id) return;
	if (!t.ok || !page.ok) {
		const problem = t.ok ? (page.ok ? null : page.problem) : t.problem;
		// Offline with the thread on the device: what is shown is the device's copy.
		if (problem?.status === 404 || !threadFromStore(id)) threadProblem.value = problem;
		thread.value ??= threadFromStore(id);
		return;
	}
	thread.value = t.value;
	messages.value = [...page.value.messages].reverse();
	readMarks.value = Object.fromEntries(page.value.reads.map((r) => [r.userId, r.messageId]));
	// On each (re)connect: messages sent while the socket was down come through sync.
	socket = openLiveSocket(
		`/api/v1/threads/${id}/socket`,
		onEvent,
		() => {
			markLatestRead();
			void syncNow();
		},
		(because) => {
			// Access ended while the thread was open: say so instead of a thread that silently stops.
			if (because === "session-ended") void loadSession();
			else threadProblem.value = ACCESS_REMOVED;
		},
	);
}

export function closeThreadView(): void {
	shownId.value = null;
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
	type Upload = (typeof api.api.v1.threads)[":id"]["attachments"]["$post"];
	const result = await fetchRouteJson<Upload>(() =>
		fetch(`/api/v1/threads/${threadId}/attachments?name=${encodeURIComponent(file.name)}`, {
			method: "POST",
			credentials: "same-origin",
			headers: { "Content-Type": file.type || "application/octet-stream" },
			body: file,
		}),
	);
	return result;
}

/** Sends a message: text through the outbox when the thread is on the device (works offline), else over REST. */
export async function postMessage(threadId: string, body: string, attachmentId?: string): Promise<Result<{ id: string }>> {
	const id = crypto.randomUUID();
	if (!attachmentId && storeReady.value && storedThread(records.value, threadId)) {
		await queueWrite({ type: "message.send", recordId: id, changes: { threadId, body } }, "thread_messages");
		return { ok: true, value: { id } };
	}
	const result = await fetchJson(() =>
		api.api.v1.threads[":id"].messages.$post({ param: { id: threadId }, json: { id, body, ...(attachmentId ? { attachmentId } : {}) } }),
	);
	if (result.ok) upsert(result.value);
	return result;
}
