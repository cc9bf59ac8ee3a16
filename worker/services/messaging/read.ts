/**
 * Marking a thread read as every path does (REST, the MessagingHub's sockets): move the reader's
 * mark forward, then announce it live — "Seen" to the thread and the reader's own unread badges.
 * Entry points call this, never the mark and the announcement separately.
 */
import type { TenantScope } from "../../lib/db";
import type { ClientAccess } from "../portal/client-access";
import { announceRead, type Publish } from "./live";
import { markRead } from "./messages";

/** Marks `threadId` read up to `messageId` for `access`'s person and announces it; returns their read mark. */
export async function markThreadRead(
	deps: { publish: Publish },
	scope: TenantScope,
	access: ClientAccess,
	threadId: string,
	messageId: string,
	now = Date.now(),
) {
	const mark = await markRead(scope, access, threadId, messageId, now);
	await announceRead(deps.publish, { threadId, userId: access.userId, ...mark });
	return mark;
}
