/**
 * Message threads: one client's conversation with the agency, optionally about one project. Every
 * read goes through the caller's ClientAccess (a client user finds only their own client's threads;
 * anything else is 404), and lists carry the caller's unread count per thread.
 */
import { and, desc, eq, isNull, lt, or, type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import type { CreateThreadBody, ThreadDtoT, ThreadListQuery } from "../../../schema/dto/messaging";
import { clients, type MessageThread, messageThreads, projects } from "../../../schema/index";
import { decodeCursor, encodeCursor } from "../../lib/cursor";
import type { TenantScope } from "../../lib/db";
import { newId } from "../../lib/ids";
import { problems } from "../../lib/problem";
import { type ClientAccess, canSeeClient, visibleClientsCondition } from "../portal/client-access";
import { getVisibleProject } from "../portal/visible-project";
import { type MessagingSettings, messagingBlockedReason, messagingNotIncluded, messagingSettingsOf } from "./settings";

/** A thread the caller may see, with what posting in it depends on. */
export type VisibleThread = { thread: MessageThread; clientName: string; clientTier: string; projectName: string | null };

/** Messages by others in the thread that `userId` has not read (compares (created_at, id) with the read mark). */
function unreadCountFor(userId: string): SQL<number> {
	return sql<number>`(SELECT count(*) FROM thread_messages m
		LEFT JOIN thread_reads r ON r.tenant_id = m.tenant_id AND r.thread_id = m.thread_id AND r.user_id = ${userId}
		WHERE m.tenant_id = ${messageThreads.tenantId} AND m.thread_id = ${messageThreads.id} AND m.deleted_at IS NULL
		AND (m.author_user_id IS NULL OR m.author_user_id <> ${userId})
		AND (r.last_read_at IS NULL OR (m.created_at, m.id) > (r.last_read_at, r.last_read_message_id)))`.mapWith(Number);
}

const threadColumns = {
	thread: messageThreads,
	clientName: clients.name,
	clientTier: clients.tier,
	projectName: projects.name,
};

function threadQuery(scope: TenantScope) {
	return scope.db
		.select(threadColumns)
		.from(messageThreads)
		.innerJoin(clients, and(eq(clients.id, messageThreads.clientId), eq(clients.tenantId, messageThreads.tenantId)))
		.leftJoin(projects, and(eq(projects.id, messageThreads.projectId), eq(projects.tenantId, messageThreads.tenantId)));
}

/** The live thread `id` with its client and project (not yet checked against anyone's access); for `db.batch`. */
export function liveThreadQuery(scope: TenantScope, id: string) {
	return threadQuery(scope)
		.where(scope.where(messageThreads, eq(messageThreads.id, id), isNull(messageThreads.deletedAt), isNull(clients.deletedAt)))
		.limit(1);
}

/** `row` (a result of liveThreadQuery) if the caller may see its client, else 404. */
export function assertThreadVisible(access: ClientAccess, row: VisibleThread | undefined): VisibleThread {
	if (!row || !canSeeClient(access, row.thread.clientId)) throw problems.notFound("There is no thread with this id.");
	return row;
}

/** A live thread whose client the caller may see, or 404. */
export async function getVisibleThread(scope: TenantScope, access: ClientAccess, id: string): Promise<VisibleThread> {
	const [row] = await liveThreadQuery(scope, id);
	return assertThreadVisible(access, row);
}

/** Throws the 403 of a client whose tier does not include messaging. */
export async function assertCanPost(scope: TenantScope, visible: VisibleThread): Promise<void> {
	const reason = messagingBlockedReason(await messagingSettingsOf(scope), visible.clientTier);
	if (reason) throw messagingNotIncluded(reason);
}

export function toThreadDto(row: VisibleThread, unreadCount: number, settings: MessagingSettings): ThreadDtoT {
	const { tenantId: _tenant, createdByUserId: _creator, ...thread } = row.thread;
	const blockedReason = messagingBlockedReason(settings, row.clientTier);
	return {
		...thread,
		clientName: row.clientName,
		projectName: row.projectName,
		unreadCount,
		canPost: blockedReason === null,
		blockedReason,
	};
}

/** Threads newest activity first, with the caller's unread count on each. */
export async function listThreads(scope: TenantScope, access: ClientAccess, query: z.infer<typeof ThreadListQuery>) {
	const conditions: (SQL | undefined)[] = [
		isNull(messageThreads.deletedAt),
		isNull(clients.deletedAt),
		visibleClientsCondition(access, messageThreads.clientId),
	];
	if (query.clientId) conditions.push(eq(messageThreads.clientId, query.clientId));
	if (query.projectId) conditions.push(eq(messageThreads.projectId, query.projectId));
	if (query.cursor) {
		const cursor = decodeCursor(query.cursor);
		const at = Number(cursor.value);
		conditions.push(or(lt(messageThreads.lastMessageAt, at), and(eq(messageThreads.lastMessageAt, at), lt(messageThreads.id, cursor.id))));
	}
	const [rows, settings] = await Promise.all([
		scope.db
			.select({ ...threadColumns, unread: unreadCountFor(access.userId) })
			.from(messageThreads)
			.innerJoin(clients, and(eq(clients.id, messageThreads.clientId), eq(clients.tenantId, messageThreads.tenantId)))
			.leftJoin(projects, and(eq(projects.id, messageThreads.projectId), eq(projects.tenantId, messageThreads.tenantId)))
			.where(scope.where(messageThreads, ...conditions))
			.orderBy(desc(messageThreads.lastMessageAt), desc(messageThreads.id))
			.limit(query.limit + 1),
		messagingSettingsOf(scope),
	]);
	const page = rows.slice(0, query.limit);
	const last = page.at(-1);
	return {
		threads: page.map((row) => toThreadDto(row, row.unread, settings)),
		nextCursor: rows.length > query.limit && last ? encodeCursor({ value: last.thread.lastMessageAt, id: last.thread.id }) : null,
	};
}

/** The caller's unread count in every thread they may see that has any, and the total (the nav badge). */
export async function unreadSummary(scope: TenantScope, access: ClientAccess) {
	const unread = unreadCountFor(access.userId);
	const rows = await scope.db
		.select({ threadId: messageThreads.id, unreadCount: unread })
		.from(messageThreads)
		.innerJoin(clients, and(eq(clients.id, messageThreads.clientId), eq(clients.tenantId, messageThreads.tenantId)))
		.where(
			scope.where(
				messageThreads,
				isNull(messageThreads.deletedAt),
				isNull(clients.deletedAt),
				visibleClientsCondition(access, messageThreads.clientId),
			),
		);
	const threads = rows.filter((r) => r.unreadCount > 0);
	return { total: threads.reduce((sum, r) => sum + r.unreadCount, 0), threads };
}

/** Opens a thread for a client (and optionally one of its projects); creating again with the same id returns it. */
export async function createThread(
	scope: TenantScope,
	access: ClientAccess,
	input: z.infer<typeof CreateThreadBody>,
	now = Date.now(),
): Promise<{ thread: VisibleThread; created: boolean }> {
	if (!canSeeClient(access, input.clientId)) throw problems.validation([{ path: "clientId", message: "must be one of your clients" }]);
	const [client] = await scope.db
		.select({ id: clients.id, tier: clients.tier })
		.from(clients)
		.where(scope.where(clients, eq(clients.id, input.clientId), isNull(clients.deletedAt)))
		.limit(1);
	if (!client) throw problems.validation([{ path: "clientId", message: "must be one of your clients" }]);
	if (input.projectId) {
		const project = await getVisibleProject(scope, access, input.projectId).catch(() => null);
		if (project?.clientId !== input.clientId) {
			throw problems.validation([{ path: "projectId", message: "must be a project of this client" }]);
		}
	}
	const id = input.id ?? newId(now);
	const [existing] = await scope.db
		.select()
		.from(messageThreads)
		.where(scope.where(messageThreads, eq(messageThreads.id, id)))
		.limit(1);
	if (existing) {
		if (existing.clientId === input.clientId && existing.projectId === (input.projectId ?? null) && existing.subject === input.subject) {
			return { thread: await getVisibleThread(scope, access, id), created: false };
		}
		throw problems.conflict("id", "is already used by another record");
	}
	const blocked = messagingBlockedReason(await messagingSettingsOf(scope), client.tier);
	if (blocked) throw messagingNotIncluded(blocked);
	await scope.insert(messageThreads, {
		id,
		clientId: input.clientId,
		projectId: input.projectId ?? null,
		subject: input.subject,
		createdByUserId: access.userId,
		lastMessageAt: now,
		createdAt: now,
		updatedAt: now,
	});
	return { thread: await getVisibleThread(scope, access, id), created: true };
}
