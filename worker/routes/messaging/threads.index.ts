/** The threads router: threads and messages, each request limited to the clients its user may see; posts and reads go live. */
import type { Context } from "hono";
import type { Job } from "../../../schema/jobs";
import type { AppEnv } from "../../env";
import { createRouter } from "../../http/create-router";
import { portalRequest } from "../../http/portal-request";
import { enqueue } from "../../lib/jobs";
import { type Publish, threadTag } from "../../services/messaging/live";
import { deleteMessage, editMessage, listMessages } from "../../services/messaging/messages";
import { markThreadRead } from "../../services/messaging/read";
import { sendMessage } from "../../services/messaging/send";
import { messagingSettingsOf } from "../../services/messaging/settings";
import { createThread, getVisibleThread, listThreads, toThreadDto, unreadSummary } from "../../services/messaging/threads";
import * as routes from "./threads.routes";

/** Publishes through the tenant's MessagingHub. */
export function hubPublisher(c: Context<AppEnv>, tenantId: string): Publish {
	const hub = c.env.MESSAGING_HUB.getByName(tenantId);
	return (tags, event) => hub.publish(tags, event);
}

export const threadsRouter = createRouter()
	.openapi(routes.list, async (c) => {
		const { scope, access } = await portalRequest(c);
		return c.json(await listThreads(scope, access, c.req.valid("query")), 200);
	})
	.openapi(routes.create, async (c) => {
		const { scope, access } = await portalRequest(c);
		const { thread, created } = await createThread(scope, access, c.req.valid("json"));
		return c.json(toThreadDto(thread, 0, await messagingSettingsOf(scope)), created ? 201 : 200);
	})
	.openapi(routes.get, async (c) => {
		const { scope, access } = await portalRequest(c);
		const id = c.req.valid("param").id;
		const [thread, settings, unread] = await Promise.all([
			getVisibleThread(scope, access, id),
			messagingSettingsOf(scope),
			unreadSummary(scope, access),
		]);
		return c.json(toThreadDto(thread, unread.threads.find((t) => t.threadId === id)?.unreadCount ?? 0, settings), 200);
	})
	.openapi(routes.listMessages, async (c) => {
		const { scope, access } = await portalRequest(c);
		return c.json(await listMessages(scope, access, c.req.valid("param").id, c.req.valid("query")), 200);
	})
	.openapi(routes.post, async (c) => {
		const { scope, access } = await portalRequest(c);
		const deps = {
			publish: hubPublisher(c, scope.tenantId),
			enqueue: (job: Job, options?: QueueSendOptions) => enqueue(c.env, job, options),
		};
		const result = await sendMessage(deps, scope, access, c.req.valid("param").id, c.req.valid("json"));
		return c.json(result.message, result.created ? 201 : 200);
	})
	.openapi(routes.edit, async (c) => {
		const { scope, access } = await portalRequest(c);
		const { id, messageId } = c.req.valid("param");
		const message = await editMessage(scope, access, id, messageId, c.req.valid("json").body);
		await hubPublisher(c, scope.tenantId)([threadTag(id)], { type: "message-updated", threadId: id, message });
		return c.json(message, 200);
	})
	.openapi(routes.remove, async (c) => {
		const { scope, access } = await portalRequest(c);
		const { id, messageId } = c.req.valid("param");
		const message = await deleteMessage(scope, access, id, messageId);
		await hubPublisher(c, scope.tenantId)([threadTag(id)], { type: "message-updated", threadId: id, message });
		return c.json(message, 200);
	})
	.openapi(routes.markRead, async (c) => {
		const { scope, access } = await portalRequest(c);
		const id = c.req.valid("param").id;
		const mark = await markThreadRead({ publish: hubPublisher(c, scope.tenantId) }, scope, access, id, c.req.valid("json").messageId);
		return c.json(mark, 200);
	});
