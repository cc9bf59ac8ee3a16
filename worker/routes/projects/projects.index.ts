/** The projects router: projects, progress and milestones, each request limited to the clients its user may see. */
import { createRouter } from "../../http/create-router";
import { portalRequest } from "../../http/portal-request";
import { enqueue } from "../../lib/jobs";
import { createMilestone, listMilestones, reorderMilestones, updateMilestone } from "../../services/portal/milestones";
import { createProject, listProjects, projectDetail, updateProject } from "../../services/portal/projects";
import { toDto } from "../../services/portal/visible-project";
import * as routes from "./projects.routes";

export const projectsRouter = createRouter()
	.openapi(routes.list, async (c) => {
		const { scope, access } = await portalRequest(c);
		return c.json(await listProjects(scope, access, c.req.valid("query")), 200);
	})
	.openapi(routes.create, async (c) => {
		const { scope, access } = await portalRequest(c);
		return c.json(toDto(await createProject(scope, access, c.req.valid("json"))), 201);
	})
	.openapi(routes.get, async (c) => {
		const { scope, access } = await portalRequest(c);
		return c.json(await projectDetail(scope, access, c.req.valid("param").id), 200);
	})
	.openapi(routes.update, async (c) => {
		const { scope, access } = await portalRequest(c);
		return c.json(toDto(await updateProject(scope, access, c.req.valid("param").id, c.req.valid("json"))), 200);
	})
	.openapi(routes.listMilestones, async (c) => {
		const { scope, access } = await portalRequest(c);
		const milestones = await listMilestones(scope, access, c.req.valid("param").id);
		return c.json({ milestones: milestones.map(toDto) }, 200);
	})
	.openapi(routes.createMilestone, async (c) => {
		const { scope, access } = await portalRequest(c);
		return c.json(toDto(await createMilestone(scope, access, c.req.valid("param").id, c.req.valid("json"))), 201);
	})
	.openapi(routes.reorderMilestones, async (c) => {
		const { scope, access } = await portalRequest(c);
		const milestones = await reorderMilestones(scope, access, c.req.valid("param").id, c.req.valid("json"));
		return c.json({ milestones: milestones.map(toDto) }, 200);
	})
	.openapi(routes.updateMilestone, async (c) => {
		const { scope, access } = await portalRequest(c);
		const { id, milestoneId } = c.req.valid("param");
		const milestone = await updateMilestone(
			scope,
			access,
			(job) => enqueue(c.env, job),
			{ projectId: id, milestoneId },
			c.req.valid("json"),
		);
		return c.json(toDto(milestone), 200);
	});
