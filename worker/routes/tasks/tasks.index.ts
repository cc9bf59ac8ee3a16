/** The tasks router. */
import { createRouter } from "../../http/create-router";
import { portalRequest } from "../../http/portal-request";
import { completeTask, createTask, listTasks, updateTask } from "../../services/portal/tasks";
import { toDto } from "../../services/portal/visible-project";
import * as routes from "./tasks.routes";

export const tasksRouter = createRouter()
	.openapi(routes.list, async (c) => {
		const { scope, access } = await portalRequest(c);
		return c.json({ tasks: (await listTasks(scope, access, c.req.valid("query"))).map(toDto) }, 200);
	})
	.openapi(routes.create, async (c) => {
		const { scope, access } = await portalRequest(c);
		return c.json(toDto(await createTask(scope, access, c.req.valid("json"))), 201);
	})
	.openapi(routes.update, async (c) => {
		const { scope, access } = await portalRequest(c);
		return c.json(toDto(await updateTask(scope, access, c.req.valid("param").id, c.req.valid("json"))), 200);
	})
	.openapi(routes.complete, async (c) => {
		const { scope, access } = await portalRequest(c);
		return c.json(toDto(await completeTask(scope, access, c.req.valid("param").id)), 200);
	});
