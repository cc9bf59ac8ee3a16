/**
 * A thread's latest 50 messages: `GET /api/v1/threads/:id/messages?limit=50`, what the PWA loads
 * when a conversation opens (with the "Seen" read marks of the other participants).
 */
import { preparePortalAgency } from "./portal-fixtures";
import type { Scenario } from "./types";

export const threadMessages: Scenario = {
	id: "thread-messages",
	label: "GET /api/v1/threads/:id/messages (latest 50)",
	goal: { minRatio: 0.4 },
	async prepare(context) {
		const agency = await preparePortalAgency(context, "bench-thread", { clients: 1, messages: 60 });
		const path = `/api/v1/threads/${agency.threadId}/messages?limit=50`;
		const page = (await (await context.http.expect({ path, host: agency.host, headers: agency.headers }, 200)).json()) as {
			messages: unknown[];
		};
		if (page.messages.length !== 50) throw new Error(`the thread page held ${page.messages.length} messages, not 50`);
		return [{ method: "GET", path, host: agency.host, headers: { Cookie: agency.cookie }, expectStatus: 200 }];
	},
};
