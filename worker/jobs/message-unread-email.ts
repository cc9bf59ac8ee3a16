/**
 * Job `message-unread-email`: runs the tenant's unread-email delay after a message was posted and
 * emails each recipient who has still not read it. Recipients: the client's people for a message
 * from the agency; for a message from a client person, the client's account owner and the staff who
 * have written in the thread (the agency's owners and admins when there are none). One outbox key per
 * message and recipient, so a redelivered job sends nothing twice.
 */
import { and, eq, inArray, isNull, ne } from "drizzle-orm";
import { clientMembers, clients, memberships, messageThreads, tenants, threadMessages, threadReads, users } from "../../schema/index";
import type { JobOf } from "../../schema/jobs";
import { type TenantScope, tenantScope } from "../lib/db";
import { unreadMessageEmail } from "../lib/email/messaging";
import { sendOnce } from "../services/email/email-outbox";
import type { JobDeps } from "./job-deps";

type Found = { message: typeof threadMessages.$inferSelect; thread: typeof messageThreads.$inferSelect; ownerUserId: string | null };

async function recipientsOf(scope: TenantScope, found: Found): Promise<string[]> {
	const people = await scope.db
		.select({ userId: clientMembers.userId })
		.from(clientMembers)
		.where(scope.where(clientMembers, eq(clientMembers.clientId, found.thread.clientId), isNull(clientMembers.deletedAt)));
	const peopleIds = people.map((p) => p.userId);
	const author = found.message.authorUserId;
	if (author === null || !peopleIds.includes(author)) return peopleIds.filter((id) => id !== author);
	const writers = await scope.db
		.selectDistinct({ userId: threadMessages.authorUserId })
		.from(threadMessages)
		.where(scope.where(threadMessages, eq(threadMessages.threadId, found.thread.id), isNull(threadMessages.deletedAt)));
	const staff = new Set<string>();
	if (found.ownerUserId) staff.add(found.ownerUserId);
	for (const w of writers) if (w.userId && !peopleIds.includes(w.userId)) staff.add(w.userId);
	if (staff.size === 0) {
		const admins = await scope.db
			.select({ userId: memberships.userId })
			.from(memberships)
			.where(scope.where(memberships, inArray(memberships.role, ["owner", "admin"])));
		for (const a of admins) staff.add(a.userId);
	}
	staff.delete(author);
	return [...staff];
}

export async function runMessageUnreadEmail(deps: JobDeps, job: JobOf<"message-unread-email">): Promise<void> {
	const scope = tenantScope(deps.db, job.tenantId);
	const [found] = await scope.db
		.select({ message: threadMessages, thread: messageThreads, ownerUserId: clients.ownerUserId, slug: tenants.slug })
		.from(threadMessages)
		.innerJoin(messageThreads, and(eq(messageThreads.id, threadMessages.threadId), eq(messageThreads.tenantId, threadMessages.tenantId)))
		.innerJoin(clients, and(eq(clients.id, messageThreads.clientId), eq(clients.tenantId, messageThreads.tenantId)))
		.innerJoin(tenants, eq(tenants.id, threadMessages.tenantId))
		.where(
			scope.where(threadMessages, eq(threadMessages.id, job.messageId), isNull(threadMessages.deletedAt), isNull(messageThreads.deletedAt)),
		)
		.limit(1);
	if (!found) {
		deps.log.info("message-unread-email: message gone; nothing to send", { messageId: job.messageId });
		return;
	}
	const recipientIds = await recipientsOf(scope, found);
	if (recipientIds.length === 0) return;
	const [recipients, reads, [author]] = await Promise.all([
		scope.db
			.select({ id: users.id, name: users.name, email: users.email })
			.from(users)
			.where(scope.where(users, inArray(users.id, recipientIds))),
		scope.db
			.select({ userId: threadReads.userId, lastReadAt: threadReads.lastReadAt, lastReadMessageId: threadReads.lastReadMessageId })
			.from(threadReads)
			.where(scope.where(threadReads, eq(threadReads.threadId, found.thread.id), ne(threadReads.userId, found.message.authorUserId ?? ""))),
		found.message.authorUserId
			? scope.db
					.select({ name: users.name })
					.from(users)
					.where(scope.where(users, eq(users.id, found.message.authorUserId)))
					.limit(1)
			: Promise.resolve([]),
	]);
	const baseUrl = await deps.tenantUrl(job.tenantId);
	const identity = await deps.agencyEmail(job.tenantId);
	const { message } = found;
	for (const person of recipients) {
		const read = reads.find((r) => r.userId === person.id);
		const hasRead =
			read !== undefined &&
			(read.lastReadAt > message.createdAt || (read.lastReadAt === message.createdAt && read.lastReadMessageId >= message.id));
		if (hasRead) continue;
		const rendered = unreadMessageEmail({
			personName: person.name,
			authorName: author?.name ?? identity.brand.name,
			subject: found.thread.subject,
			excerpt: message.body,
			threadUrl: `${baseUrl}/messages/${found.thread.id}`,
			brand: identity.brand,
		});
		await sendOnce(scope, deps.email, {
			...rendered,
			idempotencyKey: `${job.idempotencyKey}:${person.id}`,
			template: "message-unread",
			from: identity.from,
			to: person.email,
		});
	}
}
