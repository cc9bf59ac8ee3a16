/**
 * Test helper: agencies (tenants) for worker tests. The tests of one file share storage, so every
 * test signs up its own agencies under `uniqueSlug(...)` and never reuses a slug, and cross-tenant
 * tests create both tenants fresh. Signing up and signing in go through the real API.
 */
import type { MeResponse, SignupResponse } from "../../schema/dto/auth";
import { call, freshIp, hostOf, PLATFORM, type RequestOptions, sessionCookie } from "./http";

export { hostOf, PLATFORM } from "./http";

/** Random per file (module instance), so two files sharing one storage never collide either. */
const RUN = (crypto.getRandomValues(new Uint32Array(1))[0] ?? 0).toString(36).slice(0, 6);
let counter = 0;

/** A slug no other test of the run uses: `base` (cut to 20 characters) plus a random and a counted part, e.g. `acme-k3x9q2-7`. */
export function uniqueSlug(base: string): string {
	counter += 1;
	return `${base.slice(0, 20).replace(/-+$/, "")}-${RUN}-${counter.toString(36)}`;
}

/** Signs up a fresh agency under `uniqueSlug(base)`; its owner's email is `owner@<slug>.test` unless overridden. */
export function signUpUniqueAgency(base: string, overrides: Parameters<typeof signUpAgency>[1] = {}): Promise<Agency> {
	return signUpAgency(uniqueSlug(base), overrides);
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
