/** Route declarations of the usage pages: the credit balance, the ledger and usage by feature and user. */
import { createRoute, z } from "@hono/zod-openapi";
import { CreditBalanceResponse, LedgerPage, LowBalanceSetting, LowBalanceSettingInput, UsageSummary } from "../../../schema/credits";
import { jsonBody, jsonContent, problemContent } from "../../http/openapi-responses";
import { requirePermission } from "../../middleware/require-permission";

const tags = ["Usage"];
const errors = {
	401: problemContent("Not signed in"),
	403: problemContent("Your role cannot see usage"),
	404: problemContent("No agency is served at this address"),
	422: problemContent("A query parameter is invalid"),
};

export const balance = createRoute({
	method: "get",
	path: "/api/v1/usage/credits",
	tags,
	summary: "The agency's credit balance: owned, held by running work, and available",
	middleware: [requirePermission("usage:read")] as const,
	responses: { 200: jsonContent(CreditBalanceResponse, "The balance"), ...errors },
});

export const ledger = createRoute({
	method: "get",
	path: "/api/v1/usage/credits/ledger",
	tags,
	summary: "Every credit movement with its reason, newest first (cursor-paginated)",
	middleware: [requirePermission("usage:read")] as const,
	request: {
		query: z.strictObject({
			cursor: z
				.string()
				.regex(/^\d{1,15}$/, "must be a cursor returned by this endpoint")
				.optional(),
			limit: z.coerce.number().int("must be a whole number").min(1, "must be at least 1").max(100, "must be at most 100").default(20),
		}),
	},
	responses: { 200: jsonContent(LedgerPage, "One page of the ledger"), ...errors },
});

export const summary = createRoute({
	method: "get",
	path: "/api/v1/usage/credits/summary",
	tags,
	summary:
		"Credits charged since a time (default: the start of this month, UTC), by feature, person, model and UTC day, and by all four together, in credits and in money",
	middleware: [requirePermission("usage:read")] as const,
	request: {
		query: z.strictObject({
			since: z.coerce.number().int("must be milliseconds since the epoch").min(0, "must not be negative").optional(),
		}),
	},
	responses: { 200: jsonContent(UsageSummary, "Usage totals"), ...errors },
});

export const lowBalance = createRoute({
	method: "get",
	path: "/api/v1/usage/low-balance",
	tags,
	summary: "The low-balance alert's threshold: the agency's own, or the plan's default (10% of the monthly credits)",
	middleware: [requirePermission("usage:read")] as const,
	responses: { 200: jsonContent(LowBalanceSetting, "The setting"), ...errors },
});

export const setLowBalance = createRoute({
	method: "put",
	path: "/api/v1/usage/low-balance",
	tags,
	summary: "Sets the agency's low-balance threshold in credits (0 turns the alert off; null follows the plan's default)",
	middleware: [requirePermission("billing:manage")] as const,
	request: { body: jsonBody(LowBalanceSettingInput) },
	responses: { 200: jsonContent(LowBalanceSetting, "The new setting"), ...errors, 422: problemContent("threshold is invalid") },
});
