/** The sync router: the change feed and the outbox endpoint, both through the portal's access rules. */
import type { Job } from "../../../schema/jobs";
import { createRouter } from "../../http/create-router";
import { portalRequest } from "../../http/portal-request";
import { requestOrigin } from "../../http/request-origin";
import { enqueue } from "../../lib/jobs";
import { pullChanges } from "../../services/sync/pull";
import { pushMutations } from "../../services/sync/push";
import { hubPublisher } from "../messaging/threads.index";
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
			enqueue: (job: Job, options?: QueueSendOptions) => enqueue(c.env, job, options),
			publish: hubPublisher(c, scope.tenantId),
			now: Date.now(),
			origin: requestOrigin(c),
		};
		return c.json(await pushMutations(context, body.deviceId, body.mutations), 200);
	});
