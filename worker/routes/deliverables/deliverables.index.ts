/** The deliverables router: the agency adds them, the client reviews them. */
import { createRouter } from "../../http/create-router";
import { portalRequest } from "../../http/portal-request";
import { requestOrigin } from "../../http/request-origin";
import { enqueue } from "../../lib/jobs";
import { actorOf } from "../../services/audit/audit-log";
import { notify } from "../../services/notifications/notify";
import { listClientPeople } from "../../services/portal/client-people";
import { createDeliverable, deliverableWithReviews, listDeliverables, reviewDeliverable } from "../../services/portal/deliverables";
import { getVisibleProject, toDto } from "../../services/portal/visible-project";
import * as routes from "./deliverables.routes";

export const deliverablesRouter = createRouter()
	.openapi(routes.list, async (c) => {
		const { scope, access } = await portalRequest(c);
		return c.json({ deliverables: (await listDeliverables(scope, access, c.req.valid("query"))).map(toDto) }, 200);
	})
	.openapi(routes.create, async (c) => {
		const { scope, access } = await portalRequest(c);
		const deliverable = await createDeliverable(scope, access, c.req.valid("json"));
		const project = await getVisibleProject(scope, access, deliverable.projectId);
		const people = await listClientPeople(scope, project.clientId);
		await notify(
			scope,
			(job) => enqueue(c.env, job),
			people.map((p) => p.userId),
			{
				event: "deliverable_added",
				title: `Ready for your review: ${deliverable.title}`,
				body: `${project.name}: a new deliverable is waiting for your approval.`,
				url: `/projects/${project.id}`,
				dedupeKey: `deliverable-added:${deliverable.id}`,
			},
		);
		return c.json(toDto(deliverable), 201);
	})
	.openapi(routes.get, async (c) => {
		const { scope, access } = await portalRequest(c);
		return c.json(await deliverableWithReviews(scope, access, c.req.valid("param").id), 200);
	})
	.openapi(routes.review, async (c) => {
		const { scope, access, auth } = await portalRequest(c);
		const who = { actor: actorOf(auth), ...requestOrigin(c) };
		return c.json(await reviewDeliverable(scope, access, c.req.valid("param").id, c.req.valid("json"), who), 201);
	});
