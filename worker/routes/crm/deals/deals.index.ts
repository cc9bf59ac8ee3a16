/** The CRM pipelines-and-deals router: every request limited to the workspaces its caller may use. */
import { createRouter } from "../../../http/create-router";
import { crmRequest } from "../../../http/crm-request";
import { bulkDeals, closeDeal, moveDeal } from "../../../services/crm/deals/deal-moves";
import { createDeal, dealDetail, deleteDeal, listDeals, updateDeal } from "../../../services/crm/deals/deals";
import { pipelineReport } from "../../../services/crm/deals/pipeline-report";
import {
	createPipeline,
	createStage,
	deleteStage,
	listPipelines,
	renamePipeline,
	reorderStages,
	updateStage,
} from "../../../services/crm/deals/pipelines";
import * as dealRoutes from "./deals.routes";
import * as pipelineRoutes from "./pipelines.routes";

export const crmDealsRouter = createRouter()
	.openapi(pipelineRoutes.list, async (c) => {
		const { scope, workspaces } = await crmRequest(c);
		return c.json({ pipelines: await listPipelines(scope, workspaces, c.req.valid("query").workspace) }, 200);
	})
	.openapi(pipelineRoutes.create, async (c) => {
		const { scope, workspaces, who } = await crmRequest(c);
		return c.json(await createPipeline(scope, workspaces, c.req.valid("json"), who), 201);
	})
	.openapi(pipelineRoutes.rename, async (c) => {
		const { scope, workspaces, who } = await crmRequest(c);
		return c.json(await renamePipeline(scope, workspaces, c.req.valid("param").id, c.req.valid("json").name, who), 200);
	})
	.openapi(pipelineRoutes.createStage, async (c) => {
		const { scope, workspaces, who } = await crmRequest(c);
		return c.json(await createStage(scope, workspaces, c.req.valid("param").id, c.req.valid("json"), who), 201);
	})
	.openapi(pipelineRoutes.reorderStages, async (c) => {
		const { scope, workspaces, who } = await crmRequest(c);
		return c.json({ stages: await reorderStages(scope, workspaces, c.req.valid("param").id, c.req.valid("json"), who) }, 200);
	})
	.openapi(pipelineRoutes.updateStage, async (c) => {
		const { scope, workspaces, who } = await crmRequest(c);
		return c.json(await updateStage(scope, workspaces, c.req.valid("param").id, c.req.valid("json"), who), 200);
	})
	.openapi(pipelineRoutes.deleteStage, async (c) => {
		const { scope, workspaces, who } = await crmRequest(c);
		await deleteStage(scope, workspaces, c.req.valid("param").id, c.req.valid("query").moveDealsTo, who);
		return c.body(null, 204);
	})
	.openapi(pipelineRoutes.report, async (c) => {
		const { scope, workspaces } = await crmRequest(c);
		return c.json(await pipelineReport(scope, workspaces, c.req.valid("param").id, c.req.valid("query")), 200);
	})
	.openapi(dealRoutes.list, async (c) => {
		const { scope, workspaces } = await crmRequest(c);
		return c.json(await listDeals(scope, workspaces, c.req.valid("query")), 200);
	})
	.openapi(dealRoutes.bulk, async (c) => {
		const { scope, workspaces, who } = await crmRequest(c);
		return c.json(await bulkDeals(scope, workspaces, c.req.valid("json"), who), 200);
	})
	.openapi(dealRoutes.create, async (c) => {
		const { scope, workspaces, who } = await crmRequest(c);
		return c.json(await createDeal(scope, workspaces, c.req.valid("json"), who), 201);
	})
	.openapi(dealRoutes.get, async (c) => {
		const { scope, workspaces } = await crmRequest(c);
		return c.json(await dealDetail(scope, workspaces, c.req.valid("param").id), 200);
	})
	.openapi(dealRoutes.update, async (c) => {
		const { scope, workspaces, who } = await crmRequest(c);
		return c.json(await updateDeal(scope, workspaces, c.req.valid("param").id, c.req.valid("json"), who), 200);
	})
	.openapi(dealRoutes.move, async (c) => {
		const { scope, workspaces, who } = await crmRequest(c);
		return c.json(await moveDeal(scope, workspaces, c.req.valid("param").id, c.req.valid("json"), who), 200);
	})
	.openapi(dealRoutes.close, async (c) => {
		const { scope, workspaces, who } = await crmRequest(c);
		return c.json(await closeDeal(scope, workspaces, c.req.valid("param").id, c.req.valid("json"), who), 200);
	})
	.openapi(dealRoutes.remove, async (c) => {
		const { scope, workspaces, who } = await crmRequest(c);
		await deleteDeal(scope, workspaces, c.req.valid("param").id, who);
		return c.body(null, 204);
	});
