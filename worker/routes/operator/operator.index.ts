/** The platform operator's router: agencies and their invoices, coupons and flash sales, refunds (see docs/BILLING.md, "Platform operator"), and dead jobs (docs/OPERATIONS.md). */
import { createRouter } from "../../http/create-router";
import { requestOrigin } from "../../http/request-origin";
import { stripeClient } from "../../lib/stripe";
import { OPERATOR_ACTOR } from "../../middleware/require-operator";
import { createCoupon, deactivateCoupon, listCoupons } from "../../services/billing/coupons";
import { agencyInvoices, listAgencies } from "../../services/billing/operator-agencies";
import { refundInvoice } from "../../services/billing/refunds";
import { discardDeadJob, listDeadJobs, replayDeadJob } from "../../services/dead-jobs/dead-jobs";
import * as routes from "./operator.routes";

const PLATFORM_VIEWER = { kind: "platform" } as const;

export const operatorRouter = createRouter()
	.openapi(routes.listAgencies, async (c) => c.json(await listAgencies(c.get("db"), c.req.valid("query")), 200))
	.openapi(routes.agencyInvoices, async (c) => c.json(await agencyInvoices(c.get("db"), c.req.valid("param").id), 200))
	.openapi(routes.listCoupons, async (c) => c.json({ coupons: await listCoupons(c.get("db")) }, 200))
	.openapi(routes.createCoupon, async (c) => c.json(await createCoupon(c.get("db"), stripeClient(c.env), c.req.valid("json")), 201))
	.openapi(routes.deactivateCoupon, async (c) =>
		c.json(await deactivateCoupon(c.get("db"), stripeClient(c.env), c.req.valid("param").id), 200),
	)
	.openapi(routes.refund, async (c) => {
		const { refund, replayed } = await refundInvoice(c.get("db"), stripeClient(c.env), c.req.valid("json"), OPERATOR_ACTOR);
		return c.json(refund, replayed ? 200 : 201);
	})
	.openapi(routes.listDeadJobs, async (c) => c.json(await listDeadJobs(c.get("db"), PLATFORM_VIEWER, c.req.valid("query")), 200))
	.openapi(routes.replayDeadJob, async (c) => {
		const who = { actor: OPERATOR_ACTOR, ...requestOrigin(c) };
		return c.json(await replayDeadJob({ db: c.get("db"), jobs: c.env }, PLATFORM_VIEWER, c.req.valid("param").id, who), 200);
	})
	.openapi(routes.discardDeadJob, async (c) => {
		const who = { actor: OPERATOR_ACTOR, ...requestOrigin(c) };
		return c.json(await discardDeadJob(c.get("db"), PLATFORM_VIEWER, c.req.valid("param").id, who), 200);
	});

operatorRouter.openAPIRegistry.registerComponent("securitySchemes", "operatorToken", {
	type: "http",
	scheme: "bearer",
	description: "The OPERATOR_TOKEN secret; operator routes answer on the platform host only.",
});
