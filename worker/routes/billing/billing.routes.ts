/** Route declarations of the billing API (owner only: billing:manage) and the Stripe webhook. */
import { createRoute, z } from "@hono/zod-openapi";
import {
	BillingSummary,
	CancelRequest,
	CheckoutRequest,
	InvoiceList,
	PlanChangeRequest,
	ProrationPreview,
	RedirectResponse,
	TopUpRequest,
} from "../../../schema/billing";
import { jsonBody, jsonContent, problemContent, WRITE_ERRORS } from "../../http/openapi-responses";
import { requirePermission } from "../../middleware/require-permission";

const tags = ["Billing"];
const errors = {
	...WRITE_ERRORS,
	401: problemContent("Not signed in"),
	403: problemContent("Only the owner manages billing"),
	409: problemContent("The subscription is not in a state that allows this"),
	503: problemContent("Billing is not configured on this deployment"),
};

export const summary = createRoute({
	method: "get",
	path: "/api/v1/billing",
	tags,
	summary: "The agency's plan, subscription status, renewal and the banner to show",
	middleware: [requirePermission("billing:manage")] as const,
	responses: { 200: jsonContent(BillingSummary, "The billing state"), ...errors },
});

export const checkout = createRoute({
	method: "post",
	path: "/api/v1/billing/checkout",
	tags,
	summary: "Starts a Stripe Checkout for a plan (with the plan's trial); answers the URL to send the owner to",
	middleware: [requirePermission("billing:manage")] as const,
	request: { body: jsonBody(CheckoutRequest) },
	responses: { 200: jsonContent(RedirectResponse, "The Checkout URL"), ...errors },
});

export const topUp = createRoute({
	method: "post",
	path: "/api/v1/billing/top-up",
	tags,
	summary: "Starts a one-off Checkout for a credit pack; credits are granted when Stripe confirms payment",
	middleware: [requirePermission("billing:manage")] as const,
	request: { body: jsonBody(TopUpRequest) },
	responses: { 200: jsonContent(RedirectResponse, "The Checkout URL"), ...errors },
});

export const portal = createRoute({
	method: "post",
	path: "/api/v1/billing/portal",
	tags,
	summary: "A Stripe customer-portal session to manage the payment method",
	middleware: [requirePermission("billing:manage")] as const,
	responses: { 200: jsonContent(RedirectResponse, "The portal URL"), ...errors },
});

export const previewChange = createRoute({
	method: "post",
	path: "/api/v1/billing/preview-change",
	tags,
	summary: "What switching plan now would cost (proration), before confirming",
	middleware: [requirePermission("billing:manage")] as const,
	request: { body: jsonBody(PlanChangeRequest) },
	responses: { 200: jsonContent(ProrationPreview, "The proration preview"), ...errors },
});

export const change = createRoute({
	method: "post",
	path: "/api/v1/billing/change",
	tags,
	summary: "Upgrades now, charging the proration; a downgrade is scheduled for the end of the paid period",
	middleware: [requirePermission("billing:manage")] as const,
	request: { body: jsonBody(PlanChangeRequest) },
	responses: { 200: jsonContent(BillingSummary, "The updated billing state"), ...errors },
});

export const cancel = createRoute({
	method: "post",
	path: "/api/v1/billing/cancel",
	tags,
	summary: "Cancels at the end of the current period, recording the reason",
	middleware: [requirePermission("billing:manage")] as const,
	request: { body: jsonBody(CancelRequest) },
	responses: { 200: jsonContent(BillingSummary, "The updated billing state"), ...errors },
});

export const reactivate = createRoute({
	method: "post",
	path: "/api/v1/billing/reactivate",
	tags,
	summary: "Undoes a pending cancellation",
	middleware: [requirePermission("billing:manage")] as const,
	responses: { 200: jsonContent(BillingSummary, "The updated billing state"), ...errors },
});

export const invoiceList = createRoute({
	method: "get",
	path: "/api/v1/billing/invoices",
	tags,
	summary: "The agency's invoices, newest first, with hosted page and PDF links",
	middleware: [requirePermission("billing:manage")] as const,
	responses: { 200: jsonContent(InvoiceList, "The invoices"), ...errors },
});

export const webhook = createRoute({
	method: "post",
	path: "/api/webhooks/stripe",
	tags,
	summary: "Stripe webhook endpoint: signed events (Stripe-Signature), each processed once",
	request: { headers: z.object({ "stripe-signature": z.string().optional() }) },
	responses: {
		200: jsonContent(z.object({ received: z.boolean(), duplicate: z.boolean() }), "The event was accepted"),
		400: problemContent("The signature is missing, forged or too old; nothing changed"),
		503: problemContent("Billing is not configured"),
	},
});
