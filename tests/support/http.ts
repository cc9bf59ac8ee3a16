/** Test helper: requests through the real Worker (`call`), hosts, fresh client IPs, session cookies and problem bodies. */
import { exports } from "cloudflare:workers";

export const PLATFORM = "localhost";

export function hostOf(slug: string): string {
	return `${slug}.${PLATFORM}`;
}

export type RequestOptions = {
	method?: string;
	body?: unknown;
	rawBody?: string;
	cookie?: string;
	headers?: Record<string, string>;
	/** Sends an Origin header equal to the host (what a browser's same-origin fetch does); default true. */
	sameOrigin?: boolean;
	ip?: string;
	/** What Cloudflare would put in request.cf (country, city…). */
	cf?: Record<string, string>;
};

/** A request to `path` on `host`, answered by the Worker's fetch handler. */
export async function call(host: string, path: string, options: RequestOptions = {}): Promise<Response> {
	const headers = new Headers(options.headers);
	const origin = `http://${host}`;
	if (options.sameOrigin !== false) headers.set("Origin", origin);
	if (options.cookie) headers.set("Cookie", options.cookie);
	if (options.ip) headers.set("CF-Connecting-IP", options.ip);
	let body: string | undefined = options.rawBody;
	if (options.body !== undefined) {
		body = JSON.stringify(options.body);
		headers.set("Content-Type", "application/json");
	}
	// Redirects are answers to assert on, never followed.
	return exports.default.fetch(
		new Request(`${origin}${path}`, {
			method: options.method ?? (body ? "POST" : "GET"),
			headers,
			body,
			cf: options.cf,
			redirect: "manual",
		}),
	);
}

let ipCounter = 0;
/** A fresh client IP, so rate limits of one test never leak into another's requests. */
export function freshIp(): string {
	ipCounter += 1;
	return `198.51.100.${ipCounter % 250}`;
}

/** The `name=value` part of a Set-Cookie header for the session cookie, or null. */
export function sessionCookie(response: Response): string | null {
	const header = response.headers.getSetCookie().find((c) => c.startsWith("atrium_session="));
	return header ? (header.split(";")[0] ?? null) : null;
}

/** The problem+json body of an error response (throws if the response is not problem+json). */
export async function problemOf(
	response: Response,
): Promise<{ type: string; title: string; status: number; detail?: string; errors?: { path: string; message: string }[] }> {
	if (!response.headers.get("Content-Type")?.startsWith("application/problem+json")) {
		throw new Error(`expected problem+json, got ${response.headers.get("Content-Type")} (${response.status}): ${await response.text()}`);
	}
	return response.json();
}
