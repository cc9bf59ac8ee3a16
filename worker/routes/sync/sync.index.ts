/** The sync router: the change feed and the outbox endpoint, both through the portal's access rules. */
import { createRouter } from "../../lib/create-router";
import { enqueue } from "../../lib/jobs";
import { portalRequest } from "../../lib/portal-request";
import { requestOrigin } from "../../lib/request-origin";
import { pullChanges } from "../../services/sync/pull";
import { pushMutations } from "../../services/sync/push";
import * as routes from "./sync.routes";

export const syncRouter = createRouter()
	.openapi(routes.pull, async (c) => {
		const { scope, auth, access } = await portalRequest(c);
		return c.json(await pullChanges(scope, auth, access, c.req.valid("query")), 200);
	})
	.openapi(routes.push, async (c) => {
		const { scope, auth, access } = await portalRequest(c);
		const body = c.req.valid("json");
		const context = {
			scope,
			auth,
			access,
			enqueue: (job: Parameters<typeof enqueue>[1]) => enqueue(c.env, job),
			now: Date.now(),
			origin: requestOrigin(c),
		};
		return c.json(await pushMutations(context, body.deviceId, body.mutations), 200);
	});
