/**
 * Dashboard sections about activity, next to dashboards.ts: the agency's threads with messages the
 * reader has not read (from the messaging unread service), and a client's newest documents and
 * messages. Every query goes through the reader's ClientAccess, so no section shows another client.
 */
import { and, desc, eq, inArray, isNull } from "drizzle-orm";
import { clients, documents, documentVersions, messageThreads, projects, threadMessages, users } from "../../../schema/index";
import type { TenantScope } from "../../lib/db";
import { unreadSummary } from "../messaging/threads";
import { type ClientAccess, visibleClientsCondition } from "./client-access";

const SECTION_LIMIT = 5;
const EXCERPT_LENGTH = 160;

/** Threads with messages the reader has not read, most recent activity first, and the total unread. */
export async function unreadThreads(scope: TenantScope, access: ClientAccess, limit = 10) {
	const summary = await unreadSummary(scope, access);
	const counts = new Map(summary.threads.map((t) => [t.threadId, t.unreadCount]));
	if (counts.size === 0) return { total: 0, threads: [] };
	const rows = await scope.db
		.select({
			id: messageThreads.id,
			subject: messageThreads.subject,
			clientId: messageThreads.clientId,
			clientName: clients.name,
			projectName: projects.name,
			lastMessageAt: messageThreads.lastMessageAt,
		})
		.from(messageThreads)
		.innerJoin(clients, and(eq(clients.id, messageThreads.clientId), eq(clients.tenantId, messageThreads.tenantId)))
		.leftJoin(projects, and(eq(projects.id, messageThreads.projectId), eq(projects.tenantId, messageThreads.tenantId)))
		.where(
			scope.where(messageThreads, inArray(messageThreads.id, [...counts.keys()]), visibleClientsCondition(access, messageThreads.clientId)),
		)
		.orderBy(desc(messageThreads.lastMessageAt), desc(messageThreads.id))
		.limit(limit);
	return { total: summary.total, threads: rows.map((r) => ({ ...r, unreadCount: counts.get(r.id) ?? 0 })) };
}

/** The client's most recently added or updated documents. */
export async function recentDocuments(scope: TenantScope, clientId: string) {
	return scope.db
		.select({
			id: documents.id,
			name: documents.name,
			projectId: documents.projectId,
			size: documentVersions.size,
			contentType: documentVersions.contentType,
			updatedAt: documents.updatedAt,
		})
		.from(documents)
		.innerJoin(
			documentVersions,
			and(eq(documentVersions.id, documents.currentVersionId), eq(documentVersions.tenantId, documents.tenantId)),
		)
		.where(scope.where(documents, eq(documents.clientId, clientId), isNull(documents.deletedAt)))
		.orderBy(desc(documents.updatedAt), desc(documents.id))
		.limit(SECTION_LIMIT);
}

/** The newest messages in the client's threads, each with an excerpt and its author. */
export async function recentMessages(scope: TenantScope, clientId: string) {
	const rows = await scope.db
		.select({
			id: threadMessages.id,
			threadId: threadMessages.threadId,
			threadSubject: messageThreads.subject,
			authorName: users.name,
			body: threadMessages.body,
			createdAt: threadMessages.createdAt,
		})
		.from(threadMessages)
		.innerJoin(messageThreads, and(eq(messageThreads.id, threadMessages.threadId), eq(messageThreads.tenantId, threadMessages.tenantId)))
		.leftJoin(users, and(eq(users.id, threadMessages.authorUserId), eq(users.tenantId, threadMessages.tenantId)))
		.where(
			scope.where(
				threadMessages,
				eq(messageThreads.clientId, clientId),
				isNull(threadMessages.deletedAt),
				isNull(messageThreads.deletedAt),
			),
		)
		.orderBy(desc(threadMessages.createdAt), desc(threadMessages.id))
		.limit(SECTION_LIMIT);
	return rows.map(({ body, ...r }) => ({ ...r, excerpt: body.length > EXCERPT_LENGTH ? `${body.slice(0, EXCERPT_LENGTH - 1)}…` : body }));
}
