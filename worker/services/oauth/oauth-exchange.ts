/**
 * The OAuth 2.0 authorization-code flow with PKCE (S256) through arctic's generic client: build
 * the authorization URL (state, code challenge, and a nonce for OpenID Connect), then exchange the
 * code with the verifier and read the identity. The token request goes through the outbound-URL
 * guard (token-request.ts): checked before the code is sent, and never redirected (docs/SECURITY.md).
 */
import { CodeChallengeMethod, generateCodeVerifier, generateState, OAuth2Client } from "arctic";
import type { OutboundEnv } from "../../lib/outbound-url-guard";
import type { ProviderConfig } from "./oauth-providers";
import { githubIdentity, IdentityRejected, oidcIdentity, type ProviderIdentity } from "./provider-identity";
import { requestTokens } from "./token-request";

export type AuthorizationStart = { url: string; state: string; verifier: string; nonce: string };

export function startAuthorization(
	config: Pick<ProviderConfig, "clientId" | "clientSecret" | "authorizationEndpoint" | "scopes">,
	redirectUri: string,
	loginHint?: string,
): AuthorizationStart {
	const state = generateState();
	const verifier = generateCodeVerifier();
	const nonce = generateState();
	const client = new OAuth2Client(config.clientId, config.clientSecret, redirectUri);
	const url = client.createAuthorizationURLWithPKCE(config.authorizationEndpoint, state, CodeChallengeMethod.S256, verifier, config.scopes);
	url.searchParams.set("nonce", nonce);
	if (loginHint) url.searchParams.set("login_hint", loginHint);
	return { url: url.toString(), state, verifier, nonce };
}

/** Exchanges the code (the provider checks the verifier) for tokens through the outbound-URL guard (token-request.ts). */
export async function exchangeCode(
	config: Pick<ProviderConfig, "clientId" | "clientSecret" | "tokenEndpoint">,
	redirectUri: string,
	code: string,
	verifier: string,
	outbound: OutboundEnv,
): Promise<{ accessToken: string; idToken: string | null }> {
	const tokens = await requestTokens({ ...config, redirectUri, code, verifier }, outbound);
	const data = tokens.data as { id_token?: unknown };
	try {
		return { accessToken: tokens.accessToken(), idToken: typeof data.id_token === "string" ? data.id_token : null };
	} catch (error) {
		throw new IdentityRejected(`token exchange: ${error instanceof Error ? error.message : "failed"}`);
	}
}

export async function identityFromCode(
	config: ProviderConfig,
	redirectUri: string,
	code: string,
	verifier: string,
	nonce: string,
	outbound: OutboundEnv,
): Promise<ProviderIdentity> {
	const tokens = await exchangeCode(config, redirectUri, code, verifier, outbound);
	if (config.kind === "github") return githubIdentity(config, tokens.accessToken, outbound);
	if (!tokens.idToken) throw new IdentityRejected("no id_token in the token response");
	return oidcIdentity(config, tokens.idToken, nonce, outbound);
}
