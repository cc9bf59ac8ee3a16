/**
 * The authorization-code token request (RFC 6749 §4.1.3 with the PKCE verifier), sent through the
 * outbound-URL guard instead of arctic's own `fetch` (which follows redirects unchecked and has no
 * fetch hook). The endpoint is checked before anything is sent, and a redirect is never followed:
 * the request carries the code, the verifier and the client secret, so the provider answering with
 * one fails the sign-in (audited with where it pointed), and nothing goes to the redirect's target.
 * The body and headers are the ones arctic sends, so every provider sees the same request.
 */
import { encodeBase64 } from "@oslojs/encoding";
import { OAuth2Tokens } from "arctic";
import { checkOutboundUrl, guardedFetch, type OutboundEnv, OutboundRefused } from "../../lib/outbound-url-guard";
import { EndpointRefused, IdentityRejected } from "./provider-identity";

export type TokenRequest = {
	clientId: string;
	clientSecret: string;
	tokenEndpoint: string;
	redirectUri: string;
	code: string;
	verifier: string;
};

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** Why a redirect from the token endpoint is refused: where it points, judged by the guard, or simply that it is a redirect. */
function redirectRefusal(location: string | null, endpoint: string, outbound: OutboundEnv): EndpointRefused {
	const target = checkOutboundUrl(URL.parse(location ?? "", endpoint)?.href ?? "", {
		allowLoopback: outbound.ENVIRONMENT === "development",
	});
	if (!target.ok) return new EndpointRefused("token_endpoint", target.reason, `redirects to an address that ${target.message}`);
	return new EndpointRefused("token_endpoint", "redirect", "answered with a redirect, which a token request never follows");
}

/** Exchanges the code for tokens; throws EndpointRefused (nothing sent, or a redirect not followed) or IdentityRejected. */
export async function requestTokens(request: TokenRequest, outbound: OutboundEnv): Promise<OAuth2Tokens> {
	const body = new URLSearchParams({
		grant_type: "authorization_code",
		code: request.code,
		redirect_uri: request.redirectUri,
		code_verifier: request.verifier,
	});
	const bytes = new TextEncoder().encode(body.toString());
	let response: Response;
	try {
		response = await guardedFetch(outbound, request.tokenEndpoint, {
			method: "POST",
			body: bytes,
			headers: {
				"Content-Type": "application/x-www-form-urlencoded",
				Accept: "application/json",
				"User-Agent": "arctic",
				Authorization: `Basic ${encodeBase64(new TextEncoder().encode(`${request.clientId}:${request.clientSecret}`))}`,
			},
		});
	} catch (error) {
		if (error instanceof OutboundRefused) throw new EndpointRefused("token_endpoint", error.reason, error.message);
		throw new IdentityRejected(`token exchange: ${error instanceof Error ? error.message : "failed"}`);
	}
	if (REDIRECTS.has(response.status)) {
		await response.body?.cancel();
		throw redirectRefusal(response.headers.get("Location"), request.tokenEndpoint, outbound);
	}
	const data: unknown = await response.json().catch(() => null);
	if (response.status !== 200 || typeof data !== "object" || data === null) {
		const code = typeof data === "object" && data !== null && "error" in data ? `: ${String(data.error)}` : "";
		throw new IdentityRejected(`token exchange: the provider answered ${response.status}${code}`);
	}
	return new OAuth2Tokens(data);
}
