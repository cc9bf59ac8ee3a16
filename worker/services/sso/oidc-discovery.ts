/**
 * Fetches and validates an OpenID Provider's discovery document: it must answer JSON within five
 * seconds, name exactly the issuer asked for, support the code flow, and give https endpoints
 * (http only in local development, where the tests' fake IdP lives). A bad one is a 422 naming `issuer`.
 */
import { Problem, problems } from "../../lib/problem";

export type OidcEndpoints = { authorizationEndpoint: string; tokenEndpoint: string; jwksUri: string };

const invalid = (message: string) => problems.validation([{ path: "issuer", message }]);

function endpoint(value: unknown, name: string, allowHttp: boolean): string {
	if (typeof value !== "string") throw invalid(`discovery has no ${name}`);
	let url: URL;
	try {
		url = new URL(value);
	} catch {
		throw invalid(`discovery's ${name} is not a URL`);
	}
	if (url.protocol !== "https:" && !(allowHttp && url.protocol === "http:")) throw invalid(`discovery's ${name} must use https`);
	return url.toString();
}

export async function discoverOidc(issuer: string, allowHttp: boolean): Promise<OidcEndpoints> {
	const issuerUrl = new URL(issuer);
	if (issuerUrl.protocol !== "https:" && !(allowHttp && issuerUrl.protocol === "http:")) throw invalid("must use https");
	const discoveryUrl = `${issuer.replace(/\/+$/, "")}/.well-known/openid-configuration`;
	let doc: Record<string, unknown>;
	try {
		const res = await fetch(discoveryUrl, { headers: { Accept: "application/json" }, signal: AbortSignal.timeout(5000) });
		if (!res.ok) throw invalid(`discovery at ${discoveryUrl} answered ${res.status}`);
		const body: unknown = await res.json();
		if (!body || typeof body !== "object") throw invalid("discovery is not a JSON object");
		doc = body as Record<string, unknown>;
	} catch (error) {
		if (error instanceof Problem) throw error;
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
