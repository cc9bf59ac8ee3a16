/**
 * Sending a message as every path does (REST, offline sync): store it once by its client-generated
 * id and, only when it is new, announce it live to the thread, nudge its audience and schedule the
 * unread email. A re-sent id returns the stored message and announces nothing.
 */
import type { TenantScope } from "../../lib/db";
import type { ClientAccess } from "../portal/client-access";
import { announceMessage, announceNudges, type Enqueue, type Publish } from "./live";
import { type PostInput, postMessage } from "./messages";

export async function sendMessage(
	deps: { publish: Publish; enqueue: Enqueue },
	scope: TenantScope,
	access: ClientAccess,
	threadId: string,
	input: PostInput,
	now = Date.now(),
) {
	// The message goes live as soon as it is stored; the nudges and the email wait for the writes after it.
	const result = await postMessage(scope, access, threadId, input, now, (message) => announceMessage(deps.publish, message));
	if (result.created) {
		await announceNudges(deps, {
			tenantId: scope.tenantId,
			clientId: result.thread.thread.clientId,
			message: result.message,
			unreadEmailMinutes: result.settings.unreadEmailMinutes,
		});
	}
	return result;
}
