/** The surveys router: clients answer, the agency reads results. */
import { createRouter } from "../../http/create-router";
import { tenantScope } from "../../lib/db";
import { tenantOf } from "../../lib/host-guards";
import { currentAuth } from "../../middleware/require-permission";
import { answerSurvey, surveyResults, surveysForPerson } from "../../services/support/surveys";
import * as routes from "./surveys.routes";

export const surveysRouter = createRouter()
	.openapi(routes.mine, async (c) => {
		const scope = tenantScope(c.get("db"), tenantOf(c).id);
		return c.json({ surveys: await surveysForPerson(scope, currentAuth(c).user.id) }, 200);
	})
	.openapi(routes.results, async (c) => c.json(await surveyResults(tenantScope(c.get("db"), tenantOf(c).id), c.req.valid("query")), 200))
	.openapi(routes.answer, async (c) => {
		const scope = tenantScope(c.get("db"), tenantOf(c).id);
		return c.json(await answerSurvey(scope, currentAuth(c).user.id, c.req.valid("param").id, c.req.valid("json")), 200);
	});
