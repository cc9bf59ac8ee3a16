/** Helpers for worker tests: requests to a host through the real Worker, and agencies signed up through the API. */
import { exports } from "cloudflare:workers";
import type { MeResponse, SignupResponse } from "../../schema/dto/auth";

export const PLATFORM = "localhost";

export function hostOf(slug: string): string {
	return `${slug}.${PLATFORM}`;
}

type RequestOptions = {
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

export type Agency = { slug: string; host: string; tenantId: string; ownerCookie: string; owner: MeResponse["user"]; password: string };

export const PASSWORD = "correct horse battery";

/** Signs an agency up on the platform host and redeems its hand-off token, as the PWA does. */
export async function signUpAgency(
	slug: string,
	overrides: Partial<{ email: string; name: string; agencyName: string; referralCode: string; referralLandedAt: number }> = {},
): Promise<Agency> {
	const { referralCode, referralLandedAt } = overrides;
	const email = overrides.email ?? `owner@${slug}.test`;
	const res = await call(PLATFORM, "/api/v1/auth/signup", {
		body: {
			agencyName: overrides.agencyName ?? `Agency ${slug}`,
			slug,
			name: overrides.name ?? "Olive Owner",
			email,
			password: PASSWORD,
			...(referralCode === undefined ? {} : { referralCode }),
			...(referralLandedAt === undefined ? {} : { referralLandedAt }),
		},
		ip: freshIp(),
	});
	if (res.status !== 201) throw new Error(`sign-up of ${slug} failed: ${res.status} ${await res.text()}`);
	const signup = (await res.json()) as SignupResponse;
	const token = new URL(signup.handoffUrl).hash.replace("#handoff=", "");
	const handoff = await call(hostOf(slug), "/api/v1/auth/handoff", { body: { token }, ip: freshIp() });
	if (handoff.status !== 200) throw new Error(`hand-off for ${slug} failed: ${handoff.status} ${await handoff.text()}`);
	const cookie = sessionCookie(handoff);
	if (!cookie) throw new Error("hand-off set no session cookie");
	const me = (await handoff.json()) as MeResponse;
	return { slug, host: hostOf(slug), tenantId: signup.tenant.id, ownerCookie: cookie, owner: me.user, password: PASSWORD };
}

/** Signs in with a password and returns the session cookie (throws unless 200). */
export async function logIn(host: string, email: string, password = PASSWORD, options: RequestOptions = {}): Promise<string> {
	const res = await call(host, "/api/v1/auth/login", { body: { email, password }, ip: freshIp(), ...options });
	if (res.status !== 200) throw new Error(`login failed: ${res.status} ${await res.text()}`);
	const cookie = sessionCookie(res);
	if (!cookie) throw new Error("login set no cookie");
	return cookie;
}

export async function problemOf(
	response: Response,
): Promise<{ type: string; title: string; status: number; detail?: string; errors?: { path: string; message: string }[] }> {
	if (!response.headers.get("Content-Type")?.startsWith("application/problem+json")) {
		throw new Error(`expected problem+json, got ${response.headers.get("Content-Type")} (${response.status}): ${await response.text()}`);
	}
	return response.json();
}
