/** An agency's dead jobs: the routes parse, call worker/services/dead-jobs with this agency as the viewer, and answer. */
import type { Context } from "hono";
import type { AppEnv } from "../../env";
import { createRouter } from "../../http/create-router";
import { requestOrigin } from "../../http/request-origin";
import { tenantOf } from "../../lib/host-guards";
import { currentAuth } from "../../middleware/require-permission";
import { actorOf, type Who } from "../../services/audit/audit-log";
import { type DeadJobViewer, discardDeadJob, listDeadJobs, replayDeadJob } from "../../services/dead-jobs/dead-jobs";
import * as routes from "./dead-jobs.routes";

function viewerOf(c: Context<AppEnv>): DeadJobViewer {
	return { kind: "agency", tenantId: tenantOf(c).id };
}

function whoOf(c: Context<AppEnv>): Who {
	return { actor: actorOf(currentAuth(c)), ...requestOrigin(c) };
}

export const deadJobsRouter = createRouter()
	.openapi(routes.list, async (c) => c.json(await listDeadJobs(c.get("db"), viewerOf(c), c.req.valid("query")), 200))
	.openapi(routes.replay, async (c) =>
		c.json(await replayDeadJob({ db: c.get("db"), jobs: c.env }, viewerOf(c), c.req.valid("param").id, whoOf(c)), 200),
	)
	.openapi(routes.discard, async (c) => c.json(await discardDeadJob(c.get("db"), viewerOf(c), c.req.valid("param").id, whoOf(c)), 200));
