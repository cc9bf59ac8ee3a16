/**
 * Threads and their messages from the device's synced records (offline first), with messages
 * written on this device but not sent yet laid over them as pending, and those the server refused
 * shown as not sent (with why) until the user dismisses them. Every message appears once:
 * a message is keyed by its id, which the outbox, the server and the live socket share. Pure, so
 * it is unit-tested (tests/unit/thread-from-store.test.ts).
 */
import type { MessageDtoT, ThreadDtoT } from "../../../schema/dto/messaging";
import { parseHlc } from "../../../schema/hlc";
import type { ConflictEntry, OutboxEntry, StoredRecord } from "../sync/local-store";

type Records = ReadonlyMap<string, StoredRecord>;
/** A thread as sync carries it: no per-person unread count. */
export type StoredThread = Omit<ThreadDtoT, "unreadCount">;
/** `refused`: why the server did not take this device's message (it is not in the thread), and the refusal to dismiss. */
export type ShownMessage = MessageDtoT & { pending: boolean; refused?: { detail: string; conflictId: string } };
export type Author = { userId: string; name: string };

function byCreated(a: { createdAt: number; id: string }, b: { createdAt: number; id: string }): number {
	return a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1);
}

export function storedThread(records: Records, threadId: string): StoredThread | null {
	return (records.get(`message_threads:${threadId}`)?.record as StoredThread | undefined) ?? null;
}

/** The threads on the device, latest activity first, with unread counts where the network gave them. */
export function threadsFromStore(records: Records, unread: ReadonlyMap<string, number>): ThreadDtoT[] {
	const out: ThreadDtoT[] = [];
	for (const stored of records.values()) {
		if (stored.entity !== "message_threads") continue;
		const thread = stored.record as StoredThread;
		out.push({ ...thread, unreadCount: unread.get(thread.id) ?? 0 });
	}
	return out.sort((a, b) => b.lastMessageAt - a.lastMessageAt || (a.id < b.id ? 1 : -1));
}

/**
 * One thread's messages, oldest first: the synced ones, those the network or socket brought
 * (`live`), this device's unsent ones (pending, by the signed-in author) and its refused ones.
 */
export function threadMessages(
	records: Records,
	outbox: readonly OutboxEntry[],
	live: readonly MessageDtoT[],
	threadId: string,
	author: Author,
	refused: readonly ConflictEntry[] = [],
): ShownMessage[] {
	const byId = new Map<string, ShownMessage>();
	for (const stored of records.values()) {
		if (stored.entity !== "thread_messages" || stored.record.threadId !== threadId) continue;
		byId.set(stored.id, { ...(stored.record as MessageDtoT), pending: false });
	}
	for (const message of live) if (message.threadId === threadId) byId.set(message.id, { ...message, pending: false });
	const own = (mutation: OutboxEntry["mutation"], createdAt: number, state: Pick<ShownMessage, "pending" | "refused">) => {
		if (mutation.type !== "message.send" || byId.has(mutation.recordId)) return;
		const changes = mutation.changes as { threadId: string; body: string };
		if (changes.threadId !== threadId) return;
		byId.set(mutation.recordId, {
			id: mutation.recordId,
			threadId,
			authorUserId: author.userId,
			authorName: author.name,
			body: changes.body,
			createdAt,
			updatedAt: createdAt,
			editedAt: null,
			deletedAt: null,
			attachment: null,
			...state,
		});
	};
	for (const { mutation, createdAt } of outbox) own(mutation, createdAt, { pending: true });
	for (const { mutation, result } of refused) {
		if (result.outcome !== "rejected") continue;
		// Refused before any newer message was written: shown where it was written (its clock's wall time).
		own(mutation, parseHlc(mutation.hlc)?.wall ?? 0, {
			pending: false,
			refused: { detail: result.problem?.detail ?? "", conflictId: mutation.id },
		});
	}
	return [...byId.values()].sort(byCreated);
}
