/**
 * Test helper: an agency with SSO switched on against the local fake IdP, the way an owner does it
 * through the API (save with discovery, a test sign-in, DNS TXT proof of the domain, switch on), and
 * an SSO sign-in as a person the fake IdP knows. Each call uses the agency and domain it is given.
 */
import { env } from "cloudflare:workers";
import { expect, inject } from "vitest";
import type { SsoSettings } from "../../schema/dto/sso";
import type { FakeProfile } from "../fakes/oauth-profile";
import type { Agency } from "../support/agencies";
import { call, freshIp } from "../support/http";

const oauthUrl = inject("oauthUrl");
const dohUrl = inject("dohUrl");
const SETTINGS_PATH = "/api/v1/tenant/sso";
const unique = () => crypto.randomUUID().replaceAll("-", "").slice(0, 12);

/** The agency's SSO issuer at the fake IdP. */
export const ssoIssuer = () => `${oauthUrl}/oidc/acme-idp`;

/** Registers `email` at the fake IdP and returns the login hint that picks it on the consent screen. */
export async function idpUser(email: string, extra: Partial<FakeProfile> = {}): Promise<string> {
	const loginHint = `sso-${unique()}`;
	const profile: FakeProfile = { sub: `idp-${loginHint}`, email, emailVerified: true, name: "Idp Person", ...extra };
	await fetch(`${oauthUrl}/__test/users`, { method: "POST", body: JSON.stringify({ provider: "oidc", loginHint, profile }) });
	return loginHint;
}

export function flowCookieOf(res: Response): string {
	return (
		res.headers
			.getSetCookie()
			.find((c) => c.startsWith("atrium_oauth="))
			?.split(";")[0] ?? ""
	);
}

/** Follows the IdP redirect as the person with `loginHint`; the callback path on the agency's host. */
export async function consent(providerUrl: string, loginHint: string): Promise<string> {
	const url = new URL(providerUrl);
	url.searchParams.set("login_hint", loginHint);
	const res = await fetch(url, { redirect: "manual" });
	const back = new URL(res.headers.get("Location") ?? "");
	return back.pathname + back.search + back.hash;
}

/** Puts the agency on a plan with SSO and switches SSO on for `domain` (owner's address must be in it). */
export async function turnOnSso(agency: Agency, domain: string): Promise<void> {
	await env.DB.prepare("UPDATE tenants SET plan_id = 'agency' WHERE id = ?").bind(agency.tenantId).run();
	const cookie = agency.ownerCookie;
	const saved = await call(agency.host, SETTINGS_PATH, {
		method: "PUT",
		cookie,
		body: { issuer: ssoIssuer(), clientId: "sso-client-id", clientSecret: "sso-client-secret", domains: [domain] },
	});
	expect(saved.status).toBe(200);
	const test = await call(agency.host, `${SETTINGS_PATH}/test`, { method: "POST", cookie });
	const { url } = (await test.json()) as { url: string };
	const back = await consent(url, await idpUser(agency.owner.email));
	const tested = await call(agency.host, back, { cookie: `${flowCookieOf(test)}; ${cookie}`, ip: freshIp() });
	expect(tested.headers.get("Location")).toBe("/settings/sso?tested=1");
	const settings = (await (await call(agency.host, SETTINGS_PATH, { cookie })).json()) as SsoSettings;
	for (const state of settings.domainStates) {
		await fetch(`${dohUrl}/__test/records`, {
			method: "POST",
			body: JSON.stringify({ name: state.txtName, type: "TXT", values: [state.txtValue ?? ""] }),
		});
		expect((await call(agency.host, `${SETTINGS_PATH}/domains/${state.domain}/verify`, { method: "POST", cookie })).status).toBe(200);
	}
	expect((await call(agency.host, SETTINGS_PATH, { method: "PATCH", cookie, body: { enabled: true } })).status).toBe(200);
}

/** An SSO sign-in on the agency's host as the IdP person `loginHint`: the callback's response. */
export async function ssoSignIn(agency: Agency, loginHint: string): Promise<Response> {
	const start = await call(agency.host, "/api/v1/auth/sso/start");
	expect(start.status).toBe(302);
	return call(agency.host, await consent(start.headers.get("Location") ?? "", loginHint), { cookie: flowCookieOf(start), ip: freshIp() });
}
