/** Route declarations of the platform operator's API (platform host, Bearer OPERATOR_TOKEN): agencies and their invoices, coupons, flash sales, refunds, dead jobs. */
import { createRoute, z } from "@hono/zod-openapi";
import { Coupon, CouponInput, CouponList, Refund, RefundRequest } from "../../../schema/coupons";
import { DeadJobList, DeadJobParams, DeadJobsQuery, DeadJobView } from "../../../schema/dto/dead-jobs";
import { OperatorAgenciesQuery, OperatorAgencyList, OperatorInvoiceList } from "../../../schema/operator-agencies";
import { jsonBody, jsonContent, problemContent } from "../../http/openapi-responses";
import { requireOperator } from "../../middleware/require-operator";

const tags = ["Operator"];
const security = [{ operatorToken: [] }];
const errors = {
	400: problemContent("The body is not valid JSON"),
	401: problemContent("The operator token is missing or wrong"),
	404: problemContent("Not the platform host, or no such object"),
	422: problemContent("A field is invalid; `errors` names each one"),
	503: problemContent("Operator access or billing is not configured"),
};

export const listCoupons = createRoute({
	method: "get",
	path: "/api/operator/coupons",
	tags,
	security,
	summary: "Every coupon and flash sale, newest first, with its redemption count",
	middleware: [requireOperator] as const,
	responses: { 200: jsonContent(CouponList, "The coupons"), ...errors },
});

export const createCoupon = createRoute({
	method: "post",
	path: "/api/operator/coupons",
	tags,
	security,
	summary: "Creates a coupon code or a flash sale, mirrored to Stripe",
	middleware: [requireOperator] as const,
	request: { body: jsonBody(CouponInput) },
	responses: { 201: jsonContent(Coupon, "The coupon"), 409: problemContent("The code is taken"), ...errors },
});

export const deactivateCoupon = createRoute({
	method: "delete",
	path: "/api/operator/coupons/{id}",
	tags,
	security,
	summary: "Stops a coupon or flash sale applying to new checkouts (existing subscriptions keep their discount)",
	middleware: [requireOperator] as const,
	request: { params: z.object({ id: z.string().min(1).max(64) }) },
	responses: { 200: jsonContent(Coupon, "The deactivated coupon"), ...errors },
});

export const refund = createRoute({
	method: "post",
	path: "/api/operator/refunds",
	tags,
	security,
	summary: "Refunds a paid invoice, fully or partly; a retried request (same idempotencyKey) answers the first refund",
	middleware: [requireOperator] as const,
	request: { body: jsonBody(RefundRequest) },
	responses: {
		200: jsonContent(Refund, "The refund already made for this key"),
		201: jsonContent(Refund, "The refund"),
		409: problemContent("The invoice is not paid, or the key was used for another invoice"),
		...errors,
	},
});

export const listAgencies = createRoute({
	method: "get",
	path: "/api/operator/agencies",
	tags,
	security,
	summary: "Agencies, newest first, with plan and subscription status; `q` searches names, `cursor` pages",
	middleware: [requireOperator] as const,
	request: { query: OperatorAgenciesQuery },
	responses: { 200: jsonContent(OperatorAgencyList, "A page of agencies"), ...errors },
});

export const agencyInvoices = createRoute({
	method: "get",
	path: "/api/operator/agencies/{id}/invoices",
	tags,
	security,
	summary: "One agency and its invoices, newest first, each with the amount refunded and the amount still refundable",
	middleware: [requireOperator] as const,
	request: { params: z.object({ id: z.string().min(1).max(64) }) },
	responses: { 200: jsonContent(OperatorInvoiceList, "The agency and its invoices"), ...errors },
});

const deadJobClosed = problemContent("The job is no longer dead (being replayed, succeeded or discarded), or its body cannot run");

export const listDeadJobs = createRoute({
	method: "get",
	path: "/api/operator/dead-jobs",
	tags,
	security,
	summary: "Every agency's and the platform's jobs that failed for good, newest first (secrets in payloads redacted)",
	middleware: [requireOperator] as const,
	request: { query: DeadJobsQuery },
	responses: { 200: jsonContent(DeadJobList, "A page of dead jobs"), ...errors },
});

export const replayDeadJob = createRoute({
	method: "post",
	path: "/api/operator/dead-jobs/{id}/replay",
	tags,
	security,
	summary: "Re-enqueue a dead job once, under its original idempotency key (a repeated call enqueues nothing more: 409)",
	middleware: [requireOperator] as const,
	request: { params: DeadJobParams },
	responses: { 200: jsonContent(DeadJobView, "The job, now being replayed"), 409: deadJobClosed, ...errors },
});

export const discardDeadJob = createRoute({
	method: "post",
	path: "/api/operator/dead-jobs/{id}/discard",
	tags,
	security,
	summary: "Close a dead job without running it",
	middleware: [requireOperator] as const,
	request: { params: DeadJobParams },
	responses: { 200: jsonContent(DeadJobView, "The discarded job"), 409: deadJobClosed, ...errors },
});
