/**
 * Messages of a thread: list (newest first, keyset pages, with where each participant has read to),
 * post (idempotent by the client-generated id: a re-sent message is stored once), edit and delete
 * one's own, and read marks that only move forward. REST and the MessagingHub's sockets both call
 * these, so the same access rule and plan gate apply on both paths.
 */
import { and, desc, eq, inArray, isNull, lt, ne, or, sql } from "drizzle-orm";
import type { z } from "zod";
import type { MessageDtoT, MessageListQuery } from "../../../schema/dto/messaging";
import {
	type MessageAttachment,
	messageAttachments,
	messageThreads,
	type ThreadMessage,
	threadMessages,
	threadReads,
	users,
} from "../../../schema/index";
import { selectInChunks } from "../../lib/chunks";
import { decodeCursor, encodeCursor } from "../../lib/cursor";
import type { TenantScope } from "../../lib/db";
import { newId } from "../../lib/ids";
import { runInOneBatch } from "../../lib/one-batch";
import { problems } from "../../lib/problem";
import type { ClientAccess } from "../portal/client-access";
import {
	type MessagingSettings,
	messagingBlockedReason,
	messagingNotIncluded,
	messagingSettingsOfRow,
	messagingSettingsQuery,
} from "./settings";
import { assertThreadVisible, getVisibleThread, liveThreadQuery, type VisibleThread } from "./threads";

export type PostInput = { id: string; body: string; attachmentId?: string | undefined };

/** Messages with their author's name and attachment, in the order of `rows`. */
export async function toMessageDtos(scope: TenantScope, rows: ThreadMessage[]): Promise<MessageDtoT[]> {
	if (rows.length === 0) return [];
	const authorIds = [...new Set(rows.map((r) => r.authorUserId).filter((id): id is string => id !== null))];
	const [authors, attachments] = await Promise.all([
		selectInChunks(authorIds, (slice) =>
			scope.db
				.select({ id: users.id, name: users.name })
				.from(users)
				.where(scope.where(users, inArray(users.id, slice))),
		),
		// A page holds up to 100 messages: more ids than D1 binds in one statement with the tenant.
		selectInChunks(
			rows.map((r) => r.id),
			(slice) =>
				scope.db
					.select()
					.from(messageAttachments)
					.where(scope.where(messageAttachments, inArray(messageAttachments.messageId, slice), isNull(messageAttachments.deletedAt))),
		),
	]);
	return rows.map((row) =>
		messageDto(
			row,
			authors.find((a) => a.id === row.authorUserId)?.name ?? null,
			attachments.find((a) => a.messageId === row.id),
		),
	);
}

/** One message's wire shape; a deleted message shows no attachment, a removed author shows as "Former member". */
function messageDto(row: ThreadMessage, authorName: string | null, attachment: MessageAttachment | undefined): MessageDtoT {
	const shown = row.deletedAt === null ? attachment : undefined;
	return {
		id: row.id,
		threadId: row.threadId,
		authorUserId: row.authorUserId,
		authorName: authorName ?? "Former member",
		body: row.body,
		createdAt: row.createdAt,
		updatedAt: row.updatedAt,
		editedAt: row.editedAt,
		deletedAt: row.deletedAt,
		attachment: shown ? { id: shown.id, fileName: shown.fileName, contentType: shown.contentType, size: shown.size } : null,
	};
}

function messageByIdQuery(scope: TenantScope, id: string) {
	return scope.db
		.select()
		.from(threadMessages)
		.where(scope.where(threadMessages, eq(threadMessages.id, id)))
		.limit(1);
}

async function messageById(scope: TenantScope, id: string): Promise<ThreadMessage | undefined> {
	const [row] = await messageByIdQuery(scope, id);
	return row;
}

/**
 * Newest first; deleted messages stay as tombstones with an empty body so the thread keeps its shape.
 * One D1 round trip: the thread (checked against the caller's access before anything is returned),
 * the page with each author's name joined in, the other participants' read marks and the page's
 * attachments go together in one `db.batch`.
 */
export async function listMessages(scope: TenantScope, access: ClientAccess, threadId: string, query: z.infer<typeof MessageListQuery>) {
	const conditions = [eq(threadMessages.threadId, threadId)];
	if (query.cursor) {
		const cursor = decodeCursor(query.cursor);
		const at = Number(cursor.value);
		const older = or(lt(threadMessages.createdAt, at), and(eq(threadMessages.createdAt, at), lt(threadMessages.id, cursor.id)));
		if (older) conditions.push(older);
	}
	const pageWhere = scope.where(threadMessages, ...conditions);
	const newestFirst = [desc(threadMessages.createdAt), desc(threadMessages.id)];
	const [threadRows, rows, reads, attachments] = await scope.db.batch([
		liveThreadQuery(scope, threadId),
		scope.db
			.select({ message: threadMessages, authorName: users.name })
			.from(threadMessages)
			.leftJoin(users, and(eq(users.id, threadMessages.authorUserId), eq(users.tenantId, threadMessages.tenantId)))
			.where(pageWhere)
			.orderBy(...newestFirst)
			.limit(query.limit + 1),
		scope.db
			.select({ userId: threadReads.userId, name: users.name, messageId: threadReads.lastReadMessageId, readAt: threadReads.updatedAt })
			.from(threadReads)
			.innerJoin(users, and(eq(users.id, threadReads.userId), eq(users.tenantId, threadReads.tenantId)))
			.where(scope.where(threadReads, eq(threadReads.threadId, threadId), ne(threadReads.userId, access.userId))),
		// The attachments of the page's messages: the same page as a subquery (no id list to bind).
		scope.db
			.select()
			.from(messageAttachments)
			.where(
				scope.where(
					messageAttachments,
					isNull(messageAttachments.deletedAt),
					inArray(
						messageAttachments.messageId,
						scope.db
							.select({ id: threadMessages.id })
							.from(threadMessages)
							.where(pageWhere)
							.orderBy(...newestFirst)
							.limit(query.limit + 1),
					),
				),
			),
	]);
	assertThreadVisible(access, threadRows[0]);
	const page = rows.slice(0, query.limit);
	const last = page.at(-1)?.message;
	return {
		messages: page.map(({ message, authorName }) =>
			messageDto(
				message,
				authorName,
				attachments.find((a) => a.messageId === message.id),
			),
		),
		nextCursor: rows.length > query.limit && last ? encodeCursor({ value: last.createdAt, id: last.id }) : null,
		reads,
	};
}

/**
 * Posts a message, idempotent by its client-made id (the same id again returns the stored message
 * with `created: false`). Three D1 round trips: one batch reads all the checks need (the thread, an
 * earlier message with this id, the messaging settings, the author's name, the attachment); the
 * insert; one batch of the writes that follow it (the thread's last activity, the author's read
 * mark, the attachment's link), run at the same time as `onInserted` (the live delivery), so a
 * delivery waits for two round trips, not three. The new message is answered from what was written,
 * not read back. `settings` are the ones the post was checked against.
 */
export async function postMessage(
	scope: TenantScope,
	access: ClientAccess,
	threadId: string,
	input: PostInput,
	now = Date.now(),
	onInserted?: (message: MessageDtoT, thread: VisibleThread) => Promise<unknown>,
): Promise<{ message: MessageDtoT; thread: VisibleThread; created: boolean; settings: MessagingSettings }> {
	const [threadRows, earlierRows, settingsRows, authorRows, attachmentRows] = await scope.db.batch([
		liveThreadQuery(scope, threadId),
		messageByIdQuery(scope, input.id),
		messagingSettingsQuery(scope),
		scope.db
			.select({ name: users.name })
			.from(users)
			.where(scope.where(users, eq(users.id, access.userId)))
			.limit(1),
		scope.db
			.select()
			.from(messageAttachments)
			.where(scope.where(messageAttachments, eq(messageAttachments.id, input.attachmentId ?? ""), isNull(messageAttachments.deletedAt)))
			.limit(1),
	]);
	const thread = assertThreadVisible(access, threadRows[0]);
	const settings = messagingSettingsOfRow(settingsRows[0]);
	const replay = async (existing: ThreadMessage | undefined): Promise<MessageDtoT | null> => {
		if (!existing) return null;
		if (existing.threadId !== threadId || existing.authorUserId !== access.userId) {
			throw problems.idTaken();
		}
		const [dto] = await toMessageDtos(scope, [existing]);
		return dto ?? null;
	};
	const earlier = await replay(earlierRows[0]);
	if (earlier) return { message: earlier, thread, created: false, settings };
	const blocked = messagingBlockedReason(settings, thread.clientTier);
	if (blocked) throw messagingNotIncluded(blocked);
	const attachment = input.attachmentId ? attachmentRows[0] : undefined;
	if (input.attachmentId) {
		if (!attachment || attachment.threadId !== threadId || attachment.uploaderUserId !== access.userId || attachment.messageId !== null) {
			throw problems.validation([{ path: "attachmentId", message: "must be a file you uploaded to this thread and not yet sent" }]);
		}
	}
	const inserted = await scope
		.insert(threadMessages, { id: input.id, threadId, authorUserId: access.userId, body: input.body, createdAt: now, updatedAt: now })
		.onConflictDoNothing()
		.returning({ id: threadMessages.id });
	if (inserted.length === 0) {
		// Another request with the same id won the race: answer with what it stored.
		const raced = await replay(await messageById(scope, input.id));
		if (raced) return { message: raced, thread, created: false, settings };
		throw problems.idTaken();
	}
	const stored: ThreadMessage = {
		id: input.id,
		tenantId: scope.tenantId,
		threadId,
		authorUserId: access.userId,
		body: input.body,
		createdAt: now,
		updatedAt: now,
		editedAt: null,
		deletedAt: null,
	};
	const message = messageDto(stored, authorRows[0]?.name ?? null, attachment);
	// The message is stored: `onInserted` (the live delivery) runs beside the writes that follow it, not after them.
	await Promise.all([
		runInOneBatch(scope.db, [
			scope.update(messageThreads, { lastMessageAt: now, updatedAt: now }, eq(messageThreads.id, threadId)),
			readMarkUpsert(scope, threadId, access.userId, { id: input.id, createdAt: now }, now),
			...(attachment
				? [scope.update(messageAttachments, { messageId: input.id, updatedAt: now }, eq(messageAttachments.id, attachment.id))]
				: []),
		]),
		onInserted?.(message, thread),
	]);
	return { message, thread, created: true, settings };
}

/** The caller's own live message of a visible thread, or 404 (403 for someone else's). */
async function ownMessage(scope: TenantScope, access: ClientAccess, threadId: string, messageId: string): Promise<ThreadMessage> {
	await getVisibleThread(scope, access, threadId);
	const message = await messageById(scope, messageId);
	if (!message || message.threadId !== threadId || message.deletedAt !== null) throw problems.notFound("There is no message with this id.");
	if (message.authorUserId !== access.userId) throw problems.forbidden("You can only change your own messages.");
	return message;
}

export async function editMessage(
	scope: TenantScope,
	access: ClientAccess,
	threadId: string,
	messageId: string,
	body: string,
	now = Date.now(),
) {
	await ownMessage(scope, access, threadId, messageId);
	const [row] = await scope.update(threadMessages, { body, editedAt: now, updatedAt: now }, eq(threadMessages.id, messageId)).returning();
	if (!row) throw problems.notFound("There is no message with this id.");
	const [dto] = await toMessageDtos(scope, [row]);
	if (!dto) throw new Error("edited message vanished");
	return dto;
}

/** Soft-deletes one's own message (empty body, tombstone) and its attachment. */
export async function deleteMessage(scope: TenantScope, access: ClientAccess, threadId: string, messageId: string, now = Date.now()) {
	await ownMessage(scope, access, threadId, messageId);
	const [row] = await scope
		.update(threadMessages, { body: "", deletedAt: now, updatedAt: now }, eq(threadMessages.id, messageId))
		.returning();
	await scope.update(messageAttachments, { deletedAt: now, updatedAt: now }, eq(messageAttachments.messageId, messageId));
	if (!row) throw problems.notFound("There is no message with this id.");
	const [dto] = await toMessageDtos(scope, [row]);
	if (!dto) throw new Error("deleted message vanished");
	return dto;
}

/** Moves `userId`'s read mark to `message` unless it is already at or past it. */
async function advanceReadMark(
	scope: TenantScope,
	threadId: string,
	userId: string,
	message: { id: string; createdAt: number },
	now: number,
) {
	await readMarkUpsert(scope, threadId, userId, message, now);
}

/** Moves `userId`'s read mark of the thread forward to `message` (never back); for `db.batch`. */
function readMarkUpsert(scope: TenantScope, threadId: string, userId: string, message: { id: string; createdAt: number }, now: number) {
	return scope.db
		.insert(threadReads)
		.values({
			id: newId(now),
			tenantId: scope.tenantId,
			threadId,
			userId,
			lastReadMessageId: message.id,
			lastReadAt: message.createdAt,
			createdAt: now,
			updatedAt: now,
		})
		.onConflictDoUpdate({
			target: [threadReads.tenantId, threadReads.threadId, threadReads.userId],
			set: { lastReadMessageId: message.id, lastReadAt: message.createdAt, updatedAt: now },
			setWhere: sql`(${threadReads.lastReadAt}, ${threadReads.lastReadMessageId}) < (${message.createdAt}, ${message.id})`,
		});
}

/** Marks the thread read up to `messageId`; returns the caller's read mark (which never moves back). */
export async function markRead(scope: TenantScope, access: ClientAccess, threadId: string, messageId: string, now = Date.now()) {
	await getVisibleThread(scope, access, threadId);
	const message = await messageById(scope, messageId);
	if (!message || message.threadId !== threadId)
		throw problems.validation([{ path: "messageId", message: "must be a message of this thread" }]);
	await advanceReadMark(scope, threadId, access.userId, message, now);
	const [mark] = await scope.db
		.select({ messageId: threadReads.lastReadMessageId, readAt: threadReads.updatedAt })
		.from(threadReads)
		.where(scope.where(threadReads, eq(threadReads.threadId, threadId), eq(threadReads.userId, access.userId)))
		.limit(1);
	if (!mark) throw new Error("read mark vanished");
	return mark;
}
