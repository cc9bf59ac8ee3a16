/** The OAuth router: provider list, start and callback of the redirect flow, and the account's linked providers. */
import type { Context } from "hono";
import type { OAuthProvider } from "../../../schema/index";
import { safeNext } from "../../../schema/safe-next";
import type { AppEnv } from "../../env";
import { authDepsOf } from "../../http/auth-deps";
import { createRouter } from "../../http/create-router";
import { requestOrigin } from "../../http/request-origin";
import { setSessionCookie } from "../../http/session-cookie";
import { tenantScope } from "../../lib/db";
import { tenantOf } from "../../lib/host-guards";
import { OAUTH_FLOW_TTL_MS, setOAuthFlowCookie, takeOAuthFlowCookie } from "../../lib/oauth-flow-cookie";
import { problems } from "../../lib/problem";
import { currentSession } from "../../middleware/require-permission";
import { type CallbackOutcome, finishOAuth } from "../../services/auth/oauth-sign-in";
import { listLinkedAccounts, unlinkProvider } from "../../services/oauth/oauth-accounts";
import { startAuthorization } from "../../services/oauth/oauth-exchange";
import { configuredProviders, type ProviderConfig, providerConfig } from "../../services/oauth/oauth-providers";
import * as routes from "./oauth.routes";

function configOf(c: Context<AppEnv>, provider: OAuthProvider): ProviderConfig {
	const config = providerConfig(c.env, provider);
	if (!config) throw problems.notFound(`Sign-in with ${provider} is not set up here.`);
	return config;
}

const redirectUriOf = (c: Context<AppEnv>, provider: OAuthProvider) =>
	`${new URL(c.req.url).origin}/api/v1/auth/oauth/${provider}/callback`;

/** Starts a flow: the flow cookie for this browser, and the provider URL. */
function begin(c: Context<AppEnv>, provider: OAuthProvider, intent: "sign_in" | "link", next: string, userId: string | null): string {
	const config = configOf(c, provider);
	const start = startAuthorization(config, redirectUriOf(c, provider));
	setOAuthFlowCookie(c, {
		kind: `oauth:${provider}`,
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

/** Where the browser goes after the callback, and the session cookie when one was opened. */
export function landOutcome(c: Context<AppEnv>, outcome: CallbackOutcome): Response {
	switch (outcome.kind) {
		case "session":
			setSessionCookie(c, outcome.session.token, outcome.session.expiresAt);
			return c.redirect(safeNext(outcome.next), 302);
		case "mfa":
			return c.redirect(`/signin#mfa=${outcome.challenge}&methods=${outcome.methods.join(",")}`, 302);
		case "linked":
			return c.redirect(`/account/security?linked=${outcome.provider}`, 302);
		case "refused":
			return c.redirect(`${outcome.intent === "sign_in" ? "/signin" : "/account/security"}?oauth_error=${outcome.reason}`, 302);
	}
}

export const oauthRouter = createRouter()
	.openapi(routes.providers, async (c) => {
		tenantOf(c);
		return c.json({ providers: configuredProviders(c.env) }, 200);
	})
	.openapi(routes.start, async (c) => {
		const { provider } = c.req.valid("param");
		const url = begin(c, provider, "sign_in", safeNext(c.req.valid("query").next), null);
		return c.redirect(url, 302);
	})
	.openapi(routes.callback, async (c) => {
		const { provider } = c.req.valid("param");
		const config = configOf(c, provider);
		const auth = c.get("auth");
		const user = auth?.via === "session" ? auth.user : null;
		const outcome = await finishOAuth(
			authDepsOf(c),
			config,
			{
				flow: takeOAuthFlowCookie(c),
				flowKind: `oauth:${provider}`,
				query: c.req.valid("query"),
				redirectUri: redirectUriOf(c, provider),
				...requestOrigin(c),
			},
			user,
		);
		return landOutcome(c, outcome);
	})
	.openapi(routes.linked, async (c) => {
		const scope = tenantScope(c.get("db"), tenantOf(c).id);
		const accounts = await listLinkedAccounts(scope, currentSession(c).user.id);
		return c.json({ accounts, available: configuredProviders(c.env) }, 200);
	})
	.openapi(routes.link, async (c) => {
		const { provider } = c.req.valid("param");
		const auth = currentSession(c);
		const scope = tenantScope(c.get("db"), tenantOf(c).id);
		if ((await listLinkedAccounts(scope, auth.user.id)).some((a) => a.provider === provider)) {
			throw problems.conflict("provider", "is already linked to your account; unlink it first");
		}
		return c.json({ url: begin(c, provider, "link", "/account/security", auth.user.id) }, 200);
	})
	.openapi(routes.unlink, async (c) => {
		const { provider } = c.req.valid("param");
		await unlinkProvider(tenantScope(c.get("db"), tenantOf(c).id), currentSession(c), provider, requestOrigin(c));
		return c.body(null, 204);
	});
