/**
 * Per-agency SSO over OpenID Connect against a local fake IdP: plan gating, settings with
 * discovery checked and the secret never returned, a test sign-in before it can be switched on,
 * password sign-in refused for the SSO domains once on, SSO sign-in, and other agencies untouched.
 */
import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, inject, it } from "vitest";
import type { MeResponse } from "../../schema/dto/auth";
import type { SsoSettings } from "../../schema/dto/sso";
import type { FakeProfile } from "../fakes/oauth-profile";
import { type Agency, call, freshIp, logIn, PASSWORD, problemOf, sessionCookie, signUpAgency } from "./helpers";
import { addMember } from "./members";
import { assert, createCredential } from "./software-authenticator";

const oauthUrl = inject("oauthUrl");
const ISSUER = `${oauthUrl}/oidc/acme-idp`;
const SETTINGS = { issuer: ISSUER, clientId: "sso-client-id", clientSecret: "sso-client-secret", domains: ["acme.test"] };

let acme: Agency;
let hintCounter = 0;
beforeEach(async () => {
	acme = await signUpAgency("acme", { email: "ann@acme.test" });
	await env.DB.prepare("UPDATE tenants SET plan_id = 'agency' WHERE id = ?").bind(acme.tenantId).run();
});

async function idpUser(email: string, extra: Partial<FakeProfile> = {}): Promise<string> {
	hintCounter += 1;
	const loginHint = `sso-${hintCounter}`;
	const profile: FakeProfile = { sub: `idp-${hintCounter}`, email, emailVerified: true, name: "Idp Person", ...extra };
	await fetch(`${oauthUrl}/__test/users`, { method: "POST", body: JSON.stringify({ provider: "oidc", loginHint, profile }) });
	return loginHint;
}

function flowCookieOf(res: Response): string {
	return (
		res.headers
			.getSetCookie()
			.find((c) => c.startsWith("atrium_oauth="))
			?.split(";")[0] ?? ""
	);
}

/** Follows the IdP redirect as the person with `loginHint`; the callback path on the agency's host. */
async function consent(providerUrl: string, loginHint: string): Promise<string> {
	const url = new URL(providerUrl);
	url.searchParams.set("login_hint", loginHint);
	const res = await fetch(url, { redirect: "manual" });
	const back = new URL(res.headers.get("Location") ?? "");
	return back.pathname + back.search;
}

const save = (body: unknown, cookie = acme.ownerCookie) => call(acme.host, "/api/v1/tenant/sso", { method: "PUT", cookie, body });

async function testSignIn(loginHint: string): Promise<Response> {
	const res = await call(acme.host, "/api/v1/tenant/sso/test", { method: "POST", cookie: acme.ownerCookie });
	expect(res.status).toBe(200);
	const { url } = (await res.json()) as { url: string };
	return call(acme.host, await consent(url, loginHint), { cookie: `${flowCookieOf(res)}; ${acme.ownerCookie}`, ip: freshIp() });
}

async function turnOn(): Promise<void> {
	expect((await save(SETTINGS)).status).toBe(200);
	expect((await testSignIn(await idpUser("ann@acme.test"))).headers.get("Location")).toBe("/settings/sso?tested=1");
	expect((await call(acme.host, "/api/v1/tenant/sso", { method: "PATCH", cookie: acme.ownerCookie, body: { enabled: true } })).status).toBe(
		200,
	);
}

async function ssoSignIn(loginHint: string, next?: string, agency = acme): Promise<Response> {
	const start = await call(agency.host, `/api/v1/auth/sso/start${next ? `?next=${encodeURIComponent(next)}` : ""}`);
	expect(start.status).toBe(302);
	return call(agency.host, await consent(start.headers.get("Location") ?? "", loginHint), { cookie: flowCookieOf(start), ip: freshIp() });
}

const audits = async (action: string) =>
	(await env.DB.prepare("SELECT COUNT(*) AS n FROM audit_events WHERE action = ?").bind(action).first<{ n: number }>())?.n ?? 0;

describe("SSO settings", () => {
	it("is a plan feature", async () => {
		await env.DB.prepare("UPDATE tenants SET plan_id = 'starter' WHERE id = ?").bind(acme.tenantId).run();
		const settings = (await (await call(acme.host, "/api/v1/tenant/sso", { cookie: acme.ownerCookie })).json()) as SsoSettings;
		expect(settings).toMatchObject({ planAllows: false, configured: false, enabled: false });
		const res = await save(SETTINGS);
		expect(res.status).toBe(403);
		expect((await problemOf(res)).type).toMatch(/feature-not-in-plan$/);
	});

	it("saves the IdP after checking discovery, never returns the secret, and audits it", async () => {
		const res = await save(SETTINGS);
		expect(res.status).toBe(200);
		const text = await res.text();
		expect(text).not.toContain("sso-client-secret");
		expect(JSON.parse(text)).toEqual({
			planAllows: true,
			configured: true,
			issuer: ISSUER,
			clientId: "sso-client-id",
			hasClientSecret: true,
			domains: ["acme.test"],
			enabled: false,
			testedAt: null,
		});
		const stored = await env.DB.prepare("SELECT token_endpoint, jwks_uri FROM sso_connections").first();
		expect(stored).toEqual({ token_endpoint: `${ISSUER}/token`, jwks_uri: `${ISSUER}/jwks` });
		expect(await audits("sso.configured")).toBe(1);
		// Saving again without a secret keeps the stored one.
		const { clientSecret: _omitted, ...withoutSecret } = SETTINGS;
		expect((await save({ ...withoutSecret, domains: ["acme.test", "acme-group.test"] })).status).toBe(200);
	});

	it("names bad fields and a failed discovery, and changes nothing", async () => {
		const wrongIssuer = await save({ ...SETTINGS, issuer: `${ISSUER}/` });
		expect(wrongIssuer.status).toBe(422);
		expect((await problemOf(wrongIssuer)).errors?.[0]).toMatchObject({ path: "issuer", message: expect.stringMatching(/names issuer/) });
		const unreachable = await save({ ...SETTINGS, issuer: `${oauthUrl}/nothing-here` });
		expect((await problemOf(unreachable)).errors?.[0]?.path).toBe("issuer");
		const { clientSecret: _omitted, ...noSecret } = SETTINGS;
		expect((await problemOf(await save(noSecret))).errors?.[0]?.path).toBe("clientSecret");
		const badDomain = await save({ ...SETTINGS, domains: ["not a domain"] });
		expect((await problemOf(badDomain)).errors?.[0]?.path).toBe("domains.0");
		expect(await env.DB.prepare("SELECT COUNT(*) AS n FROM sso_connections").first()).toEqual({ n: 0 });
	});

	it("switches on only after a successful test sign-in, and a new secret switches it off again", async () => {
		expect((await save(SETTINGS)).status).toBe(200);
		const early = await call(acme.host, "/api/v1/tenant/sso", { method: "PATCH", cookie: acme.ownerCookie, body: { enabled: true } });
		expect(early.status).toBe(409);
		expect((await problemOf(early)).type).toMatch(/sso-test-required$/);
		const outsider = await testSignIn(await idpUser("eve@elsewhere.test"));
		expect(outsider.headers.get("Location")).toBe("/settings/sso?sso_error=domain-not-allowed");
		expect((await testSignIn(await idpUser("ann@acme.test"))).headers.get("Location")).toBe("/settings/sso?tested=1");
		const on = await call(acme.host, "/api/v1/tenant/sso", { method: "PATCH", cookie: acme.ownerCookie, body: { enabled: true } });
		expect(((await on.json()) as SsoSettings).enabled).toBe(true);
		expect(await audits("sso.tested")).toBe(1);
		expect(await audits("sso.enabled")).toBe(1);
		const changed = (await (await save({ ...SETTINGS, clientSecret: "a-new-secret" })).json()) as SsoSettings;
		expect(changed).toMatchObject({ enabled: false, testedAt: null });
	});

	it("is for those who manage the agency, and stays within it", async () => {
		await addMember(acme.tenantId, "staff", "sam@acme.test");
		const staff = await logIn(acme.host, "sam@acme.test");
		expect((await call(acme.host, "/api/v1/tenant/sso", { cookie: staff })).status).toBe(403);
		expect((await save(SETTINGS, staff)).status).toBe(403);
		await turnOn();
		const globex = await signUpAgency("globex", { email: "gus@globex.test" });
		const theirs = (await (await call(globex.host, "/api/v1/tenant/sso", { cookie: globex.ownerCookie })).json()) as SsoSettings;
		expect(theirs.configured).toBe(false);
		expect(await (await call(globex.host, "/api/v1/auth/sso")).json()).toEqual({ enabled: false });
		expect((await call(globex.host, "/api/v1/auth/sso/start")).status).toBe(404);
		// Acme's own session opens nothing on Globex.
		expect((await call(globex.host, "/api/v1/tenant/sso", { cookie: acme.ownerCookie })).status).toBe(401);
	});
});

describe("signing in with SSO", () => {
	it("refuses the password of staff in the SSO domains with a problem pointing at SSO; others keep their password", async () => {
		await addMember(acme.tenantId, "staff", "olga@outside.test");
		await turnOn();
		const res = await call(acme.host, "/api/v1/auth/login", { body: { email: "ann@acme.test", password: PASSWORD }, ip: freshIp() });
		expect(res.status).toBe(403);
		const problem = (await problemOf(res)) as Awaited<ReturnType<typeof problemOf>> & { ssoUrl?: string };
		expect(problem.type).toMatch(/sso-required$/);
		expect(problem.ssoUrl).toBe("/api/v1/auth/sso/start");
		expect(sessionCookie(res)).toBeNull();
		expect(await logIn(acme.host, "olga@outside.test")).toBeTruthy();
		// After a downgrade to a plan without SSO, nobody is locked out: passwords work again.
		await env.DB.prepare("UPDATE tenants SET plan_id = 'starter' WHERE id = ?").bind(acme.tenantId).run();
		expect(await logIn(acme.host, "ann@acme.test")).toBeTruthy();
	});

	it("refuses passkey and Google sign-ins of those addresses too", async () => {
		const options = async (path: string) =>
			(
				(await (await call(acme.host, path, { method: "POST", cookie: acme.ownerCookie, ip: freshIp() })).json()) as {
					options: { challenge: string; rp: { id: string }; user: { id: string } };
				}
			).options;
		const { credential, response } = await createCredential(await options("/api/v1/me/passkeys/options"), {
			origin: `http://${acme.host}`,
		});
		expect(
			(await call(acme.host, "/api/v1/me/passkeys", { cookie: acme.ownerCookie, body: { name: "Key", credential: response } })).status,
		).toBe(201);
		await turnOn();
		const assertion = await assert(credential, await options("/api/v1/auth/passkey/options"), { origin: `http://${acme.host}` });
		const viaPasskey = await call(acme.host, "/api/v1/auth/passkey", { body: { credential: assertion }, ip: freshIp() });
		expect(viaPasskey.status).toBe(403);
		expect((await problemOf(viaPasskey)).type).toMatch(/sso-required$/);

		const loginHint = `google-${hintCounter++}`;
		const profile: FakeProfile = { sub: `g-${hintCounter}`, email: "ann@acme.test", emailVerified: true, name: "Ann" };
		await fetch(`${oauthUrl}/__test/users`, { method: "POST", body: JSON.stringify({ provider: "google", loginHint, profile }) });
		const start = await call(acme.host, "/api/v1/auth/oauth/google/start");
		const back = await consent(start.headers.get("Location") ?? "", loginHint);
		const viaGoogle = await call(acme.host, back, { cookie: flowCookieOf(start), ip: freshIp() });
		expect(viaGoogle.headers.get("Location")).toBe("/signin?oauth_error=sso-required");
		expect(sessionCookie(viaGoogle)).toBeNull();
	});

	it("signs a member in through the IdP and lands on the safe next path", async () => {
		await turnOn();
		expect(await (await call(acme.host, "/api/v1/auth/sso")).json()).toEqual({ enabled: true });
		const res = await ssoSignIn(await idpUser("Ann@acme.test"), "/clients");
		expect(res.headers.get("Location")).toBe("/clients");
		const me = (await (await call(acme.host, "/api/v1/me", { cookie: sessionCookie(res) ?? "" })).json()) as MeResponse;
		expect(me.user.email).toBe("ann@acme.test");
		const event = await env.DB.prepare("SELECT method, outcome FROM sign_in_events ORDER BY created_at DESC LIMIT 1").first();
		expect(event).toEqual({ method: "sso", outcome: "success" });
		expect((await ssoSignIn(await idpUser("ann@acme.test"), "https://evil.test/")).headers.get("Location")).toBe("/");
	});

	it("keeps the client secret encrypted in D1 (the IdP still gets it right), and encrypts a row from before encryption on first use", async () => {
		await turnOn();
		const stored = async () =>
			(await env.DB.prepare("SELECT client_secret FROM sso_connections").first<{ client_secret: string }>())?.client_secret;
		expect(await stored()).toMatch(/^enc:v1:dev:/);
		expect(await stored()).not.toContain("sso-client-secret");
		// A row written before encryption: plaintext in D1. The fake IdP checks the secret at its token endpoint.
		await env.DB.prepare("UPDATE sso_connections SET client_secret = 'sso-client-secret'").run();
		const res = await ssoSignIn(await idpUser("ann@acme.test"));
		expect(sessionCookie(res)).toBeTruthy();
		expect(await stored()).toMatch(/^enc:v1:dev:/);
		expect(await stored()).not.toContain("sso-client-secret");
	});

	it("refuses addresses outside the domains, people with no account, a bad state, and after SSO is switched off", async () => {
		await turnOn();
		expect((await ssoSignIn(await idpUser("ann@elsewhere.test"))).headers.get("Location")).toBe("/signin?sso_error=domain-not-allowed");
		expect((await ssoSignIn(await idpUser("nobody@acme.test"))).headers.get("Location")).toBe("/signin?sso_error=no-account");
		const start = await call(acme.host, "/api/v1/auth/sso/start");
		const back = await consent(start.headers.get("Location") ?? "", await idpUser("ann@acme.test"));
		const forged = await call(acme.host, back.replace(/state=[^&]+/, "state=forged"), { cookie: flowCookieOf(start) });
		expect(forged.headers.get("Location")).toBe("/signin?sso_error=invalid-state");
		expect(sessionCookie(forged)).toBeNull();
		await call(acme.host, "/api/v1/tenant/sso", { method: "PATCH", cookie: acme.ownerCookie, body: { enabled: false } });
		expect(await audits("sso.disabled")).toBe(1);
		expect((await call(acme.host, "/api/v1/auth/sso/start")).status).toBe(404);
		expect(await logIn(acme.host, "ann@acme.test")).toBeTruthy();
	});
});
