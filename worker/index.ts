/** The Worker's entry points: HTTP, queue consumer and cron; and the Durable Object classes it hosts. */

import { createApp } from "./app";
import { handleScheduled } from "./cron/schedules";
import type { Bindings } from "./env";
import { handleQueueBatch } from "./jobs/dispatch";
import { applyPasswordCost } from "./lib/passwords";

export { ChatSession } from "../durable-objects/chat-session";
export { MessagingHub } from "../durable-objects/messaging-hub";
export { TenantGate } from "../durable-objects/tenant-gate";

const app = createApp();

export default {
	fetch: (request, env, ctx) => {
		applyPasswordCost(env);
		return app.fetch(request, env, ctx);
	},
	queue: (batch, env, _ctx) => handleQueueBatch(batch, env),
	scheduled: (controller, env, _ctx) => handleScheduled(controller, env),
} satisfies ExportedHandler<Bindings>;
