/**
 * createApp(): the middleware chain and every route.
 * ping (bare) → request context → security headers → body limit → origin check → tenant → API key → session → account policy → routes.
 */
import { OpenAPIHono } from "@hono/zod-openapi";
import { HTTPException } from "hono/http-exception";
import type { AppEnv } from "./env";
import { createLogger } from "./lib/logger";
import { Problem, problems, respondWithProblem } from "./lib/problem";
import { accountPolicy } from "./middleware/account-policy";
import { loadApiKey } from "./middleware/api-key";
import { apiBodyLimit } from "./middleware/body-limit";
import { originCheck } from "./middleware/origin-check";
import { requestContext } from "./middleware/request-context";
import { securityHeaders } from "./middleware/security-headers";
import { loadSession } from "./middleware/session";
import { resolveTenant } from "./middleware/tenant";
import { apiKeysRouter } from "./routes/api-keys/api-keys.index";
import { appShellRouter } from "./routes/app-shell";
import { conversationsRouter } from "./routes/assistant/conversations.index";
import { messagesRouter } from "./routes/assistant/messages.index";
import { providerKeysRouter } from "./routes/assistant/provider-keys.index";
import { templatesRouter } from "./routes/assistant/templates.index";
import { auditEventsRouter } from "./routes/audit-events/audit-events.index";
import { authRouter } from "./routes/auth/auth.index";
import { billingRouter, stripeWebhookRouter } from "./routes/billing/billing.index";
import { bookingsRouter } from "./routes/bookings/bookings.index";
import { brandFilesRouter } from "./routes/brand-files";
import { brandingRouter } from "./routes/branding/branding.index";
import { clientPeopleRouter } from "./routes/client-people/client-people.index";
import { clientsRouter } from "./routes/clients/clients.index";
import { crmCompaniesRouter } from "./routes/crm/companies/companies.index";
import { crmContactsRouter } from "./routes/crm/contacts/contacts.index";
import { crmDealsRouter } from "./routes/crm/deals/deals.index";
import { hostedFormRouter } from "./routes/crm/forms/hosted-form";
import { publicFormsRouter } from "./routes/crm/forms/public-submit.index";
import { crmSettingsRouter } from "./routes/crm/settings/crm-settings.index";
import { dashboardRouter } from "./routes/dashboard/dashboard.index";
import { deadJobsRouter } from "./routes/dead-jobs/dead-jobs.index";
import { deliverablesRouter } from "./routes/deliverables/deliverables.index";
import { devRouter } from "./routes/dev/index";
import { mountApiDocs } from "./routes/docs/docs.index";
import { documentsRouter } from "./routes/documents/documents.index";
import { domainsRouter } from "./routes/domains/domains.index";
import { downloadsRouter } from "./routes/downloads/downloads.index";
import { entitlementsRouter } from "./routes/entitlements/entitlements.index";
import { healthRouter } from "./routes/health/health.index";
import { hostRouter } from "./routes/host/host.index";
import { invitationsRouter } from "./routes/invitations/invitations.index";
import { manifestRouter } from "./routes/manifest";
import { meRouter } from "./routes/me/me.index";
import { membersRouter } from "./routes/members/members.index";
import { attachmentsRouter } from "./routes/messaging/attachments.index";
import { liveRouter } from "./routes/messaging/live.index";
import { messagingSettingsRouter } from "./routes/messaging/settings.index";
import { threadsRouter } from "./routes/messaging/threads.index";
import { notificationsRouter } from "./routes/notifications/notifications.index";
import { oauthRouter } from "./routes/oauth/oauth.index";
import { onboardingRouter } from "./routes/onboarding/onboarding.index";
import { operatorRouter } from "./routes/operator/operator.index";
import { passkeysRouter } from "./routes/passkeys/passkeys.index";
import { projectsRouter } from "./routes/projects/projects.index";
import { pushRouter } from "./routes/push/push.index";
import { referralsRouter } from "./routes/referrals/referrals.index";
import { rolesRouter } from "./routes/roles/roles.index";
import { searchRouter } from "./routes/search/search.index";
import { securityRouter } from "./routes/security/security.index";
import { ssoRouter } from "./routes/sso/sso.index";
import { announcementsRouter } from "./routes/support/announcements.index";
import { surveysRouter } from "./routes/support/surveys.index";
import { supportRouter } from "./routes/support/tickets.index";
import { syncRouter } from "./routes/sync/sync.index";
import { tasksRouter } from "./routes/tasks/tasks.index";
import { invitationDomainsRouter } from "./routes/tenant-settings/invitation-domains";
import { usageRouter } from "./routes/usage/usage.index";

/** The versioned, tenant-scoped API. Its type is what the PWA's typed client is built from. */
function createApiRoutes() {
	return new OpenAPIHono<AppEnv>()
		.route("/", hostRouter)
		.route("/", authRouter)
		.route("/", meRouter)
		.route("/", passkeysRouter)
		.route("/", oauthRouter)
		.route("/", ssoRouter)
		.route("/", usageRouter)
		.route("/", membersRouter)
		.route("/", rolesRouter)
		.route("/", invitationsRouter)
		.route("/", invitationDomainsRouter)
		.route("/", apiKeysRouter)
		.route("/", auditEventsRouter)
		.route("/", deadJobsRouter)
		.route("/", securityRouter)
		.route("/", pushRouter)
		.route("/", notificationsRouter)
		.route("/", brandingRouter)
		.route("/", domainsRouter)
		.route("/", clientsRouter)
		.route("/", clientPeopleRouter)
		.route("/", onboardingRouter)
		.route("/", projectsRouter)
		.route("/", crmDealsRouter)
		.route("/", tasksRouter)
		.route("/", deliverablesRouter)
		.route("/", documentsRouter)
		.route("/", downloadsRouter)
		.route("/", dashboardRouter)
		.route("/", syncRouter)
		.route("/", conversationsRouter)
		.route("/", messagesRouter)
		.route("/", templatesRouter)
		.route("/", providerKeysRouter)
		.route("/", entitlementsRouter)
		.route("/", billingRouter)
		.route("/", referralsRouter)
		.route("/", threadsRouter)
		.route("/", attachmentsRouter)
		.route("/", liveRouter)
		.route("/", messagingSettingsRouter)
		.route("/", bookingsRouter)
		.route("/", supportRouter)
		.route("/", announcementsRouter)
		.route("/", surveysRouter)
		.route("/", searchRouter)
		.route("/", crmSettingsRouter)
		.route("/", crmContactsRouter)
		.route("/", crmCompaniesRouter);
}

export type AppType = ReturnType<typeof createApiRoutes>;

/** The platform operator's API (bearer token, platform host only), for the operator console's typed client. */
export type OperatorAppType = typeof operatorRouter;

export function createApp() {
	const app = new OpenAPIHono<AppEnv>();

	// The benchmark baseline: nothing but the router in front of it.
	app.get("/api/ping", (c) => c.text("pong"));

	app.use("*", requestContext);
	app.use("*", securityHeaders);
	app.use("/api/*", apiBodyLimit);
	app.use("/api/v1/*", originCheck);
	app.use("/api/v1/*", resolveTenant);
	app.use("/api/v1/*", loadApiKey);
	app.use("/api/v1/*", loadSession);
	app.use("/api/v1/*", accountPolicy);

	mountApiDocs(app);
	app.route("/", healthRouter);
	app.route("/", stripeWebhookRouter);
	app.route("/", publicFormsRouter);
	app.route("/", operatorRouter);
	app.route("/", createApiRoutes());
	app.route("/", devRouter);
	app.route("/", manifestRouter);
	app.route("/", brandFilesRouter);
	app.all("/api/*", () => {
		throw problems.notFound("There is no API endpoint at this path.");
	});
	app.route("/", hostedFormRouter);
	app.route("/", appShellRouter);

	app.onError((error, c) => {
		const requestId = c.get("requestId");
		if (error instanceof Problem) return respondWithProblem(c, error, requestId);
		if (error instanceof HTTPException && error.status < 500) {
			const problem =
				error.status === 400
					? problems.malformed(error.message || "The body is not valid JSON.")
					: error.status === 415
						? problems.unsupportedMediaType()
						: new Problem(error.status, "http-error", error.message || "Request refused");
			return respondWithProblem(c, problem, requestId);
		}
		(c.get("log") ?? createLogger({ requestId })).error("unhandled error", {
			error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
			stack: error instanceof Error ? error.stack : undefined,
			path: c.req.path,
		});
		return respondWithProblem(c, problems.internal(), requestId);
	});

	return app;
}
