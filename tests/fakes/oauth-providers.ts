/**
 * A local stand-in for the identity providers: Google, Microsoft Entra ID and GitHub (OAuth 2.0
 * with PKCE; OpenID Connect id_tokens signed RS256 and a JWKS), and any number of generic OpenID
 * Connect issuers for per-agency SSO (`/oidc/<name>`, with discovery and userinfo).
 *
 * Tests register people with `POST /__test/users { provider, loginHint, profile }` and pick one by
 * adding `login_hint` to the authorization URL the Worker redirected to, as a user picks an account.
 * The authorization endpoint answers with the redirect back (code + state); the token endpoint
 * checks the client's credentials, the redirect URI and the PKCE verifier like a real provider.
 * `/__test/redirect?to=<url>` answers anything with a 307 to `to`, for endpoints that redirect.
 */
import { createHash, randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { exportJWK, generateKeyPair, type JWK, SignJWT } from "jose";
import type { FakeProfile } from "./oauth-profile";

export const FAKE_OAUTH_CLIENTS = {
	google: { id: "google-client-id", secret: "google-client-secret" },
	microsoft: { id: "microsoft-client-id", secret: "microsoft-client-secret" },
	github: { id: "github-client-id", secret: "github-client-secret" },
	oidc: { id: "sso-client-id", secret: "sso-client-secret" },
} as const;

/** The directory (tenant) id the fake Microsoft puts in `tid` and in its issuer. */
export const FAKE_MICROSOFT_TID = "9188040d-6c67-4c5b-b112-36a304b66dad";

type Provider = keyof typeof FAKE_OAUTH_CLIENTS;

export type { FakeProfile };

type Grant = {
	provider: Provider;
	issuer: string;
	clientId: string;
	redirectUri: string;
	challenge: string;
	nonce: string | null;
	profile: FakeProfile;
};

export type LocalOAuth = { url: string; server: Server };

const b64url = (buffer: Buffer) => buffer.toString("base64url");

function readBody(req: IncomingMessage): Promise<string> {
	return new Promise((resolve) => {
		let body = "";
		req.on("data", (chunk) => {
			body += chunk;
		});
		req.on("end", () => resolve(body));
	});
}

function json(res: ServerResponse, status: number, body: unknown): void {
	res.writeHead(status, { "Content-Type": "application/json" }).end(JSON.stringify(body));
}

/** Which provider and endpoint a path names, and the issuer it speaks for. */
function route(path: string, base: string): { provider: Provider; endpoint: string; issuer: string } | null {
	let m = /^\/google(\/.*)$/.exec(path);
	if (m?.[1]) {
		const endpoint = { "/o/oauth2/v2/auth": "authorize", "/token": "token", "/oauth2/v3/certs": "jwks" }[m[1]];
		return endpoint ? { provider: "google", endpoint, issuer: `${base}/google` } : null;
	}
	m = /^\/microsoft\/[^/]+(\/.*)$/.exec(path);
	if (m?.[1]) {
		const endpoint = { "/oauth2/v2.0/authorize": "authorize", "/oauth2/v2.0/token": "token", "/discovery/v2.0/keys": "jwks" }[m[1]];
		return endpoint ? { provider: "microsoft", endpoint, issuer: `${base}/microsoft/${FAKE_MICROSOFT_TID}/v2.0` } : null;
	}
	m = /^\/github(\/.*)$/.exec(path);
	if (m?.[1]) {
		const endpoint = { "/login/oauth/authorize": "authorize", "/login/oauth/access_token": "token" }[m[1]];
		return endpoint ? { provider: "github", endpoint, issuer: `${base}/github` } : null;
	}
	m = /^\/github-api(\/.*)$/.exec(path);
	if (m?.[1]) {
		const endpoint = { "/user": "github-user", "/user/emails": "github-emails" }[m[1]];
		return endpoint ? { provider: "github", endpoint, issuer: `${base}/github` } : null;
	}
	m = /^\/oidc\/([a-z0-9-]+)(\/.*)$/.exec(path);
	if (m?.[1] && m[2]) {
		const endpoint = {
			"/.well-known/openid-configuration": "discovery",
			"/authorize": "authorize",
			"/token": "token",
			"/jwks": "jwks",
			"/userinfo": "userinfo",
		}[m[2]];
		return endpoint ? { provider: "oidc", endpoint, issuer: `${base}/oidc/${m[1]}` } : null;
	}
	return null;
}

export async function startLocalOAuth(): Promise<LocalOAuth> {
	const { privateKey, publicKey } = await generateKeyPair("RS256", { extractable: true });
	/** A second key, never published: id_tokens signed with it must be refused. */
	const rogue = await generateKeyPair("RS256");
	const jwk: JWK = { ...(await exportJWK(publicKey)), kid: "fake-key-1", alg: "RS256", use: "sig" };
	const users = new Map<string, FakeProfile>();
	const grants = new Map<string, Grant>();
	const accessTokens = new Map<string, Grant>();
	let forgeNextIdToken = false;
	let base = "";

	const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
		const url = new URL(req.url ?? "/", base);
		if (req.method === "POST" && url.pathname === "/__test/users") {
			const { provider, loginHint, profile } = JSON.parse(await readBody(req)) as {
				provider: Provider;
				loginHint: string;
				profile: FakeProfile;
			};
			users.set(`${provider}|${loginHint}`, profile);
			return void res.writeHead(204).end();
		}
		if (req.method === "POST" && url.pathname === "/__test/forge-next-id-token") {
			forgeNextIdToken = true;
			return void res.writeHead(204).end();
		}
		// A hostile or misconfigured endpoint: answers every request with a redirect to `to` (307 keeps a POST a POST).
		if (url.pathname === "/__test/redirect") {
			return void res.writeHead(Number(url.searchParams.get("status") ?? 307), { Location: url.searchParams.get("to") ?? "/" }).end();
		}
		const target = route(url.pathname, base);
		if (!target) return void res.writeHead(404).end();
		const { provider, endpoint, issuer } = target;
		const client = FAKE_OAUTH_CLIENTS[provider];

		if (endpoint === "discovery") {
			// An issuer named `points-inside` is a hostile IdP: its token and key endpoints aim at the cloud metadata address.
			const inside = issuer.endsWith("/oidc/points-inside") ? "https://169.254.169.254/latest/meta-data" : issuer;
			return json(res, 200, {
				issuer,
				authorization_endpoint: `${issuer}/authorize`,
				token_endpoint: `${inside}/token`,
				jwks_uri: `${inside}/jwks`,
				userinfo_endpoint: `${issuer}/userinfo`,
				response_types_supported: ["code"],
				subject_types_supported: ["public"],
				id_token_signing_alg_values_supported: ["RS256"],
				code_challenge_methods_supported: ["S256"],
				scopes_supported: ["openid", "email", "profile"],
			});
		}
		if (endpoint === "jwks") return json(res, 200, { keys: [jwk] });

		if (endpoint === "authorize") {
			const q = url.searchParams;
			const redirectUri = q.get("redirect_uri");
			if (q.get("client_id") !== client.id || !redirectUri) return json(res, 400, { error: "invalid_request" });
			const back = new URL(redirectUri);
			const state = q.get("state");
			if (state) back.searchParams.set("state", state);
			const profile = users.get(`${provider}|${q.get("login_hint") ?? ""}`);
			const challenge = q.get("code_challenge");
			if (!profile || !challenge || q.get("code_challenge_method") !== "S256" || q.get("response_type") !== "code") {
				back.searchParams.set("error", "access_denied");
				return void res.writeHead(302, { Location: back.toString() }).end();
			}
			const code = b64url(randomBytes(24));
			grants.set(code, { provider, issuer, clientId: client.id, redirectUri, challenge, nonce: q.get("nonce"), profile });
			back.searchParams.set("code", code);
			return void res.writeHead(302, { Location: back.toString() }).end();
		}

		if (endpoint === "token" && req.method === "POST") {
			const form = new URLSearchParams(await readBody(req));
			const basic = /^Basic (.+)$/.exec(req.headers.authorization ?? "")?.[1];
			const [id, secret] = basic
				? Buffer.from(basic, "base64").toString().split(":").map(decodeURIComponent)
				: [form.get("client_id"), form.get("client_secret")];
			if (id !== client.id || secret !== client.secret) return json(res, 401, { error: "invalid_client" });
			const code = form.get("code") ?? "";
			const grant = grants.get(code);
			grants.delete(code);
			const verifier = form.get("code_verifier") ?? "";
			const challenge = b64url(createHash("sha256").update(verifier).digest());
			if (!grant || grant.provider !== provider || grant.redirectUri !== form.get("redirect_uri") || challenge !== grant.challenge) {
				return json(res, 400, { error: "invalid_grant", error_description: "code, redirect_uri or code_verifier is wrong" });
			}
			const accessToken = b64url(randomBytes(24));
			accessTokens.set(accessToken, grant);
			const body: Record<string, unknown> = {
				access_token: accessToken,
				token_type: "Bearer",
				expires_in: 3600,
				scope: "openid email profile",
			};
			if (provider !== "github") {
				const claims: Record<string, unknown> = {
					email: grant.profile.email,
					email_verified: grant.profile.emailVerified,
					name: grant.profile.name,
					...(grant.nonce ? { nonce: grant.nonce } : {}),
					...(grant.profile.amr ? { amr: grant.profile.amr } : {}),
					...(grant.profile.acr ? { acr: grant.profile.acr } : {}),
					...(provider === "microsoft" ? { tid: FAKE_MICROSOFT_TID } : {}),
				};
				const key = forgeNextIdToken ? rogue.privateKey : privateKey;
				forgeNextIdToken = false;
				body.id_token = await new SignJWT(claims)
					.setProtectedHeader({ alg: "RS256", kid: "fake-key-1" })
					.setIssuer(grant.issuer)
					.setAudience(grant.clientId)
					.setSubject(grant.profile.sub)
					.setIssuedAt()
					.setExpirationTime("10m")
					.sign(key);
			}
			return json(res, 200, body);
		}

		const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? "")?.[1] ?? "";
		const grant = accessTokens.get(bearer);
		if (!grant) return json(res, 401, { message: "Bad credentials" });
		if (endpoint === "github-user") {
			return json(res, 200, {
				id: Number(grant.profile.sub),
				login: grant.profile.name.toLowerCase().replace(/\s+/g, ""),
				name: grant.profile.name,
				email: null,
			});
		}
		if (endpoint === "github-emails") {
			return json(res, 200, grant.profile.emails ?? [{ email: grant.profile.email, primary: true, verified: grant.profile.emailVerified }]);
		}
		if (endpoint === "userinfo") {
			return json(res, 200, {
				sub: grant.profile.sub,
				email: grant.profile.email,
				email_verified: grant.profile.emailVerified,
				name: grant.profile.name,
			});
		}
		res.writeHead(404).end();
	};

	const server = createServer((req, res) => {
		handle(req, res).catch((error: unknown) => json(res, 500, { error: String(error) }));
	});
	await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
	server.unref();
	base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	return { url: base, server };
}
