/**
 * OAuth sign-in against the local fake providers (tests/fakes/oauth-providers.ts): the Worker's
 * real redirect, state, PKCE, token exchange and id_token verification, linking by verified email
 * only, link and unlink from the account, safe `next`, and another agency never reached.
 */
import { env } from "cloudflare:workers";
import { decodeBase64urlIgnorePadding, encodeBase64urlNoPadding } from "@oslojs/encoding";
import { beforeEach, describe, expect, inject, it } from "vitest";
import type { MeResponse } from "../../schema/dto/auth";
import type { FakeProfile } from "../fakes/oauth-profile";
import { type Agency, signUpAgency, uniqueSlug } from "../support/agencies";
import { call, freshIp, sessionCookie } from "../support/http";

const oauthUrl = inject("oauthUrl");
type Provider = "google" | "microsoft" | "github";

let acme: Agency;
/** Addresses at this test's own agency (the mailbox is shared): the owner's is `at("ann")`. */
let at: (who: string) => string;
let hintCounter = 0;
beforeEach(async () => {
	const slug = uniqueSlug("acme");
	at = (who) => `${who}@${slug}.test`;
	acme = await signUpAgency(slug, { email: at("ann") });
});

/** Registers a person at the fake provider; the returned login hint picks them at its authorization page. */
async function person(provider: Provider, profile: Partial<FakeProfile> & { email: string }): Promise<string> {
	hintCounter += 1;
	const loginHint = `person-${hintCounter}`;
	const full: FakeProfile = { sub: String(100_000 + hintCounter), emailVerified: true, name: "Ann Example", ...profile };
	const res = await fetch(`${oauthUrl}/__test/users`, { method: "POST", body: JSON.stringify({ provider, loginHint, profile: full }) });
	expect(res.status).toBe(204);
	return loginHint;
}

function flowCookieOf(res: Response): string {
	const header = res.headers.getSetCookie().find((c) => c.startsWith("atrium_oauth="));
	if (!header) throw new Error("no flow cookie");
	return header.split(";")[0] ?? "";
}

type Flow = { providerUrl: string; flowCookie: string };

async function startSignIn(agency: Agency, provider: Provider, next?: string): Promise<Flow> {
	const query = next === undefined ? "" : `?next=${encodeURIComponent(next)}`;
	const res = await call(agency.host, `/api/v1/auth/oauth/${provider}/start${query}`);
	expect(res.status).toBe(302);
	return { providerUrl: res.headers.get("Location") ?? "", flowCookie: flowCookieOf(res) };
}

/** The user picks an account at the provider, which redirects back: the callback path and query on the agency's host. */
async function consent(flow: Flow, loginHint: string): Promise<string> {
	const url = new URL(flow.providerUrl);
	url.searchParams.set("login_hint", loginHint);
	const res = await fetch(url, { redirect: "manual" });
	expect(res.status).toBe(302);
	const back = new URL(res.headers.get("Location") ?? "");
	return back.pathname + back.search;
}

async function land(agency: Agency, callbackPath: string, cookies: string[]): Promise<Response> {
	return call(agency.host, callbackPath, { cookie: cookies.filter(Boolean).join("; "), ip: freshIp() });
}

async function signInVia(agency: Agency, provider: Provider, loginHint: string, next?: string): Promise<Response> {
	const flow = await startSignIn(agency, provider, next);
	return land(agency, await consent(flow, loginHint), [flow.flowCookie]);
}

/** The provider links and audit counts of this test's agency. */
const links = async () =>
	(await env.DB.prepare("SELECT provider, email, user_id FROM oauth_accounts WHERE tenant_id = ?").bind(acme.tenantId).all()).results;
const audits = async (action: string) =>
	(
		await env.DB.prepare("SELECT COUNT(*) AS n FROM audit_events WHERE tenant_id = ? AND action = ?")
			.bind(acme.tenantId, action)
			.first<{ n: number }>()
	)?.n ?? 0;

describe("signing in with a provider", () => {
	it("lists the configured providers and sends the browser to the provider with state, PKCE S256 and a nonce", async () => {
		const list = await call(acme.host, "/api/v1/auth/oauth/providers");
		expect(await list.json()).toEqual({ providers: ["google", "microsoft", "github"] });
		const flow = await startSignIn(acme, "google");
		const url = new URL(flow.providerUrl);
		expect(url.origin + url.pathname).toBe(`${oauthUrl}/google/o/oauth2/v2/auth`);
		expect(url.searchParams.get("code_challenge_method")).toBe("S256");
		expect(url.searchParams.get("redirect_uri")).toBe(`http://${acme.host}/api/v1/auth/oauth/google/callback`);
		for (const p of ["state", "code_challenge", "nonce"]) expect(url.searchParams.get(p)).toBeTruthy();
		const cookie = (await call(acme.host, "/api/v1/auth/oauth/google/start")).headers
			.getSetCookie()
			.find((c) => c.startsWith("atrium_oauth="));
		expect(cookie).toMatch(/HttpOnly/i);
		expect(cookie).toMatch(/SameSite=Lax/i);
		expect(cookie).toMatch(/Max-Age=600/i);
	});

	it("signs a member in by verified Google email, links the account, and lands on the safe next path", async () => {
		// The owner's address in other letter cases, as the provider may report it.
		const mixedCase = `Ann@${acme.slug.charAt(0).toUpperCase()}${acme.slug.slice(1)}.test`;
		const hint = await person("google", { email: mixedCase });
		const res = await signInVia(acme, "google", hint, "/projects?tab=open");
		expect(res.status).toBe(302);
		expect(res.headers.get("Location")).toBe("/projects?tab=open");
		const cookie = sessionCookie(res) ?? "";
		const me = (await (await call(acme.host, "/api/v1/me", { cookie })).json()) as MeResponse;
		expect(me.user.email).toBe(at("ann"));
		expect(await links()).toEqual([{ provider: "google", email: mixedCase, user_id: acme.owner.id }]);
		expect(await audits("oauth.linked")).toBe(1);
		const event = await env.DB.prepare("SELECT method, outcome FROM sign_in_events WHERE tenant_id = ? ORDER BY created_at DESC LIMIT 1")
			.bind(acme.tenantId)
			.first();
		expect(event).toEqual({ method: "oauth", outcome: "success" });
	});

	it("signs in again by the provider's subject, even after the address changed there", async () => {
		const hint = await person("google", { email: at("ann"), sub: "google-sub-1" });
		expect((await signInVia(acme, "google", hint)).status).toBe(302);
		const moved = await person("google", { email: "ann@elsewhere.test", sub: "google-sub-1" });
		const again = await signInVia(acme, "google", moved);
		expect(sessionCookie(again)).toBeTruthy();
		expect(await links()).toHaveLength(1);
	});

	it("signs in with Microsoft (issuer of the user's directory) and GitHub (verified primary email)", async () => {
		const ms = await person("microsoft", { email: at("ann") });
		const viaMs = await signInVia(acme, "microsoft", ms);
		expect(sessionCookie(viaMs)).toBeTruthy();
		const gh = await person("github", {
			email: "unused@x.test",
			emails: [
				{ email: at("ann"), primary: true, verified: true },
				{ email: at("other"), primary: false, verified: true },
			],
		});
		const viaGh = await signInVia(acme, "github", gh);
		expect(viaGh.headers.get("Location")).toBe("/");
		expect(sessionCookie(viaGh)).toBeTruthy();
		expect((await links()).map((l) => l.provider).sort()).toEqual(["github", "microsoft"]);
	});

	it("never links or signs in by an unverified email", async () => {
		const google = await person("google", { email: at("ann"), emailVerified: false });
		const res = await signInVia(acme, "google", google);
		expect(res.headers.get("Location")).toBe("/signin?oauth_error=unverified-email");
		expect(sessionCookie(res)).toBeNull();
		const github = await person("github", { email: "x@x.test", emails: [{ email: at("ann"), primary: true, verified: false }] });
		expect((await signInVia(acme, "github", github)).headers.get("Location")).toBe("/signin?oauth_error=unverified-email");
		expect(await links()).toEqual([]);
	});

	it("refuses an address with no account here", async () => {
		const hint = await person("google", { email: at("stranger") });
		const res = await signInVia(acme, "google", hint);
		expect(res.headers.get("Location")).toBe("/signin?oauth_error=no-account");
		expect(sessionCookie(res)).toBeNull();
	});

	it("refuses a mismatched state, a missing flow cookie, and a replayed callback", async () => {
		const hint = await person("google", { email: at("ann") });
		const flow = await startSignIn(acme, "google");
		const back = await consent(flow, hint);
		const forged = back.replace(/state=[^&]+/, "state=forged-state-value");
		const mismatch = await land(acme, forged, [flow.flowCookie]);
		expect(mismatch.headers.get("Location")).toBe("/signin?oauth_error=invalid-state");
		expect(sessionCookie(mismatch)).toBeNull();
		expect((await land(acme, back, [])).headers.get("Location")).toBe("/signin?oauth_error=invalid-state");
		// The genuine callback works once; the provider refuses the same code twice.
		const ok = await land(acme, back, [flow.flowCookie]);
		expect(sessionCookie(ok)).toBeTruthy();
		const replay = await land(acme, back, [flow.flowCookie]);
		expect(replay.headers.get("Location")).toBe("/signin?oauth_error=provider-refused");
		expect(sessionCookie(replay)).toBeNull();
	});

	it("refuses when the PKCE verifier is not the one the flow started with", async () => {
		const hint = await person("google", { email: at("ann") });
		const flow = await startSignIn(acme, "google");
		const back = await consent(flow, hint);
		const value = flow.flowCookie.slice("atrium_oauth=".length);
		const data = JSON.parse(new TextDecoder().decode(decodeBase64urlIgnorePadding(value))) as Record<string, unknown>;
		data.verifier = "a-different-verifier-aaaaaaaaaaaaaaaaaaaaaaaaa";
		const tampered = `atrium_oauth=${encodeBase64urlNoPadding(new TextEncoder().encode(JSON.stringify(data)))}`;
		const res = await land(acme, back, [tampered]);
		expect(res.headers.get("Location")).toBe("/signin?oauth_error=provider-refused");
		expect(sessionCookie(res)).toBeNull();
	});

	it("refuses an id_token not signed by the provider's published keys", async () => {
		const hint = await person("google", { email: at("ann") });
		const flow = await startSignIn(acme, "google");
		const back = await consent(flow, hint);
		await fetch(`${oauthUrl}/__test/forge-next-id-token`, { method: "POST" });
		const res = await land(acme, back, [flow.flowCookie]);
		expect(res.headers.get("Location")).toBe("/signin?oauth_error=provider-refused");
		expect(await links()).toEqual([]);
	});

	it("never redirects off the agency's host", async () => {
		for (const next of ["//evil.test/x", "https://evil.test/", "/\\evil.test", "javascript:alert(1)"]) {
			const hint = await person("google", { email: at("ann"), sub: `s-${next}` });
			await env.DB.prepare("DELETE FROM oauth_accounts WHERE tenant_id = ?").bind(acme.tenantId).run();
			const res = await signInVia(acme, "google", hint, next);
			expect(res.headers.get("Location")).toBe("/");
		}
	});

	it("asks for the second step when the account has two-step sign-in", async () => {
		await env.DB.prepare(
			"INSERT INTO totp_credentials (tenant_id, user_id, secret, confirmed_at, created_at) VALUES (?, ?, 'JBSWY3DPEHPK3PXP', 1, 1)",
		)
			.bind(acme.tenantId, acme.owner.id)
			.run();
		const hint = await person("google", { email: at("ann") });
		const res = await signInVia(acme, "google", hint);
		expect(res.headers.get("Location")).toMatch(/^\/signin#mfa=[a-z2-7]{32}&methods=totp,recovery_code$/);
		expect(sessionCookie(res)).toBeNull();
	});

	it("keeps agencies apart: a flow from A does not finish on B, and A's link does not sign in on B", async () => {
		const globexSlug = uniqueSlug("globex");
		const globex = await signUpAgency(globexSlug, { email: `gus@${globexSlug}.test` });
		const hint = await person("google", { email: at("ann") });
		const flow = await startSignIn(acme, "google");
		const back = await consent(flow, hint);
		const onB = await land(globex, back.replace(acme.slug, globex.slug), [flow.flowCookie]);
		expect(onB.headers.get("Location")).toBe("/signin?oauth_error=invalid-state");
		expect((await land(acme, back, [flow.flowCookie])).status).toBe(302);
		// Ann's Google account is linked on A; on B there is no Ann, so nothing signs in.
		const res = await signInVia(globex, "google", hint);
		expect(res.headers.get("Location")).toBe("/signin?oauth_error=no-account");
		expect(sessionCookie(res)).toBeNull();
		// And B's owner sees none of A's links.
		const mine = (await (await call(globex.host, "/api/v1/me/oauth", { cookie: globex.ownerCookie })).json()) as { accounts: unknown[] };
		expect(mine.accounts).toEqual([]);
	});

	it("on an agency's custom domain the redirect URI and the whole flow stay on that host", async () => {
		const custom = `portal.${acme.slug}-agency.test`;
		await env.DB.prepare(
			"INSERT INTO tenant_domains (id, tenant_id, hostname, kind, verified, is_primary, created_at) VALUES (?, ?, ?, 'custom', 1, 0, ?)",
		)
			.bind(crypto.randomUUID(), acme.tenantId, custom, Date.now())
			.run();
		const onCustom: Agency = { ...acme, host: custom };
		const hint = await person("google", { email: at("ann") });
		const flow = await startSignIn(onCustom, "google", "/projects");
		expect(new URL(flow.providerUrl).searchParams.get("redirect_uri")).toBe(`http://${custom}/api/v1/auth/oauth/google/callback`);
		const back = await consent(flow, hint);
		const res = await land(onCustom, back, [flow.flowCookie]);
		expect(res.headers.get("Location")).toBe("/projects");
		const me = await call(custom, "/api/v1/me", { cookie: sessionCookie(res) ?? "" });
		expect(((await me.json()) as MeResponse).user.email).toBe(at("ann"));
	});

	it("names an unknown provider", async () => {
		const unknown = await call(acme.host, "/api/v1/auth/oauth/twitter/start");
		expect(unknown.status).toBe(422);
		expect(((await unknown.json()) as { errors: { path: string }[] }).errors[0]?.path).toBe("provider");
	});
});

describe("linking and unlinking from the account", () => {
	async function link(provider: Provider, loginHint: string, cookie = acme.ownerCookie): Promise<Response> {
		const res = await call(acme.host, `/api/v1/me/oauth/${provider}/link`, { method: "POST", cookie });
		expect(res.status).toBe(200);
		const { url } = (await res.json()) as { url: string };
		const back = await consent({ providerUrl: url, flowCookie: flowCookieOf(res) }, loginHint);
		return land(acme, back, [flowCookieOf(res), cookie]);
	}

	it("links a provider with another verified address, lists it, and unlinks it", async () => {
		const hint = await person("github", { email: "x@x.test", emails: [{ email: "ann@personal.test", primary: true, verified: true }] });
		const res = await link("github", hint);
		expect(res.headers.get("Location")).toBe("/account/security?linked=github");
		const list = (await (await call(acme.host, "/api/v1/me/oauth", { cookie: acme.ownerCookie })).json()) as {
			accounts: { provider: string; email: string }[];
			available: string[];
		};
		expect(list.accounts.map((a) => [a.provider, a.email])).toEqual([["github", "ann@personal.test"]]);
		expect(list.available).toEqual(["google", "microsoft", "github"]);
		expect((await call(acme.host, "/api/v1/me/oauth/github/link", { method: "POST", cookie: acme.ownerCookie })).status).toBe(409);
		// GitHub now signs Ann in, although its address is not her account's.
		expect(sessionCookie(await signInVia(acme, "github", hint))).toBeTruthy();
		expect((await call(acme.host, "/api/v1/me/oauth/github", { method: "DELETE", cookie: acme.ownerCookie })).status).toBe(204);
		expect(await audits("oauth.linked")).toBe(1);
		expect(await audits("oauth.unlinked")).toBe(1);
		expect((await call(acme.host, "/api/v1/me/oauth/github", { method: "DELETE", cookie: acme.ownerCookie })).status).toBe(404);
	});

	it("refuses to unlink the last way to sign in, and to link an unverified address", async () => {
		const unverified = await person("google", { email: at("ann"), emailVerified: false });
		expect((await link("google", unverified)).headers.get("Location")).toBe("/account/security?oauth_error=unverified-email");
		const hint = await person("google", { email: at("ann") });
		await link("google", hint);
		await env.DB.prepare("UPDATE users SET password_hash = NULL WHERE tenant_id = ?").bind(acme.tenantId).run();
		const last = await call(acme.host, "/api/v1/me/oauth/google", { method: "DELETE", cookie: acme.ownerCookie });
		expect(last.status).toBe(409);
		expect(await links()).toHaveLength(1);
	});

	it("links only for the person who started it, signed in", async () => {
		const hint = await person("google", { email: at("ann") });
		const res = await call(acme.host, "/api/v1/me/oauth/google/link", { method: "POST", cookie: acme.ownerCookie });
		const { url } = (await res.json()) as { url: string };
		const back = await consent({ providerUrl: url, flowCookie: flowCookieOf(res) }, hint);
		const noSession = await land(acme, back, [flowCookieOf(res)]);
		expect(noSession.headers.get("Location")).toBe("/account/security?oauth_error=not-signed-in");
		expect(await links()).toEqual([]);
	});

	it("needs a signed-in person and a same-site request", async () => {
		expect((await call(acme.host, "/api/v1/me/oauth")).status).toBe(401);
		expect((await call(acme.host, "/api/v1/me/oauth/google/link", { method: "POST" })).status).toBe(401);
		const crossSite = await call(acme.host, "/api/v1/me/oauth/google/link", {
			method: "POST",
			cookie: acme.ownerCookie,
			headers: { Origin: "http://evil.test" },
			sameOrigin: false,
		});
		expect(crossSite.status).toBe(403);
	});
});
