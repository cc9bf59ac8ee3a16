/**
 * Who the provider says signed in, after the code exchange: for OpenID Connect providers the
 * id_token's signature (JWKS), issuer, audience, expiry and nonce are verified with jose; for
 * GitHub the verified primary address comes from `/user/emails`. Only a verified email counts.
 * The key set and GitHub's API are fetched through the outbound-URL guard (each redirect re-checked),
 * so an endpoint stored or configured at a private, loopback or link-local address is never reached.
 */
import { createRemoteJWKSet, customFetch, type JWTPayload, jwtVerify } from "jose";
import { guardedFetch, type OutboundEnv, type OutboundRefusal, OutboundRefused } from "../../lib/outbound-url-guard";
import type { GitHubProviderConfig, OidcProviderConfig } from "./oauth-providers";

export type ProviderIdentity = { subject: string; email: string | null; emailVerified: boolean; name: string | null };

/** JWKS fetchers are kept per URL (and environment), so keys are cached across requests of one isolate (jose refetches on an unknown kid). */
const jwksByUrl = new Map<string, ReturnType<typeof createRemoteJWKSet>>();

function jwksOf(uri: string, outbound: OutboundEnv): ReturnType<typeof createRemoteJWKSet> {
	const key = `${outbound.ENVIRONMENT}|${uri}`;
	let jwks = jwksByUrl.get(key);
	if (!jwks) {
		jwks = createRemoteJWKSet(new URL(uri), { [customFetch]: (url, init) => guardedFetch(outbound, url, init) });
		jwksByUrl.set(key, jwks);
	}
	return jwks;
}

export class IdentityRejected extends Error {}

/** An endpoint of the provider the outbound-URL guard refused: nothing was sent to it. */
export class EndpointRefused extends IdentityRejected {
	constructor(
		readonly endpoint: "token_endpoint" | "jwks_uri" | "api",
		/** The guard's reason, or `redirect`: the token endpoint answered with one (a token request never follows it). */
		readonly reason: OutboundRefusal | "redirect",
		message: string,
	) {
		super(`${endpoint} ${message}`);
	}
}

/** Verifies an id_token: signature against the issuer's JWKS, `aud`, `exp`, `iss` and the nonce we sent. */
export async function verifyIdToken(
	idToken: string,
	options: {
		jwksUri: string;
		audience: string;
		nonce: string;
		issuerMatches: (iss: string, claims: JWTPayload) => boolean;
		outbound: OutboundEnv;
	},
): Promise<JWTPayload> {
	let payload: JWTPayload;
	try {
		({ payload } = await jwtVerify(idToken, jwksOf(options.jwksUri, options.outbound), {
			audience: options.audience,
			algorithms: ["RS256", "ES256"],
		}));
	} catch (error) {
		if (error instanceof OutboundRefused) throw new EndpointRefused("jwks_uri", error.reason, error.message);
		throw new IdentityRejected(`id_token: ${error instanceof Error ? error.message : "invalid"}`);
	}
	if (typeof payload.iss !== "string" || !options.issuerMatches(payload.iss, payload)) throw new IdentityRejected("id_token: wrong issuer");
	if (payload.nonce !== options.nonce) throw new IdentityRejected("id_token: wrong nonce");
	if (typeof payload.sub !== "string" || payload.sub.length === 0) throw new IdentityRejected("id_token: no subject");
	return payload;
}

export async function oidcIdentity(
	config: OidcProviderConfig,
	idToken: string,
	nonce: string,
	outbound: OutboundEnv,
): Promise<ProviderIdentity> {
	const claims = await verifyIdToken(idToken, {
		jwksUri: config.jwksUri,
		audience: config.clientId,
		nonce,
		issuerMatches: config.issuerMatches,
		outbound,
	});
	// Entra ID states a verified domain-owned address with the optional claim `xms_edov`.
	const verified = claims.email_verified === true || (config.provider === "microsoft" && claims.xms_edov === true);
	return {
		subject: claims.sub ?? "",
		email: typeof claims.email === "string" ? claims.email : null,
		emailVerified: verified,
		name: typeof claims.name === "string" ? claims.name : null,
	};
}

async function githubGet(config: GitHubProviderConfig, path: string, accessToken: string, outbound: OutboundEnv): Promise<unknown> {
	let res: Response;
	try {
		res = await guardedFetch(outbound, `${config.apiBase}${path}`, {
			headers: { Authorization: `Bearer ${accessToken}`, Accept: "application/vnd.github+json", "User-Agent": "Atrium" },
		});
	} catch (error) {
		if (error instanceof OutboundRefused) throw new EndpointRefused("api", error.reason, error.message);
		throw error;
	}
	if (!res.ok) throw new IdentityRejected(`GitHub ${path} answered ${res.status}`);
	return res.json();
}

export async function githubIdentity(config: GitHubProviderConfig, accessToken: string, outbound: OutboundEnv): Promise<ProviderIdentity> {
	const [user, emails] = await Promise.all([
		githubGet(config, "/user", accessToken, outbound),
		githubGet(config, "/user/emails", accessToken, outbound),
	]);
	const id = user && typeof user === "object" ? (user as { id?: unknown }).id : undefined;
	if (typeof id !== "number" && typeof id !== "string") throw new IdentityRejected("GitHub /user has no id");
	const list = Array.isArray(emails) ? (emails as { email?: unknown; primary?: unknown; verified?: unknown }[]) : [];
	const primary = list.find((e) => e.primary === true && typeof e.email === "string");
	const name = (user as { name?: unknown; login?: unknown }).name ?? (user as { login?: unknown }).login;
	return {
		subject: String(id),
		email: typeof primary?.email === "string" ? primary.email : null,
		emailVerified: primary?.verified === true,
		name: typeof name === "string" ? name : null,
	};
}
