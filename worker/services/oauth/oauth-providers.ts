/**
 * The OAuth providers Atrium offers and where their endpoints are. A provider is offered only
 * when its client id and secret are configured; each base URL can be overridden (tests point them
 * at a local fake), and otherwise is the provider's real address.
 */
import type { OAuthProvider } from "../../../schema/index";
import { OAUTH_PROVIDERS } from "../../../schema/index";
import type { Bindings } from "../../env";

type Common = {
	provider: OAuthProvider;
	clientId: string;
	clientSecret: string;
	authorizationEndpoint: string;
	tokenEndpoint: string;
	scopes: string[];
};

/** An OpenID Connect provider: identity from a signed id_token checked against its JWKS. */
export type OidcProviderConfig = Common & {
	kind: "oidc";
	jwksUri: string;
	/** Whether `iss` is this provider's (Microsoft's issuer names the user's directory). */
	issuerMatches: (issuer: string, claims: Record<string, unknown>) => boolean;
};

/** GitHub: plain OAuth 2.0, identity from its REST API (`/user`, `/user/emails`). */
export type GitHubProviderConfig = Common & { kind: "github"; apiBase: string };

export type ProviderConfig = OidcProviderConfig | GitHubProviderConfig;

type ProviderEnv = Pick<
	Bindings,
	| "GOOGLE_CLIENT_ID"
	| "GOOGLE_CLIENT_SECRET"
	| "GOOGLE_OAUTH_BASE_URL"
	| "MICROSOFT_CLIENT_ID"
	| "MICROSOFT_CLIENT_SECRET"
	| "MICROSOFT_TENANT"
	| "MICROSOFT_OAUTH_BASE_URL"
	| "GITHUB_CLIENT_ID"
	| "GITHUB_CLIENT_SECRET"
	| "GITHUB_OAUTH_BASE_URL"
	| "GITHUB_API_BASE_URL"
>;

const trim = (url: string) => url.replace(/\/+$/, "");
const MULTI_TENANT_DIRECTORIES = new Set(["common", "organizations", "consumers"]);

export function providerConfig(env: ProviderEnv, provider: OAuthProvider): ProviderConfig | null {
	switch (provider) {
		case "google": {
			if (!env.GOOGLE_CLIENT_ID || !env.GOOGLE_CLIENT_SECRET) return null;
			const base = env.GOOGLE_OAUTH_BASE_URL ? trim(env.GOOGLE_OAUTH_BASE_URL) : null;
			const issuer = base ?? "https://accounts.google.com";
			return {
				kind: "oidc",
				provider,
				clientId: env.GOOGLE_CLIENT_ID,
				clientSecret: env.GOOGLE_CLIENT_SECRET,
				authorizationEndpoint: `${base ?? "https://accounts.google.com"}/o/oauth2/v2/auth`,
				tokenEndpoint: base ? `${base}/token` : "https://oauth2.googleapis.com/token",
				jwksUri: base ? `${base}/oauth2/v3/certs` : "https://www.googleapis.com/oauth2/v3/certs",
				scopes: ["openid", "email", "profile"],
				// Google signs with either form of its issuer.
				issuerMatches: (iss) => iss === issuer || (!base && iss === "accounts.google.com"),
			};
		}
		case "microsoft": {
			if (!env.MICROSOFT_CLIENT_ID || !env.MICROSOFT_CLIENT_SECRET) return null;
			const base = trim(env.MICROSOFT_OAUTH_BASE_URL ?? "https://login.microsoftonline.com");
			const directory = env.MICROSOFT_TENANT ?? "common";
			return {
				kind: "oidc",
				provider,
				clientId: env.MICROSOFT_CLIENT_ID,
				clientSecret: env.MICROSOFT_CLIENT_SECRET,
				authorizationEndpoint: `${base}/${directory}/oauth2/v2.0/authorize`,
				tokenEndpoint: `${base}/${directory}/oauth2/v2.0/token`,
				jwksUri: `${base}/${directory}/discovery/v2.0/keys`,
				scopes: ["openid", "email", "profile"],
				// Multi-tenant apps get tokens from the user's own directory: the issuer must name the token's `tid`.
				issuerMatches: (iss, claims) => {
					const tid = typeof claims.tid === "string" ? claims.tid : null;
					if (!tid || iss !== `${base}/${tid}/v2.0`) return false;
					return MULTI_TENANT_DIRECTORIES.has(directory) || tid === directory;
				},
			};
		}
		case "github": {
			if (!env.GITHUB_CLIENT_ID || !env.GITHUB_CLIENT_SECRET) return null;
			const base = trim(env.GITHUB_OAUTH_BASE_URL ?? "https://github.com");
			return {
				kind: "github",
				provider,
				clientId: env.GITHUB_CLIENT_ID,
				clientSecret: env.GITHUB_CLIENT_SECRET,
				authorizationEndpoint: `${base}/login/oauth/authorize`,
				tokenEndpoint: `${base}/login/oauth/access_token`,
				apiBase: trim(env.GITHUB_API_BASE_URL ?? "https://api.github.com"),
				scopes: ["read:user", "user:email"],
			};
		}
	}
}

/** The providers with credentials, in display order. */
export function configuredProviders(env: ProviderEnv): OAuthProvider[] {
	return OAUTH_PROVIDERS.filter((p) => providerConfig(env, p) !== null);
}
