/** Route declaration of GET /api/v1/referrals: the agency's referral code, link and results. */
import { createRoute } from "@hono/zod-openapi";
import { ReferralsOverview } from "../../../schema/referrals";
import { jsonContent, problemContent } from "../../lib/openapi-responses";
import { requirePermission } from "../../middleware/require-permission";

export const overview = createRoute({
	method: "get",
	path: "/api/v1/referrals",
	tags: ["Billing"],
	summary:
		"The agency's referral code and shareable link, the programme's terms, and the agencies it referred (sign-ups, conversions, credits earned)",
	middleware: [requirePermission("billing:manage")] as const,
	responses: {
		200: jsonContent(ReferralsOverview, "The referral overview"),
		401: problemContent("Not signed in"),
		403: problemContent("Only the owner manages billing and referrals"),
		404: problemContent("No agency is served at this address"),
	},
});
