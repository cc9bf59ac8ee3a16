/** The deliverables router: the agency adds them, the client reviews them. */
import { createRouter } from "../../lib/create-router";
import { portalRequest } from "../../lib/portal-request";
import { requestOrigin } from "../../lib/request-origin";
import { actorOf, recordAudit } from "../../services/audit-log";
import { createDeliverable, deliverableWithReviews, listDeliverables, reviewDeliverable } from "../../services/portal/deliverables";
import { toDto } from "../../services/portal/projects";
import * as routes from "./deliverables.routes";

export const deliverablesRouter = createRouter()
	.openapi(routes.list, async (c) => {
		const { scope, access } = await portalRequest(c);
		return c.json({ deliverables: (await listDeliverables(scope, access, c.req.valid("query"))).map(toDto) }, 200);
	})
	.openapi(routes.create, async (c) => {
		const { scope, access } = await portalRequest(c);
		return c.json(toDto(await createDeliverable(scope, access, c.req.valid("json"))), 201);
	})
	.openapi(routes.get, async (c) => {
		const { scope, access } = await portalRequest(c);
		return c.json(await deliverableWithReviews(scope, access, c.req.valid("param").id), 200);
	})
	.openapi(routes.review, async (c) => {
		const { scope, access, auth } = await portalRequest(c);
		const body = c.req.valid("json");
		const deliverable = await reviewDeliverable(scope, access, c.req.valid("param").id, body);
		await recordAudit(scope, {
			action: "deliverable.reviewed",
			actor: actorOf(auth),
			target: { type: "deliverable", id: deliverable.id },
			detail: { decision: body.decision },
			...requestOrigin(c),
		});
		return c.json(deliverable, 201);
	});
