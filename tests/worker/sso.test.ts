/**
 * Per-agency SSO over OpenID Connect against a local fake IdP and a local DNS-over-HTTPS resolver:
 * plan gating, settings with discovery checked and the secret never returned, owners alone may
 * change anything, domains proven by DNS TXT and a test sign-in before it can be switched on,
 * password sign-in refused for staff of the SSO domains once on (owners keep a break-glass way in),
 * SSO sign-in capped at the configurer's role, the agency's second step after an IdP without MFA,
 * and other agencies untouched. Every test has its own agency and domain.
 */
import { env } from "cloudflare:workers";
import { decodeBase32IgnorePadding } from "@oslojs/encoding";
import { generateHOTP } from "@oslojs/otp";
import { beforeEach, describe, expect, inject, it } from "vitest";
import type { MeResponse } from "../../schema/dto/auth";
import type { SsoSettings } from "../../schema/dto/sso";
import { timeStep } from "../../worker/services/mfa/totp";
import type { FakeProfile } from "../fakes/oauth-profile";
import { type Agency, logIn, PASSWORD, signUpAgency } from "../support/agencies";
import { call, freshIp, problemOf, sessionCookie } from "../support/http";
import { addMember } from "./members";
import { assert, createCredential } from "./software-authenticator";

const oauthUrl = inject("oauthUrl");
const dohUrl = inject("dohUrl");
const ISSUER = `${oauthUrl}/oidc/acme-idp`;

let acme: Agency;
/** This test's staff email domain (each test its own, so DNS records and rows never meet). */
let domain: string;
let settings: { issuer: string; clientId: string; clientSecret: string; domains: string[] };
let hintCounter = 0;
const unique = () => crypto.randomUUID().replaceAll("-", "").slice(0, 10);

beforeEach(async () => {
	const slug = `sso${unique()}`;
	domain = `${slug}.test`;
	settings = { issuer: ISSUER, clientId: "sso-client-id", clientSecret: "sso-client-secret", domains: [domain] };
	acme = await signUpAgency(slug, { email: `ann@${domain}` });
	await env.DB.prepare("UPDATE tenants SET plan_id = 'agency' WHERE id = ?").bind(acme.tenantId).run();
});

async function idpUser(email: string, extra: Partial<FakeProfile> = {}): Promise<string> {
	hintCounter += 1;
	const loginHint = `sso-${unique()}-${hintCounter}`;
	const profile: FakeProfile = { sub: `idp-${loginHint}`, email, emailVerified: true, name: "Idp Person", ...extra };
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
	return back.pathname + back.search + back.hash;
}

const settingsPath = "/api/v1/tenant/sso";
const save = (body: unknown, cookie = acme.ownerCookie) => call(acme.host, settingsPath, { method: "PUT", cookie, body });
const patch = (body: unknown, cookie = acme.ownerCookie) => call(acme.host, settingsPath, { method: "PATCH", cookie, body });
const verify = (name: string, cookie = acme.ownerCookie) =>
	call(acme.host, `${settingsPath}/domains/${name}/verify`, { method: "POST", cookie });
const readSettings = async (cookie = acme.ownerCookie) => (await (await call(acme.host, settingsPath, { cookie })).json()) as SsoSettings;

async function publishTxt(name: string, values: string[]): Promise<void> {
	await fetch(`${dohUrl}/__test/records`, { method: "POST", body: JSON.stringify({ name, type: "TXT", values }) });
}

/** Publishes each listed domain's TXT record (as the owner would at their DNS host) and verifies it. */
async function verifyDomains(): Promise<void> {
	for (const state of (await readSettings()).domainStates) {
		if (state.status === "verified") continue;
		await publishTxt(state.txtName, [state.txtValue ?? ""]);
		const res = await verify(state.domain);
		expect(res.status).toBe(200);
		expect(((await res.json()) as SsoSettings).domainStates.find((s) => s.domain === state.domain)?.status).toBe("verified");
	}
}

async function testSignIn(loginHint: string, cookie = acme.ownerCookie): Promise<Response> {
	const res = await call(acme.host, "/api/v1/tenant/sso/test", { method: "POST", cookie });
	expect(res.status).toBe(200);
	const { url } = (await res.json()) as { url: string };
	return call(acme.host, await consent(url, loginHint), { cookie: `${flowCookieOf(res)}; ${cookie}`, ip: freshIp() });
}

async function turnOn(): Promise<void> {
	expect((await save(settings)).status).toBe(200);
	expect((await testSignIn(await idpUser(`ann@${domain}`))).headers.get("Location")).toBe("/settings/sso?tested=1");
	await verifyDomains();
	expect((await patch({ enabled: true })).status).toBe(200);
}

async function ssoSignIn(loginHint: string, next?: string, agency = acme): Promise<Response> {
	const start = await call(agency.host, `/api/v1/auth/sso/start${next ? `?next=${encodeURIComponent(next)}` : ""}`);
	expect(start.status).toBe(302);
	return call(agency.host, await consent(start.headers.get("Location") ?? "", loginHint), { cookie: flowCookieOf(start), ip: freshIp() });
}

/** How many audit events of `action` this test's agency has. */
const audits = async (action: string) =>
	(
		await env.DB.prepare("SELECT COUNT(*) AS n FROM audit_events WHERE action = ? AND tenant_id = ?")
			.bind(action, acme.tenantId)
			.first<{ n: number }>()
	)?.n ?? 0;

const connectionRow = () =>
	env.DB.prepare("SELECT enabled, issuer, configured_by, privileged_approved_by FROM sso_connections WHERE tenant_id = ?")
		.bind(acme.tenantId)
		.first();

/** The code an authenticator shows one 30-second step from now (accepted: one step of drift). */
const totpCode = (secret: string, offset = 1) => generateHOTP(decodeBase32IgnorePadding(secret), BigInt(timeStep(Date.now()) + offset), 6);

async function turnOnTotp(cookie: string): Promise<string> {
	const enrol = await call(acme.host, "/api/v1/me/mfa/totp/enrol", { method: "POST", cookie });
	const { secret } = (await enrol.json()) as { secret: string };
	expect((await call(acme.host, "/api/v1/me/mfa/totp/confirm", { cookie, body: { code: totpCode(secret, 0) } })).status).toBe(200);
	return secret;
}

describe("SSO settings", () => {
	it("is a plan feature", async () => {
		await env.DB.prepare("UPDATE tenants SET plan_id = 'starter' WHERE id = ?").bind(acme.tenantId).run();
		expect(await readSettings()).toMatchObject({ planAllows: false, configured: false, enabled: false });
		const res = await save(settings);
		expect(res.status).toBe(403);
		expect((await problemOf(res)).type).toMatch(/feature-not-in-plan$/);
	});

	it("saves the IdP after checking discovery, never returns the secret, gives each domain a TXT record, and audits it", async () => {
		const res = await save(settings);
		expect(res.status).toBe(200);
		const text = await res.text();
		expect(text).not.toContain("sso-client-secret");
		expect(JSON.parse(text)).toEqual({
			planAllows: true,
			configured: true,
			issuer: ISSUER,
			clientId: "sso-client-id",
			hasClientSecret: true,
			domains: [domain],
			enabled: false,
			testedAt: null,
			domainStates: [
				{
					domain,
					status: "pending",
					txtName: `_atrium-sso.${domain}`,
					txtValue: expect.stringMatching(/^atrium-sso-verification=[a-z2-7]{32}$/),
					verifiedAt: null,
					lastCheckedAt: null,
					lastCheckError: null,
				},
			],
			configuredBy: { id: acme.owner.id, email: `ann@${domain}` },
			allowPrivilegedUsers: false,
			canManage: true,
		});
		const stored = await env.DB.prepare("SELECT token_endpoint, jwks_uri FROM sso_connections WHERE tenant_id = ?")
			.bind(acme.tenantId)
			.first();
		expect(stored).toEqual({ token_endpoint: `${ISSUER}/token`, jwks_uri: `${ISSUER}/jwks` });
		expect(await audits("sso.configured")).toBe(1);
		expect(await audits("sso.domain_verification_started")).toBe(1);
		// Saving again without a secret keeps the stored one.
		const { clientSecret: _omitted, ...withoutSecret } = settings;
		expect((await save({ ...withoutSecret, domains: [domain, `group-${domain}`] })).status).toBe(200);
	});

	it("names bad fields and a failed discovery, and changes nothing", async () => {
		const wrongIssuer = await save({ ...settings, issuer: `${ISSUER}/` });
		expect(wrongIssuer.status).toBe(422);
		expect((await problemOf(wrongIssuer)).errors?.[0]).toMatchObject({ path: "issuer", message: expect.stringMatching(/names issuer/) });
		const unreachable = await save({ ...settings, issuer: `${oauthUrl}/nothing-here` });
		expect((await problemOf(unreachable)).errors?.[0]?.path).toBe("issuer");
		const { clientSecret: _omitted, ...noSecret } = settings;
		expect((await problemOf(await save(noSecret))).errors?.[0]?.path).toBe("clientSecret");
		const badDomain = await save({ ...settings, domains: ["not a domain"] });
		expect((await problemOf(badDomain)).errors?.[0]?.path).toBe("domains.0");
		expect(await connectionRow()).toBeNull();
	});

	it("switches on only after a successful test sign-in, and a new secret switches it off again", async () => {
		expect((await save(settings)).status).toBe(200);
		await verifyDomains();
		const early = await patch({ enabled: true });
		expect(early.status).toBe(409);
		expect((await problemOf(early)).type).toMatch(/sso-test-required$/);
		const outsider = await testSignIn(await idpUser("eve@elsewhere.test"));
		expect(outsider.headers.get("Location")).toBe("/settings/sso?sso_error=domain-not-allowed");
		expect((await testSignIn(await idpUser(`ann@${domain}`))).headers.get("Location")).toBe("/settings/sso?tested=1");
		const on = await patch({ enabled: true });
		expect(((await on.json()) as SsoSettings).enabled).toBe(true);
		expect(await audits("sso.tested")).toBe(1);
		expect(await audits("sso.enabled")).toBe(1);
		const changed = (await (await save({ ...settings, clientSecret: "a-new-secret" })).json()) as SsoSettings;
		expect(changed).toMatchObject({ enabled: false, testedAt: null });
	});

	it("cannot be switched on until every domain is proven by its DNS TXT record, naming the unverified domain", async () => {
		const second = `mail-${domain}`;
		expect((await save({ ...settings, domains: [domain, second] })).status).toBe(200);
		expect((await testSignIn(await idpUser(`ann@${domain}`))).headers.get("Location")).toBe("/settings/sso?tested=1");
		const unverified = await patch({ enabled: true });
		expect(unverified.status).toBe(409);
		const problem = await problemOf(unverified);
		expect(problem.type).toMatch(/sso-domain-unverified$/);
		expect(problem.errors?.map((e) => e.path)).toEqual(["domains.0", "domains.1"]);
		expect(await connectionRow()).toMatchObject({ enabled: 0 });

		// No record yet, then a wrong one: still pending, the reason shown, each failure audited.
		const missing = (await (await verify(domain)).json()) as SsoSettings;
		expect(missing.domainStates[0]).toMatchObject({ status: "pending", lastCheckError: expect.stringContaining("No TXT record found") });
		await publishTxt(`_atrium-sso.${domain}`, ["atrium-sso-verification=someone-elses"]);
		const wrong = (await (await verify(domain)).json()) as SsoSettings;
		expect(wrong.domainStates[0]?.lastCheckError).toContain("does not match");
		expect(await audits("sso.domain_verification_failed")).toBe(2);
		const notListed = await verify(`other-${domain}`);
		expect(notListed.status).toBe(422);
		expect((await problemOf(notListed)).errors?.[0]?.path).toBe("domain");

		await verifyDomains();
		expect(await audits("sso.domain_verified")).toBe(2);
		expect((await patch({ enabled: true })).status).toBe(200);
		expect(await connectionRow()).toMatchObject({ enabled: 1 });

		// A domain added later starts unverified; the ones kept stay verified.
		const third = `new-${domain}`;
		const resaved = (await (await save({ ...settings, domains: [domain, third] })).json()) as SsoSettings;
		expect(resaved.domainStates.map((s) => [s.domain, s.status])).toEqual([
			[domain, "verified"],
			[third, "pending"],
		]);
	});

	it("is changed by owners only: an admin with tenant:manage gets 403 on save, switch, verify and test, and nothing changes", async () => {
		await addMember(acme.tenantId, "staff", `sam@${domain}`);
		const staff = await logIn(acme.host, `sam@${domain}`);
		expect((await call(acme.host, settingsPath, { cookie: staff })).status).toBe(403);
		expect((await save(settings, staff)).status).toBe(403);

		await addMember(acme.tenantId, "admin", `ada@${domain}`);
		const admin = await logIn(acme.host, `ada@${domain}`);
		const adminSave = await save({ ...settings, issuer: `${oauthUrl}/oidc/evil-idp` }, admin);
		expect(adminSave.status).toBe(403);
		expect((await problemOf(adminSave)).type).toMatch(/sso-owner-only$/);
		expect(await connectionRow()).toBeNull();

		expect((await save(settings)).status).toBe(200);
		const before = await connectionRow();
		for (const res of [
			await save({ ...settings, issuer: `${oauthUrl}/oidc/evil-idp` }, admin),
			await patch({ enabled: true }, admin),
			await patch({ allowPrivilegedUsers: true }, admin),
			await verify(domain, admin),
			await call(acme.host, "/api/v1/tenant/sso/test", { method: "POST", cookie: admin }),
		]) {
			expect(res.status).toBe(403);
			expect((await problemOf(res)).type).toMatch(/sso-owner-only$/);
		}
		expect(await connectionRow()).toEqual(before);
		expect(await audits("sso.configured")).toBe(1);
		// The admin still sees the settings, read-only.
		expect(await readSettings(admin)).toMatchObject({ configured: true, issuer: ISSUER, canManage: false });
	});

	it("stays within its agency", async () => {
		await turnOn();
		const globex = await signUpAgency(`globex${unique()}`);
		const theirs = (await (await call(globex.host, settingsPath, { cookie: globex.ownerCookie })).json()) as SsoSettings;
		expect(theirs.configured).toBe(false);
		expect(await (await call(globex.host, "/api/v1/auth/sso")).json()).toEqual({ enabled: false });
		expect((await call(globex.host, "/api/v1/auth/sso/start")).status).toBe(404);
		// Acme's own session opens nothing on Globex.
		expect((await call(globex.host, settingsPath, { cookie: acme.ownerCookie })).status).toBe(401);
	});
});

describe("signing in with SSO", () => {
	it("refuses the password of staff in the SSO domains with a problem pointing at SSO, while the owner's password still works", async () => {
		await addMember(acme.tenantId, "staff", `sam@${domain}`);
		await addMember(acme.tenantId, "staff", "olga@outside.test");
		await turnOn();
		const res = await call(acme.host, "/api/v1/auth/login", { body: { email: `sam@${domain}`, password: PASSWORD }, ip: freshIp() });
		expect(res.status).toBe(403);
		const problem = (await problemOf(res)) as Awaited<ReturnType<typeof problemOf>> & { ssoUrl?: string };
		expect(problem.type).toMatch(/sso-required$/);
		expect(problem.ssoUrl).toBe("/api/v1/auth/sso/start");
		expect(sessionCookie(res)).toBeNull();
		// Break-glass: the owner's password is never taken away by SSO.
		expect(await logIn(acme.host, `ann@${domain}`)).toBeTruthy();
		expect(await logIn(acme.host, "olga@outside.test")).toBeTruthy();
		// After a downgrade to a plan without SSO, nobody is locked out: passwords work again.
		await env.DB.prepare("UPDATE tenants SET plan_id = 'starter' WHERE id = ?").bind(acme.tenantId).run();
		expect(await logIn(acme.host, `sam@${domain}`)).toBeTruthy();
	});

	it("refuses passkey and Google sign-ins of staff addresses too, but not the owner's passkey", async () => {
		await addMember(acme.tenantId, "staff", `sam@${domain}`);
		const sam = await logIn(acme.host, `sam@${domain}`);
		const options = async (path: string, cookie?: string) =>
			(
				(await (await call(acme.host, path, { method: "POST", ...(cookie ? { cookie } : {}), ip: freshIp() })).json()) as {
					options: { challenge: string; rp: { id: string }; user: { id: string } };
				}
			).options;
		const register = async (cookie: string) => {
			const { credential, response } = await createCredential(await options("/api/v1/me/passkeys/options", cookie), {
				origin: `http://${acme.host}`,
			});
			expect((await call(acme.host, "/api/v1/me/passkeys", { cookie, body: { name: "Key", credential: response } })).status).toBe(201);
			return credential;
		};
		const samKey = await register(sam);
		const annKey = await register(acme.ownerCookie);
		await turnOn();
		const signInWith = async (credential: typeof samKey) =>
			call(acme.host, "/api/v1/auth/passkey", {
				body: { credential: await assert(credential, await options("/api/v1/auth/passkey/options"), { origin: `http://${acme.host}` }) },
				ip: freshIp(),
			});
		const viaPasskey = await signInWith(samKey);
		expect(viaPasskey.status).toBe(403);
		expect((await problemOf(viaPasskey)).type).toMatch(/sso-required$/);
		const ownerPasskey = await signInWith(annKey);
		expect(ownerPasskey.status).toBe(200);
		expect(sessionCookie(ownerPasskey)).toBeTruthy();

		const loginHint = `google-${unique()}`;
		const profile: FakeProfile = { sub: `g-${loginHint}`, email: `sam@${domain}`, emailVerified: true, name: "Sam" };
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
		const res = await ssoSignIn(await idpUser(`Ann@${domain}`), "/clients");
		expect(res.headers.get("Location")).toBe("/clients");
		const me = (await (await call(acme.host, "/api/v1/me", { cookie: sessionCookie(res) ?? "" })).json()) as MeResponse;
		expect(me.user.email).toBe(`ann@${domain}`);
		const event = await env.DB.prepare("SELECT method, outcome FROM sign_in_events WHERE tenant_id = ? ORDER BY created_at DESC LIMIT 1")
			.bind(acme.tenantId)
			.first();
		expect(event).toEqual({ method: "sso", outcome: "success" });
		expect((await ssoSignIn(await idpUser(`ann@${domain}`), "https://evil.test/")).headers.get("Location")).toBe("/");
	});

	it("keeps the client secret encrypted in D1 (the IdP still gets it right), and encrypts a row from before encryption on first use", async () => {
		await turnOn();
		const stored = async () =>
			(
				await env.DB.prepare("SELECT client_secret FROM sso_connections WHERE tenant_id = ?")
					.bind(acme.tenantId)
					.first<{ client_secret: string }>()
			)?.client_secret;
		expect(await stored()).toMatch(/^enc:v1:dev:/);
		expect(await stored()).not.toContain("sso-client-secret");
		// A row written before encryption: plaintext in D1. The fake IdP checks the secret at its token endpoint.
		await env.DB.prepare("UPDATE sso_connections SET client_secret = 'sso-client-secret' WHERE tenant_id = ?").bind(acme.tenantId).run();
		const res = await ssoSignIn(await idpUser(`ann@${domain}`));
		expect(sessionCookie(res)).toBeTruthy();
		expect(await stored()).toMatch(/^enc:v1:dev:/);
		expect(await stored()).not.toContain("sso-client-secret");
	});

	it("refuses addresses outside the domains, people with no account, a bad state, and after SSO is switched off", async () => {
		await turnOn();
		expect((await ssoSignIn(await idpUser("ann@elsewhere.test"))).headers.get("Location")).toBe("/signin?sso_error=domain-not-allowed");
		expect((await ssoSignIn(await idpUser(`nobody@${domain}`))).headers.get("Location")).toBe("/signin?sso_error=no-account");
		const start = await call(acme.host, "/api/v1/auth/sso/start");
		const back = await consent(start.headers.get("Location") ?? "", await idpUser(`ann@${domain}`));
		const forged = await call(acme.host, back.replace(/state=[^&]+/, "state=forged"), { cookie: flowCookieOf(start) });
		expect(forged.headers.get("Location")).toBe("/signin?sso_error=invalid-state");
		expect(sessionCookie(forged)).toBeNull();
		await patch({ enabled: false });
		expect(await audits("sso.disabled")).toBe(1);
		expect((await call(acme.host, "/api/v1/auth/sso/start")).status).toBe(404);
		expect(await logIn(acme.host, `ann@${domain}`)).toBeTruthy();
	});

	it("neither signs in nor enforces SSO for a domain added after switching on until it is verified", async () => {
		await turnOn();
		const added = `new-${domain}`;
		await addMember(acme.tenantId, "staff", `nina@${added}`);
		expect((await save({ ...settings, domains: [domain, added] })).status).toBe(200);
		const res = await ssoSignIn(await idpUser(`nina@${added}`));
		expect(res.headers.get("Location")).toBe("/signin?sso_error=domain-not-verified");
		expect(sessionCookie(res)).toBeNull();
		expect(await logIn(acme.host, `nina@${added}`)).toBeTruthy();
		await verifyDomains();
		expect(sessionCookie(await ssoSignIn(await idpUser(`nina@${added}`)))).toBeTruthy();
	});

	it("never signs in a member ranking above the one who configured it, unless an owner approves", async () => {
		await addMember(acme.tenantId, "staff", `sam@${domain}`);
		const adaId = await addMember(acme.tenantId, "admin", `ada@${domain}`);
		await turnOn();
		// A connection an admin set up (as one could before SSO became owner-only): it must not open the owner's account.
		await env.DB.prepare("UPDATE sso_connections SET configured_by = ? WHERE tenant_id = ?").bind(adaId, acme.tenantId).run();
		const asOwner = await ssoSignIn(await idpUser(`ann@${domain}`));
		expect(asOwner.headers.get("Location")).toBe("/signin?sso_error=role-not-allowed");
		expect(sessionCookie(asOwner)).toBeNull();
		expect(await audits("sso.sign_in_refused")).toBe(1);
		const refusal = await env.DB.prepare(
			"SELECT actor_user_id, detail FROM audit_events WHERE action = 'sso.sign_in_refused' AND tenant_id = ?",
		)
			.bind(acme.tenantId)
			.first<{ actor_user_id: string; detail: string }>();
		expect(refusal?.actor_user_id).toBe(acme.owner.id);
		expect(JSON.parse(refusal?.detail ?? "{}")).toMatchObject({ reason: "role-above-configurer", role: "owner", configuredBy: adaId });
		// Members at or below the configurer's role still sign in.
		expect(sessionCookie(await ssoSignIn(await idpUser(`sam@${domain}`)))).toBeTruthy();
		expect(sessionCookie(await ssoSignIn(await idpUser(`ada@${domain}`)))).toBeTruthy();

		// An ownership handed on later lowers the ceiling at once: the owner who configured it, now an admin.
		await env.DB.prepare("UPDATE sso_connections SET configured_by = ? WHERE tenant_id = ?").bind(acme.owner.id, acme.tenantId).run();
		const bobId = await addMember(acme.tenantId, "owner", `bob@${domain}`);
		const bob = await logIn(acme.host, `bob@${domain}`);
		const demote = await call(acme.host, `/api/v1/members/${acme.owner.id}`, { method: "PATCH", cookie: bob, body: { role: "admin" } });
		expect(demote.status).toBe(200);
		expect((await ssoSignIn(await idpUser(`bob@${domain}`))).headers.get("Location")).toBe("/signin?sso_error=role-not-allowed");

		// The owner's explicit approval lets members above the configurer in; it is audited.
		const approve = await patch({ allowPrivilegedUsers: true }, bob);
		expect(approve.status).toBe(200);
		expect(((await approve.json()) as SsoSettings).allowPrivilegedUsers).toBe(true);
		expect(await connectionRow()).toMatchObject({ privileged_approved_by: bobId, configured_by: acme.owner.id });
		expect(await audits("sso.privileged_access_changed")).toBe(1);
		expect(sessionCookie(await ssoSignIn(await idpUser(`bob@${domain}`)))).toBeTruthy();
	});

	it("asks for the agency's second step when the IdP does not assert MFA, and opens no session until it is passed", async () => {
		await addMember(acme.tenantId, "staff", `sam@${domain}`);
		const secret = await turnOnTotp(await logIn(acme.host, `sam@${domain}`));
		await turnOn();
		// Set last: the policy covers the owner too, whose session would need MFA set up first.
		const policy = await call(acme.host, "/api/v1/tenant/security-policy", {
			method: "PATCH",
			cookie: acme.ownerCookie,
			body: { mfaRequired: "staff" },
		});
		expect(policy.status).toBe(200);

		const withoutMfa = await ssoSignIn(await idpUser(`sam@${domain}`, { amr: ["pwd"] }), "/clients");
		expect(sessionCookie(withoutMfa)).toBeNull();
		const location = withoutMfa.headers.get("Location") ?? "";
		expect(location).toMatch(/^\/signin#mfa=[a-z2-7]{32}&methods=totp,recovery_code$/);
		expect(await audits("sso.mfa_required")).toBe(1);
		const challenge = /mfa=([a-z2-7]+)/.exec(location)?.[1] ?? "";
		const wrong = await call(acme.host, "/api/v1/auth/login/mfa", { body: { challenge, code: "000000" }, ip: freshIp() });
		expect(wrong.status).toBe(401);
		expect(sessionCookie(wrong)).toBeNull();
		const passed = await call(acme.host, "/api/v1/auth/login/mfa", { body: { challenge, code: totpCode(secret) }, ip: freshIp() });
		expect(passed.status).toBe(200);
		const me = (await (await call(acme.host, "/api/v1/me", { cookie: sessionCookie(passed) ?? "" })).json()) as MeResponse;
		expect(me.user.email).toBe(`sam@${domain}`);

		// An IdP that asserts MFA (RFC 8176 `amr`) has done the second step: straight in.
		const withMfa = await ssoSignIn(await idpUser(`sam@${domain}`, { amr: ["pwd", "mfa"] }), "/clients");
		expect(withMfa.headers.get("Location")).toBe("/clients");
		expect(sessionCookie(withMfa)).toBeTruthy();
		expect(await audits("sso.mfa_required")).toBe(1);
	});
});
