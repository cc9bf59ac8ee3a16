/**
 * Opening a conversation's reply stream (SSE) so that it follows access: the stream is known to the
 * tenant's MessagingHub by the session that opened it, so signing out, revoking that session or
 * removing the person ends it (see worker/services/sessions/live-access.ts). Track first, subscribe, then
 * confirm from D1 that the session is still live: a revocation racing this request either finds the
 * tracked stream or is seen by the confirmation, never neither.
 */
import type { TenantScope } from "../../lib/db";
import { problems } from "../../lib/problem";
import { sessionIsLive } from "../sessions/live-access";
import { findOwnedConversation } from "./conversations";

/** The ChatSession object of a conversation is named by its tenant and id. */
export function chatSessionName(tenantId: string, conversationId: string): string {
	return `${tenantId}:${conversationId}`;
}

export type ReplyStreamDeps = { CHAT_SESSIONS: Env["CHAT_SESSIONS"]; MESSAGING_HUB: Env["MESSAGING_HUB"] };

export async function openReplyStream(
	deps: ReplyStreamDeps,
	scope: TenantScope,
	viewer: { sessionId: string; userId: string },
	conversationId: string,
	lastEventId: number | null,
): Promise<ReadableStream<Uint8Array>> {
	await findOwnedConversation(scope, viewer.userId, conversationId);
	const opener = { ...viewer, tenantId: scope.tenantId, conversationId };
	await deps.MESSAGING_HUB.getByName(scope.tenantId).trackStream({ ...viewer, conversationId });
	const stream = await deps.CHAT_SESSIONS.getByName(chatSessionName(scope.tenantId, conversationId)).subscribe(lastEventId, opener);
	if (!(await sessionIsLive(scope, viewer.sessionId))) {
		await stream.cancel();
		throw problems.unauthenticated("Your session has ended.");
	}
	return stream;
}
