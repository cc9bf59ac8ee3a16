/**
 * The one gate for requests the Worker makes to URLs a user supplied (push endpoints, SSO issuers
 * and their endpoints, and later webhooks or logo URLs): https only, on port 443 or 8443, no
 * credentials, and never an address that is not the public internet — private, loopback,
 * link-local, unique-local, CGNAT, multicast or reserved IP literals in any spelling the URL parser
 * accepts (`2130706433`, `0x7f.1`, `[::ffff:127.0.0.1]`), nor local names (`localhost`,
 * `*.localhost`, `*.internal`, `*.local`, single-label names). Redirects are followed by hand,
 * each hop checked again, at most a few.
 *
 * A Worker cannot resolve a name before fetching it, so a public name pointing at a private
 * address is caught only with `resolveDns`, which asks DNS-over-HTTPS first (costs a round trip;
 * used for SSO discovery and meant for webhooks). The gap that leaves (DNS rebinding between the
 * check and the fetch) is closed by the platform: Cloudflare's egress does not reach our private
 * networks. `allowLoopback` is the development allowance: the local fakes the tests and
 * `npm start` use listen on http://127.0.0.1; it is on only when ENVIRONMENT is "development".
 */
import { DnsLookupError, lookupAddresses } from "./dns-over-https";
import { type AddressClass, classifyIpLiteral } from "./ip-address-class";

export type OutboundRefusal =
	| "not-a-url"
	| "scheme"
	| "credentials"
	| "port"
	| "local-name"
	| "private-address"
	| "host-not-allowed"
	| "resolves-private"
	| "unresolvable"
	| "too-many-redirects";

export type OutboundCheck = { ok: true; url: URL } | { ok: false; reason: OutboundRefusal; message: string };

export type OutboundOptions = {
	/** Development only: http and loopback hosts (127.0.0.0/8, ::1, localhost) are allowed, for the local fakes. */
	allowLoopback?: boolean;
	/** Only these hosts: exact names, or `*.suffix` for any name under suffix. Loopback still passes under `allowLoopback`. */
	allowedHosts?: readonly string[];
};

export type GuardedFetchOptions = Omit<OutboundOptions, "allowLoopback"> & {
	/** Resolve the host over DNS-over-HTTPS first and refuse it when any address is not public. */
	resolveDns?: boolean;
	/** Redirects followed (GET and HEAD only; other methods get the redirect back). Default 3. */
	maxRedirects?: number;
	/** Whole-request timeout when `init.signal` is not given. Default 10 s. */
	timeoutMs?: number;
};

/** What guardedFetch needs from the bindings: whether this is development, and which DoH resolver to ask. */
export type OutboundEnv = { ENVIRONMENT: string; DOH_URL?: string };

export class OutboundRefused extends Error {
	constructor(
		readonly reason: OutboundRefusal,
		message: string,
	) {
		super(message);
	}
}

const HTTPS_PORTS = new Set(["", "443", "8443"]);
const LOCAL_SUFFIXES = ["localhost", "local", "internal", "intranet", "localdomain", "home.arpa", "lan"];
const PRIVATE_MESSAGE = "must not point at a private, loopback or link-local address";
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

const refuse = (reason: OutboundRefusal, message: string): OutboundCheck => ({ ok: false, reason, message });

function isLocalName(host: string): boolean {
	if (!host.includes(".")) return true; // single-label names resolve inside a network, never on the internet
	return LOCAL_SUFFIXES.some((suffix) => host === suffix || host.endsWith(`.${suffix}`));
}

function isLoopbackHost(host: string, ipClass: AddressClass | null): boolean {
	return ipClass === "loopback" || host === "localhost" || host.endsWith(".localhost");
}

function hostMatches(host: string, pattern: string): boolean {
	return pattern.startsWith("*.") ? host.endsWith(pattern.slice(1)) : host === pattern;
}

/** Whether the Worker may send a request to `input`, and why not. Syntactic: no DNS (see guardedFetch's `resolveDns`). */
export function checkOutboundUrl(input: string | URL, options: OutboundOptions = {}): OutboundCheck {
	const url = URL.parse(String(input));
	if (!url) return refuse("not-a-url", "must be a URL");
	if (url.protocol !== "https:" && url.protocol !== "http:") return refuse("scheme", "must use https");
	if (url.username || url.password) return refuse("credentials", "must not contain a user name or password");
	const host = url.hostname.toLowerCase().replace(/\.$/, "");
	if (!host) return refuse("not-a-url", "must name a host");
	const ipClass = classifyIpLiteral(host);
	if (options.allowLoopback && isLoopbackHost(host, ipClass)) return { ok: true, url };
	if (url.protocol !== "https:") return refuse("scheme", "must use https");
	if (ipClass !== null && ipClass !== "public") return refuse("private-address", PRIVATE_MESSAGE);
	if (ipClass === null && isLocalName(host)) return refuse("local-name", "must be a public internet host name");
	if (!HTTPS_PORTS.has(url.port)) return refuse("port", "must use the standard https port");
	if (options.allowedHosts && !options.allowedHosts.some((pattern) => hostMatches(host, pattern))) {
		return refuse("host-not-allowed", "is not an allowed host");
	}
	return { ok: true, url };
}

/** Throws OutboundRefused when DNS says `url`'s host points anywhere but the public internet (IP literals were judged already). */
async function checkResolved(url: URL, dohUrl: string | undefined): Promise<void> {
	const host = url.hostname.toLowerCase().replace(/\.$/, "");
	if (classifyIpLiteral(host) !== null || host === "localhost" || host.endsWith(".localhost")) return;
	let addresses: string[];
	try {
		addresses = await lookupAddresses(host, dohUrl);
	} catch (error) {
		if (error instanceof DnsLookupError) throw new OutboundRefused("unresolvable", `could not be checked in DNS: ${error.message}`);
		throw error;
	}
	if (addresses.length === 0) throw new OutboundRefused("unresolvable", "does not resolve to an address");
	if (addresses.some((address) => classifyIpLiteral(address) !== "public")) throw new OutboundRefused("resolves-private", PRIVATE_MESSAGE);
}

/** `fetch` for user-supplied URLs: every hop checked by checkOutboundUrl (and DNS when asked); throws OutboundRefused. */
export async function guardedFetch(
	env: OutboundEnv,
	input: string | URL,
	init: RequestInit = {},
	options: GuardedFetchOptions = {},
): Promise<Response> {
	const policy: OutboundOptions = { allowLoopback: env.ENVIRONMENT === "development", allowedHosts: options.allowedHosts };
	const method = (init.method ?? "GET").toUpperCase();
	const follows = method === "GET" || method === "HEAD";
	const signal = init.signal ?? AbortSignal.timeout(options.timeoutMs ?? 10_000);
	let target = String(input);
	for (let hop = 0; hop <= (options.maxRedirects ?? 3); hop++) {
		const check = checkOutboundUrl(target, policy);
		if (!check.ok) throw new OutboundRefused(check.reason, check.message);
		if (options.resolveDns) await checkResolved(check.url, env.DOH_URL);
		const response = await fetch(check.url, { ...init, signal, redirect: "manual" });
		const location = response.headers.get("Location");
		if (!follows || !REDIRECT_STATUSES.has(response.status) || !location) return response;
		await response.body?.cancel();
		target = new URL(location, check.url).href;
	}
	throw new OutboundRefused("too-many-redirects", "redirects too many times");
}
