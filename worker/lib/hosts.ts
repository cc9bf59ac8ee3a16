/** Host-name arithmetic: which host a request is for and the addresses of a tenant. */

/** The lower-case host name of a request URL, without port or trailing dot. */
export function hostnameOf(url: URL): string {
	return url.hostname.toLowerCase().replace(/\.$/, "");
}

export type ParsedHost = { kind: "platform" } | { kind: "subdomain"; slug: string } | { kind: "custom"; hostname: string };

/** Classifies a host against the platform domain: the platform itself, `<slug>.<platform>`, or a custom domain. */
export function parseHost(hostname: string, platformDomain: string, development: boolean): ParsedHost {
	if (hostname === platformDomain) return { kind: "platform" };
	if (development && (hostname === "127.0.0.1" || hostname === "[::1]")) return { kind: "platform" };
	const suffix = `.${platformDomain}`;
	if (hostname.endsWith(suffix)) {
		const label = hostname.slice(0, -suffix.length);
		if (label.length > 0 && !label.includes(".")) return { kind: "subdomain", slug: label };
	}
	return { kind: "custom", hostname };
}

/** The base URL of a tenant's sub-domain, keeping the scheme and port the request came in on. */
export function tenantBaseUrl(requestUrl: URL, slug: string, platformDomain: string): string {
	const port = requestUrl.port ? `:${requestUrl.port}` : "";
	return `${requestUrl.protocol}//${slug}.${platformDomain}${port}`;
}

/** The base URL of the platform host (where agencies sign up), keeping the request's scheme and port. */
export function platformBaseUrl(requestUrl: URL, platformDomain: string): string {
	const port = requestUrl.port ? `:${requestUrl.port}` : "";
	return `${requestUrl.protocol}//${platformDomain}${port}`;
}
