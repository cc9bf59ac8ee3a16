/** The support router: tickets for both sides, and the agency's support settings (changes are audited). */

import type { Context } from "hono";
import type { AppEnv } from "../../env";
import { createRouter } from "../../http/create-router";
import { requestOrigin } from "../../http/request-origin";
import { tenantScope } from "../../lib/db";
import { tenantOf } from "../../lib/host-guards";
import { enqueue } from "../../lib/jobs";
import { currentAuth } from "../../middleware/require-permission";
import { actorOf, recordAudit } from "../../services/audit/audit-log";
import { supportSettingsOf, updateSupportSettings } from "../../services/support/settings";
import { ticketAccessFor } from "../../services/support/ticket-access";
import { messagesOf, postTicketMessage } from "../../services/support/ticket-messages";
import { getTicket, listTickets, openTicket, updateTicket } from "../../services/support/tickets";
import * as routes from "./tickets.routes";

async function ticketRequest(c: Context<AppEnv>) {
	const scope = tenantScope(c.get("db"), tenantOf(c).id);
	const access = await ticketAccessFor(scope, currentAuth(c));
	return { scope, access, effects: { enqueue: (job: Parameters<typeof enqueue>[1]) => enqueue(c.env, job) } };
}

export const supportRouter = createRouter()
	.openapi(routes.list, async (c) => {
		const { scope, access } = await ticketRequest(c);
		return c.json(await listTickets(scope, access, c.req.valid("query")), 200);
	})
	.openapi(routes.open, async (c) => {
		const { scope, access, effects } = await ticketRequest(c);
		return c.json(await openTicket(scope, access, effects, c.req.valid("json")), 201);
	})
	.openapi(routes.get, async (c) => {
		const { scope, access } = await ticketRequest(c);
		const ticket = await getTicket(scope, access, c.req.valid("param").id);
		return c.json({ ticket, messages: await messagesOf(scope, access, ticket) }, 200);
	})
	.openapi(routes.reply, async (c) => {
		const { scope, access, effects } = await ticketRequest(c);
		return c.json(await postTicketMessage(scope, access, effects, c.req.valid("param").id, c.req.valid("json")), 201);
	})
	.openapi(routes.update, async (c) => {
		const { scope, access } = await ticketRequest(c);
		return c.json(await updateTicket(scope, access, c.req.valid("param").id, c.req.valid("json")), 200);
	})
	.openapi(routes.readSettings, async (c) => c.json(await supportSettingsOf(tenantScope(c.get("db"), tenantOf(c).id)), 200))
	.openapi(routes.updateSettings, async (c) => {
		const scope = tenantScope(c.get("db"), tenantOf(c).id);
		const saved = await updateSupportSettings(scope, c.req.valid("json"));
		await recordAudit(scope, {
			action: "support.settings_updated",
			actor: actorOf(currentAuth(c)),
			...requestOrigin(c),
			detail: { ...saved.responseTargetHours, surveyMode: saved.surveyMode },
		});
		return c.json(saved, 200);
	});
