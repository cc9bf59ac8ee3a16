/**
 * SSO discovery through the outbound-URL guard: an agency cannot point the Worker at a private,
 * loopback or link-local address — not as the issuer in any spelling, not through a public-looking
 * name whose DNS answer is private, and not through endpoints a hostile discovery document names.
 * Each refusal is a 422 naming `issuer`, and nothing is saved. At sign-in the stored token endpoint
 * and key set pass the guard again: one edited in D1 to the metadata address is never contacted (an
 * unguarded request there would hang this test), the sign-in is refused and audited; and a token
 * endpoint that answers with a redirect is never followed (the request carries the code and secret).
 */
import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, inject, it } from "vitest";
import { type Agency, signUpAgency } from "../support/agencies";
import { call, problemOf, sessionCookie } from "../support/http";
import { idpUser, ssoSignIn, turnOnSso } from "./sso-fixtures";

const oauthUrl = inject("oauthUrl");
const dohUrl = inject("dohUrl");
const settingsPath = "/api/v1/tenant/sso";
const unique = () => crypto.randomUUID().replaceAll("-", "").slice(0, 10);

let acme: Agency;
let domain: string;
beforeEach(async () => {
	const slug = `ssox${unique()}`;
	domain = `${slug}.test`;
	acme = await signUpAgency(slug, { email: `ann@${domain}` });
	await env.DB.prepare("UPDATE tenants SET plan_id = 'agency' WHERE id = ?").bind(acme.tenantId).run();
});

const save = (issuer: string) =>
	call(acme.host, settingsPath, {
		method: "PUT",
		cookie: acme.ownerCookie,
		body: { issuer, clientId: "sso-client-id", clientSecret: "sso-client-secret", domains: [domain] },
	});

async function expectIssuerRefused(res: Response, message: RegExp): Promise<void> {
	expect(res.status).toBe(422);
	const problem = await problemOf(res);
	expect(problem.errors?.map((e) => e.path)).toEqual(["issuer"]);
	expect(problem.errors?.[0]?.message).toMatch(message);
}

async function savedIssuer(): Promise<string | null> {
	const row = await env.DB.prepare("SELECT issuer FROM sso_connections WHERE tenant_id = ?")
		.bind(acme.tenantId)
		.first<{ issuer: string }>();
	return row?.issuer ?? null;
}

describe("SSO discovery refuses addresses inside the network", () => {
	it("refuses an issuer at a private, loopback-in-disguise or link-local address, naming issuer", async () => {
		for (const issuer of [
			"https://10.0.0.1/realms/acme",
			"https://169.254.169.254/latest",
			"https://2852039166/latest",
			"https://[::ffff:10.0.0.1]/idp",
			"https://[fe80::1]/idp",
			"https://100.64.0.1/idp",
		]) {
			await expectIssuerRefused(await save(issuer), /private, loopback or link-local/);
		}
		await expectIssuerRefused(await save("https://metadata.google.internal/idp"), /public internet host name/);
		await expectIssuerRefused(await save("https://admin:pw@idp.example.com/idp"), /user name or password/);
		expect(await savedIssuer()).toBeNull();
	});

	it("refuses a public-looking issuer whose DNS answer is a private address", async () => {
		const name = `idp-${unique()}.example.test`;
		await fetch(`${dohUrl}/__test/records`, { method: "POST", body: JSON.stringify({ name, type: "A", values: ["10.20.30.40"] }) });
		await expectIssuerRefused(await save(`https://${name}/realms/acme`), /private, loopback or link-local/);
		expect(await savedIssuer()).toBeNull();
	});

	it("refuses a discovery document whose token and key endpoints aim at the metadata address", async () => {
		await expectIssuerRefused(await save(`${oauthUrl}/oidc/points-inside`), /token_endpoint must not point at a private/);
		expect(await savedIssuer()).toBeNull();
	});

	it("still accepts the local fake IdP in development", async () => {
		const res = await save(`${oauthUrl}/oidc/acme-idp`);
		expect(res.status).toBe(200);
		expect(await savedIssuer()).toBe(`${oauthUrl}/oidc/acme-idp`);
	});
});

describe("SSO sign-in reaches only endpoints the guard allows", () => {
	const refusals = () =>
		env.DB.prepare("SELECT detail FROM audit_events WHERE tenant_id = ? AND action = 'sso.endpoint_refused'")
			.bind(acme.tenantId)
			.all<{ detail: string }>()
			.then((r) => r.results.map((row) => JSON.parse(row.detail) as Record<string, unknown>));
	const signInsOf = () =>
		env.DB.prepare("SELECT method, outcome FROM sign_in_events WHERE tenant_id = ? AND method = 'sso'").bind(acme.tenantId).all();

	it("refuses the sign-in when the stored token endpoint was changed to the metadata address, without contacting it", async () => {
		await turnOnSso(acme, domain);
		await env.DB.prepare("UPDATE sso_connections SET token_endpoint = ? WHERE tenant_id = ?")
			.bind("https://169.254.169.254/latest/meta-data/token", acme.tenantId)
			.run();
		const res = await ssoSignIn(acme, await idpUser(`ann@${domain}`));
		expect(res.headers.get("Location")).toBe("/signin?sso_error=provider-refused");
		expect(sessionCookie(res)).toBeNull();
		expect(await refusals()).toEqual([{ endpoint: "token_endpoint", reason: "private-address" }]);
		expect((await signInsOf()).results).toEqual([{ method: "sso", outcome: "invalid_credentials" }]);
	});

	it("refuses the sign-in when the stored jwks_uri was changed to the metadata address, without fetching it", async () => {
		await turnOnSso(acme, domain);
		await env.DB.prepare("UPDATE sso_connections SET jwks_uri = ? WHERE tenant_id = ?")
			.bind("https://169.254.169.254/latest/meta-data/jwks", acme.tenantId)
			.run();
		const res = await ssoSignIn(acme, await idpUser(`ann@${domain}`));
		expect(res.headers.get("Location")).toBe("/signin?sso_error=provider-refused");
		expect(sessionCookie(res)).toBeNull();
		expect(await refusals()).toEqual([{ endpoint: "jwks_uri", reason: "private-address" }]);
	});

	// arctic's own fetch followed these: a token endpoint answering 307 got the code, verifier and client secret re-posted.
	const redirectingTokenEndpoint = (to: string) => `${oauthUrl}/__test/redirect?to=${encodeURIComponent(to)}`;

	it("refuses the sign-in when the token endpoint redirects to the metadata address, without following it", async () => {
		await turnOnSso(acme, domain);
		await env.DB.prepare("UPDATE sso_connections SET token_endpoint = ? WHERE tenant_id = ?")
			.bind(redirectingTokenEndpoint("https://169.254.169.254/latest/meta-data/token"), acme.tenantId)
			.run();
		const res = await ssoSignIn(acme, await idpUser(`ann@${domain}`));
		expect(res.headers.get("Location")).toBe("/signin?sso_error=provider-refused");
		expect(sessionCookie(res)).toBeNull();
		expect(await refusals()).toEqual([{ endpoint: "token_endpoint", reason: "private-address" }]);
	});

	it("never follows a token endpoint's redirect, even to the IdP's own working token endpoint", async () => {
		await turnOnSso(acme, domain);
		await env.DB.prepare("UPDATE sso_connections SET token_endpoint = ? WHERE tenant_id = ?")
			.bind(redirectingTokenEndpoint(`${oauthUrl}/oidc/acme-idp/token`), acme.tenantId)
			.run();
		const res = await ssoSignIn(acme, await idpUser(`ann@${domain}`));
		// Followed, the code would have been redeemed there and the person signed in.
		expect(res.headers.get("Location")).toBe("/signin?sso_error=provider-refused");
		expect(sessionCookie(res)).toBeNull();
		expect(await refusals()).toEqual([{ endpoint: "token_endpoint", reason: "redirect" }]);
	});

	it("still signs in through the stored endpoints of the local fake IdP in development", async () => {
		await turnOnSso(acme, domain);
		const res = await ssoSignIn(acme, await idpUser(`ann@${domain}`));
		expect(res.headers.get("Location")).toBe("/");
		expect(sessionCookie(res)).toBeTruthy();
		expect(await refusals()).toEqual([]);
	});
});
