/** The SSO router: the agency's settings (plan-gated, owners change them), domain verification, the test sign-in, and the SSO sign-in redirect flow. */
import type { Context } from "hono";
import type { SsoConnection } from "../../../schema/index";
import { safeNext } from "../../../schema/safe-next";
import type { AppEnv } from "../../env";
import { authDepsOf } from "../../http/auth-deps";
import { createRouter } from "../../http/create-router";
import { requestOrigin } from "../../http/request-origin";
import { setSessionCookie } from "../../http/session-cookie";
import { tenantScope } from "../../lib/db";
import { DEFAULT_DOH_URL } from "../../lib/dns-over-https";
import { tenantOf } from "../../lib/host-guards";
import { OAUTH_FLOW_TTL_MS, type OAuthFlow, setOAuthFlowCookie, takeOAuthFlowCookie } from "../../lib/oauth-flow-cookie";
import { problems } from "../../lib/problem";
import { currentAuth, currentSession } from "../../middleware/require-permission";
import { actorOf } from "../../services/audit/audit-log";
import { finishSso, type SsoOutcome, ssoFlowKind } from "../../services/auth/sso-sign-in";
import { startAuthorization } from "../../services/oauth/oauth-exchange";
import { verifySsoDomain } from "../../services/sso/sso-domains";
import { requireSsoPlan, ssoAllowedByPlan } from "../../services/sso/sso-plan";
import { assertMayConfigureSso, domainsOf, saveSsoSettings, ssoConnectionOf, updateSsoSwitches } from "../../services/sso/sso-settings";
import { ssoSettingsView } from "../../services/sso/sso-settings-view";
import * as routes from "./sso.routes";

const scopeOf = (c: Context<AppEnv>) => tenantScope(c.get("db"), tenantOf(c).id);
const redirectUriOf = (c: Context<AppEnv>) => `${new URL(c.req.url).origin}/api/v1/auth/sso/callback`;

/** Starts a redirect to the IdP: the flow cookie for this browser, and the URL. */
function begin(c: Context<AppEnv>, connection: SsoConnection, intent: OAuthFlow["intent"], next: string, userId: string | null): string {
	const start = startAuthorization({ ...connection, scopes: ["openid", "email", "profile"] }, redirectUriOf(c));
	setOAuthFlowCookie(c, {
		kind: ssoFlowKind(connection),
		tenantId: tenantOf(c).id,
		state: start.state,
		verifier: start.verifier,
		nonce: start.nonce,
		next,
		intent,
		userId,
		expiresAt: Date.now() + OAUTH_FLOW_TTL_MS,
	});
	return start.url;
}

function land(c: Context<AppEnv>, outcome: SsoOutcome): Response {
	switch (outcome.kind) {
		case "session":
			setSessionCookie(c, outcome.session.token, outcome.session.expiresAt);
			return c.redirect(safeNext(outcome.next), 302);
		case "mfa":
			return c.redirect(`/signin#mfa=${outcome.challenge}&methods=${outcome.methods.join(",")}`, 302);
		case "tested":
			return c.redirect("/settings/sso?tested=1", 302);
		case "refused":
			return c.redirect(`${outcome.intent === "test" ? "/settings/sso" : "/signin"}?sso_error=${outcome.reason}`, 302);
	}
}

async function settingsResponse(c: Context<AppEnv>, connection: SsoConnection | null) {
	return ssoSettingsView(scopeOf(c), connection, await ssoAllowedByPlan(c.get("db"), tenantOf(c).id), currentAuth(c));
}

export const ssoRouter = createRouter()
	.openapi(routes.getSettings, async (c) => c.json(await settingsResponse(c, await ssoConnectionOf(scopeOf(c))), 200))
	.openapi(routes.saveSettings, async (c) => {
		assertMayConfigureSso(currentAuth(c));
		await requireSsoPlan(c.get("db"), tenantOf(c).id);
		const saved = await saveSsoSettings(
			scopeOf(c),
			currentAuth(c),
			c.req.valid("json"),
			{ allowHttp: c.env.ENVIRONMENT === "development", dohUrl: c.env.DOH_URL },
			requestOrigin(c),
		);
		return c.json(await settingsResponse(c, saved), 200);
	})
	.openapi(routes.setEnabled, async (c) => {
		const change = c.req.valid("json");
		assertMayConfigureSso(currentAuth(c));
		// Switching off never needs the plan; switching on or approving privileged sign-ins does.
		if (change.enabled || change.allowPrivilegedUsers) await requireSsoPlan(c.get("db"), tenantOf(c).id);
		const saved = await updateSsoSwitches(scopeOf(c), currentAuth(c), change, requestOrigin(c));
		return c.json(await settingsResponse(c, saved), 200);
	})
	.openapi(routes.verifyDomain, async (c) => {
		const auth = currentAuth(c);
		assertMayConfigureSso(auth);
		await requireSsoPlan(c.get("db"), tenantOf(c).id);
		const scope = scopeOf(c);
		const connection = await ssoConnectionOf(scope);
		if (!connection) throw problems.notFound("Single sign-on is not set up yet.");
		const dohUrl = c.env.DOH_URL || DEFAULT_DOH_URL;
		await verifySsoDomain(scope, domainsOf(connection), c.req.valid("param").domain, dohUrl, { actor: actorOf(auth), ...requestOrigin(c) });
		return c.json(await settingsResponse(c, connection), 200);
	})
	.openapi(routes.startTest, async (c) => {
		assertMayConfigureSso(currentAuth(c));
		await requireSsoPlan(c.get("db"), tenantOf(c).id);
		const auth = currentSession(c);
		const connection = await ssoConnectionOf(scopeOf(c));
		if (!connection) throw problems.notFound("Single sign-on is not set up yet.");
		return c.json({ url: begin(c, connection, "test", "/settings/sso", auth.user.id) }, 200);
	})
	.openapi(routes.status, async (c) => {
		const connection = await ssoConnectionOf(scopeOf(c));
		const enabled = Boolean(connection?.enabled) && (await ssoAllowedByPlan(c.get("db"), tenantOf(c).id));
		return c.json({ enabled }, 200);
	})
	.openapi(routes.start, async (c) => {
		const connection = await ssoConnectionOf(scopeOf(c));
		if (!connection?.enabled || !(await ssoAllowedByPlan(c.get("db"), tenantOf(c).id))) {
			throw problems.notFound("Single sign-on is not on for this agency.");
		}
		return c.redirect(begin(c, connection, "sign_in", safeNext(c.req.valid("query").next), null), 302);
	})
	.openapi(routes.callback, async (c) => {
		const connection = await ssoConnectionOf(scopeOf(c));
		if (!connection) throw problems.notFound("Single sign-on is not set up here.");
		const auth = c.get("auth");
		const outcome = await finishSso(
			authDepsOf(c),
			connection,
			{ flow: takeOAuthFlowCookie(c), query: c.req.valid("query"), redirectUri: redirectUriOf(c), ...requestOrigin(c) },
			auth?.via === "session" ? auth.user : null,
		);
		return land(c, outcome);
	});
