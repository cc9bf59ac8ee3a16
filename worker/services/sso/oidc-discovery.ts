/**
 * Fetches and validates an OpenID Provider's discovery document: it must answer JSON within five
 * seconds, name exactly the issuer asked for, support the code flow, and give https endpoints
 * (http only in local development, where the tests' fake IdP lives). The issuer and every endpoint
 * go through the outbound-URL guard, and the issuer's name is resolved over DNS-over-HTTPS first,
 * so no agency can point the Worker at a private, loopback or link-local address. A bad one is a
 * 422 naming `issuer`.
 */
import { checkOutboundUrl, guardedFetch, OutboundRefused } from "../../lib/outbound-url-guard";
import { Problem, problems } from "../../lib/problem";

export type OidcEndpoints = { authorizationEndpoint: string; tokenEndpoint: string; jwksUri: string };

const invalid = (message: string) => problems.validation([{ path: "issuer", message }]);

function endpoint(value: unknown, name: string, allowHttp: boolean): string {
	if (typeof value !== "string") throw invalid(`discovery has no ${name}`);
	const check = checkOutboundUrl(value, { allowLoopback: allowHttp });
	if (!check.ok) throw invalid(check.reason === "not-a-url" ? `discovery's ${name} is not a URL` : `discovery's ${name} ${check.message}`);
	return check.url.toString();
}

/** `dohUrl`: the DNS-over-HTTPS resolver that checks where the issuer's name points (the deployment's DOH_URL). */
export async function discoverOidc(issuer: string, allowHttp: boolean, dohUrl?: string): Promise<OidcEndpoints> {
	const issuerCheck = checkOutboundUrl(issuer, { allowLoopback: allowHttp });
	if (!issuerCheck.ok) throw invalid(issuerCheck.message);
	const discoveryUrl = `${issuer.replace(/\/+$/, "")}/.well-known/openid-configuration`;
	const outbound = { ENVIRONMENT: allowHttp ? "development" : "production", DOH_URL: dohUrl };
	let doc: Record<string, unknown>;
	try {
		const res = await guardedFetch(
			outbound,
			discoveryUrl,
			{ headers: { Accept: "application/json" }, signal: AbortSignal.timeout(5000) },
			{ resolveDns: true },
		);
		if (!res.ok) throw invalid(`discovery at ${discoveryUrl} answered ${res.status}`);
		const body: unknown = await res.json();
		if (!body || typeof body !== "object") throw invalid("discovery is not a JSON object");
		doc = body as Record<string, unknown>;
	} catch (error) {
		if (error instanceof Problem) throw error;
		if (error instanceof OutboundRefused) throw invalid(error.message);
		throw invalid(`could not read discovery at ${discoveryUrl}`);
	}
	if (doc.issuer !== issuer) throw invalid(`discovery names issuer ${String(doc.issuer)}, not ${issuer}`);
	const responseTypes = doc.response_types_supported;
	if (Array.isArray(responseTypes) && !responseTypes.includes("code")) throw invalid("the provider does not support the code flow");
	const pkce = doc.code_challenge_methods_supported;
	if (Array.isArray(pkce) && !pkce.includes("S256")) throw invalid("the provider does not support PKCE with S256");
	return {
		authorizationEndpoint: endpoint(doc.authorization_endpoint, "authorization_endpoint", allowHttp),
		tokenEndpoint: endpoint(doc.token_endpoint, "token_endpoint", allowHttp),
		jwksUri: endpoint(doc.jwks_uri, "jwks_uri", allowHttp),
	};
}
