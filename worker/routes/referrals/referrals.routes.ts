/**
 * Route declarations of referrals: GET /api/v1/referrals (the agency's code, link and results)
 * and POST /api/v1/referrals/landing (the platform stamps when a referral link was opened).
 */
import { createRoute } from "@hono/zod-openapi";
import { ReferralLandingBody, ReferralLandingToken, ReferralsOverview } from "../../../schema/referrals";
import { jsonBody, jsonContent, problemContent, WRITE_ERRORS } from "../../http/openapi-responses";
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

export const landing = createRoute({
	method: "post",
	path: "/api/v1/referrals/landing",
	tags: ["Billing"],
	summary: "Stamp the opening of a referral link (platform host only)",
	description:
		"Answers a sealed token holding the code and the server's time. Send it as `referralLanding` at sign-up: the link counts for the programme's window from that time. The code is not looked up here; sign-up checks it. Rate-limited per IP address (20 at once, then one every 6 s).",
	request: { body: jsonBody(ReferralLandingBody) },
	responses: {
		200: jsonContent(ReferralLandingToken, "The landing token"),
		...WRITE_ERRORS,
		404: problemContent("Not the platform address"),
		429: problemContent("Too many landings from this address; `Retry-After` says when to try again"),
	},
});
