/**
 * Live delivery of messaging events through the tenant's MessagingHub: socket tags, who a socket
 * is (its serialized attachment), and what follows a post or a read on either path (REST or socket):
 * the event to the thread's sockets, an unread nudge to its audience, and the unread-email job.
 */
import type { MessageDtoT } from "../../../schema/dto/messaging";
import type { Job } from "../../../schema/jobs";
import type { ServerEvent } from "../../../schema/messaging";
import type { ClientAccess } from "../portal/client-access";

/** Who a socket belongs to and what it may do; set by the upgrade route, stored with `serializeAttachment`. */
export type SocketIdentity = {
	tenantId: string;
	/** The session that opened it (its hash id): revoking that session closes the socket. */
	sessionId: string;
	userId: string;
	name: string;
	access: ClientAccess;
	canWrite: boolean;
	/** The thread this socket watches; null for the navigation socket (unread nudges only). */
	threadId: string | null;
};

/** The internal header carrying a SocketIdentity from the Worker to the hub (never from outside: DOs are not public). */
export const SOCKET_IDENTITY_HEADER = "X-Atrium-Socket-Identity";

export const threadTag = (threadId: string) => `thread:${threadId}`;
export const userTag = (userId: string) => `user:${userId}`;
export const sessionTag = (sessionId: string) => `session:${sessionId}`;
/** One person's navigation sockets (their unread badge). */
export const badgeTag = (userId: string) => `badges:${userId}`;
/** Every staff socket, or every socket of one client's people. */
export function audienceTagOf(access: ClientAccess): string {
	return access.kind === "all" ? "audience:staff" : `audience:client:${access.clientId ?? "none"}`;
}

/**
 * The tags a socket carries. Every socket: its person and its session (so a revocation reaches
 * it). A thread view: its thread. The navigation socket: its audience and its person's badge tag,
 * the only sockets that act on `unread` nudges (a thread view ignores them), so a post costs one
 * frame per thread view, not two.
 */
export function socketTags(identity: SocketIdentity): string[] {
	const tags = [userTag(identity.userId), sessionTag(identity.sessionId)];
	if (identity.threadId) tags.push(threadTag(identity.threadId));
	else tags.push(audienceTagOf(identity.access), badgeTag(identity.userId));
	return tags;
}
export function threadAudienceTags(clientId: string): string[] {
	return ["audience:staff", `audience:client:${clientId}`];
}

export type Publish = (tags: string[], event: ServerEvent) => Promise<unknown> | unknown;
export type Enqueue = (job: Job, options?: QueueSendOptions) => Promise<void>;

export function unreadEmailJob(tenantId: string, messageId: string): Job {
	return { type: "message-unread-email", tenantId, messageId, idempotencyKey: `message-unread:${messageId}` };
}

/** A new message, live to the thread's open views. */
export async function announceMessage(publish: Publish, message: MessageDtoT): Promise<void> {
	await publish([threadTag(message.threadId)], { type: "message", threadId: message.threadId, message });
}

/** After a new message is announced: an unread nudge to its audience, and (at the same time) an email later if still unread. */
export async function announceNudges(
	deps: { publish: Publish; enqueue: Enqueue },
	input: { tenantId: string; clientId: string; message: MessageDtoT; unreadEmailMinutes: number },
): Promise<void> {
	const { message } = input;
	await Promise.all([
		deps.publish(threadAudienceTags(input.clientId), { type: "unread", threadId: message.threadId }),
		deps.enqueue(unreadEmailJob(input.tenantId, message.id), { delaySeconds: input.unreadEmailMinutes * 60 }),
	]);
}

/** After a read mark moved: "Seen" for the thread, and the reader's own badges. */
export async function announceRead(
	publish: Publish,
	input: { threadId: string; userId: string; messageId: string; readAt: number },
): Promise<void> {
	await publish([threadTag(input.threadId)], { type: "read", ...input });
	await publish([badgeTag(input.userId)], { type: "unread", threadId: input.threadId });
}
