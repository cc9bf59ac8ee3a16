/**
 * Passkeys with a software authenticator: adding, naming and removing them; username-less sign-in;
 * the second step of MFA; and the refusals that matter (replayed challenge, wrong origin or RP ID,
 * a falling counter, another agency's passkey).
 */
import { env } from "cloudflare:workers";
import { decodeBase32IgnorePadding } from "@oslojs/encoding";
import { generateHOTP } from "@oslojs/otp";
import { beforeEach, describe, expect, it } from "vitest";
import type { MeResponse, MfaChallengeResponse } from "../../schema/dto/auth";
import type { PasskeyView } from "../../schema/dto/passkeys";
import { timeStep } from "../../worker/services/mfa/totp";
import { type Agency, PASSWORD, signUpAgency, uniqueSlug } from "../support/agencies";
import { call, freshIp, problemOf, sessionCookie } from "../support/http";
import { assert, createCredential, type SoftCredential } from "./software-authenticator";

type Options = { challenge: string; rp: { id: string }; user: { id: string }; allowCredentials?: { id: string }[] };

let acme: Agency;
/** The owner's address (of this test's own agency: the mailbox is shared). */
let ann: string;
beforeEach(async () => {
	const slug = uniqueSlug("acme");
	ann = `ann@${slug}.test`;
	acme = await signUpAgency(slug, { email: ann });
});

const originOf = (agency: Agency) => `http://${agency.host}`;

async function optionsFor(agency: Agency, path: string, cookie?: string, body?: unknown): Promise<Options> {
	const res = await call(agency.host, path, { method: "POST", cookie, body, ip: freshIp() });
	expect(res.status).toBe(200);
	return ((await res.json()) as { options: Options }).options;
}

/** Registers a passkey on the agency through the API; returns the authenticator's credential and the stored view. */
async function registerPasskey(
	agency: Agency,
	name = "Laptop",
	cookie = agency.ownerCookie,
): Promise<{ credential: SoftCredential; view: PasskeyView }> {
	const options = await optionsFor(agency, "/api/v1/me/passkeys/options", cookie);
	const { credential, response } = await createCredential(options, { origin: originOf(agency) });
	const res = await call(agency.host, "/api/v1/me/passkeys", { cookie, body: { name, credential: response } });
	expect(res.status).toBe(201);
	return { credential, view: (await res.json()) as PasskeyView };
}

async function passkeySignIn(
	agency: Agency,
	credential: SoftCredential,
	ceremony: Partial<Parameters<typeof assert>[2]> = {},
): Promise<Response> {
	const options = await optionsFor(agency, "/api/v1/auth/passkey/options");
	const response = await assert(credential, options, { origin: originOf(agency), ...ceremony });
	return call(agency.host, "/api/v1/auth/passkey", { body: { credential: response }, ip: freshIp() });
}

/** How many audit events of `action` this test's agency has. */
async function auditCount(action: string): Promise<number> {
	return (
		(
			await env.DB.prepare("SELECT COUNT(*) AS n FROM audit_events WHERE tenant_id = ? AND action = ?")
				.bind(acme.tenantId, action)
				.first<{ n: number }>()
		)?.n ?? 0
	);
}

describe("managing passkeys", () => {
	it("adds several, lists them oldest first, renames one, and audits each change", async () => {
		const laptop = await registerPasskey(acme, "Laptop");
		const phone = await registerPasskey(acme, "Phone");
		expect(laptop.view).toMatchObject({ name: "Laptop", lastUsedAt: null, backedUp: false });
		const renamed = await call(acme.host, `/api/v1/me/passkeys/${phone.view.id}`, {
			method: "PATCH",
			cookie: acme.ownerCookie,
			body: { name: "  Work phone " },
		});
		expect(renamed.status).toBe(200);
		const list = (await (await call(acme.host, "/api/v1/me/passkeys", { cookie: acme.ownerCookie })).json()) as { passkeys: PasskeyView[] };
		expect(list.passkeys.map((p) => p.name)).toEqual(["Laptop", "Work phone"]);
		expect(await auditCount("passkey.added")).toBe(2);
		expect(await auditCount("passkey.renamed")).toBe(1);
	});

	it("refuses the same authenticator twice, a used challenge, and a response made for another origin", async () => {
		const options = await optionsFor(acme, "/api/v1/me/passkeys/options", acme.ownerCookie);
		const { response } = await createCredential(options, { origin: originOf(acme) });
		expect(
			(await call(acme.host, "/api/v1/me/passkeys", { cookie: acme.ownerCookie, body: { name: "A", credential: response } })).status,
		).toBe(201);
		const replay = await call(acme.host, "/api/v1/me/passkeys", { cookie: acme.ownerCookie, body: { name: "B", credential: response } });
		expect(replay.status).toBe(400);
		expect((await problemOf(replay)).detail).toMatch(/expired or was already used/);

		const fresh = await optionsFor(acme, "/api/v1/me/passkeys/options", acme.ownerCookie);
		const phishing = await createCredential(fresh, { origin: "http://acme.evil.test" });
		const wrongOrigin = await call(acme.host, "/api/v1/me/passkeys", {
			cookie: acme.ownerCookie,
			body: { name: "C", credential: phishing.response },
		});
		expect(wrongOrigin.status).toBe(400);
		const fresh2 = await optionsFor(acme, "/api/v1/me/passkeys/options", acme.ownerCookie);
		const otherRp = await createCredential(fresh2, { origin: originOf(acme), rpId: "globex.localhost" });
		expect(
			(await call(acme.host, "/api/v1/me/passkeys", { cookie: acme.ownerCookie, body: { name: "D", credential: otherRp.response } }))
				.status,
		).toBe(400);
		const list = (await (await call(acme.host, "/api/v1/me/passkeys", { cookie: acme.ownerCookie })).json()) as { passkeys: PasskeyView[] };
		expect(list.passkeys).toHaveLength(1);
	});

	it("names bad fields and changes nothing", async () => {
		const { view } = await registerPasskey(acme);
		const empty = await call(acme.host, `/api/v1/me/passkeys/${view.id}`, {
			method: "PATCH",
			cookie: acme.ownerCookie,
			body: { name: " " },
		});
		expect(empty.status).toBe(422);
		expect((await problemOf(empty)).errors?.[0]?.path).toBe("name");
		const malformed = await call(acme.host, "/api/v1/me/passkeys", {
			cookie: acme.ownerCookie,
			body: { name: "X", credential: { id: "a", rawId: "a", type: "public-key", response: { clientDataJSON: "not base64!" } } },
		});
		expect(malformed.status).toBe(422);
		expect((await problemOf(malformed)).errors?.map((e) => e.path)).toContain("credential.response.clientDataJSON");
		const list = (await (await call(acme.host, "/api/v1/me/passkeys", { cookie: acme.ownerCookie })).json()) as { passkeys: PasskeyView[] };
		expect(list.passkeys.map((p) => p.name)).toEqual(["Laptop"]);
	});

	it("needs a signed-in person, and a same-site request", async () => {
		expect((await call(acme.host, "/api/v1/me/passkeys")).status).toBe(401);
		expect((await call(acme.host, "/api/v1/me/passkeys/options", { method: "POST" })).status).toBe(401);
		const crossSite = await call(acme.host, "/api/v1/me/passkeys/options", {
			method: "POST",
			cookie: acme.ownerCookie,
			headers: { Origin: "http://evil.test" },
			sameOrigin: false,
		});
		expect(crossSite.status).toBe(403);
	});

	it("removes a passkey only from a fresh sign-in, never the last way to sign in, and audits it", async () => {
		const laptop = await registerPasskey(acme, "Laptop");
		const phone = await registerPasskey(acme, "Phone");
		await env.DB.prepare("UPDATE sessions SET created_at = created_at - 3600000 WHERE tenant_id = ?").bind(acme.tenantId).run();
		const stale = await call(acme.host, `/api/v1/me/passkeys/${laptop.view.id}`, { method: "DELETE", cookie: acme.ownerCookie });
		expect(stale.status).toBe(403);
		expect((await problemOf(stale)).type).toMatch(/fresh-sign-in-required$/);

		const fresh = sessionCookie(await passkeySignIn(acme, phone.credential)) ?? "";
		expect((await call(acme.host, `/api/v1/me/passkeys/${laptop.view.id}`, { method: "DELETE", cookie: fresh })).status).toBe(204);
		expect(await auditCount("passkey.removed")).toBe(1);
		expect((await passkeySignIn(acme, laptop.credential)).status).toBe(401);

		await env.DB.prepare("UPDATE users SET password_hash = NULL WHERE tenant_id = ?").bind(acme.tenantId).run();
		const last = await call(acme.host, `/api/v1/me/passkeys/${phone.view.id}`, { method: "DELETE", cookie: fresh });
		expect(last.status).toBe(409);
		expect((await call(acme.host, `/api/v1/me/passkeys/${laptop.view.id}`, { method: "DELETE", cookie: fresh })).status).toBe(404);
	});
});

describe("signing in with a passkey", () => {
	it("opens a session without a username, records the sign-in and raises the stored counter", async () => {
		const { credential, view } = await registerPasskey(acme);
		const res = await passkeySignIn(acme, credential);
		expect(res.status).toBe(200);
		const cookie = sessionCookie(res);
		expect(cookie).toBeTruthy();
		expect(((await res.json()) as MeResponse).user.email).toBe(ann);
		expect((await call(acme.host, "/api/v1/me", { cookie: cookie ?? "" })).status).toBe(200);
		const event = await env.DB.prepare("SELECT method, outcome FROM sign_in_events WHERE tenant_id = ? ORDER BY created_at DESC LIMIT 1")
			.bind(acme.tenantId)
			.first();
		expect(event).toEqual({ method: "passkey", outcome: "success" });
		expect(await auditCount("passkey.used")).toBe(1);
		const stored = await env.DB.prepare("SELECT counter, last_used_at FROM passkeys WHERE id = ?")
			.bind(view.id)
			.first<{ counter: number; last_used_at: number }>();
		expect(stored?.counter).toBe(1);
		expect(stored?.last_used_at).toBeGreaterThan(0);
	});

	it("refuses a replayed challenge and a replayed assertion", async () => {
		const { credential } = await registerPasskey(acme);
		const options = await optionsFor(acme, "/api/v1/auth/passkey/options");
		const first = await assert(credential, options, { origin: originOf(acme) });
		expect((await call(acme.host, "/api/v1/auth/passkey", { body: { credential: first }, ip: freshIp() })).status).toBe(200);
		const again = await call(acme.host, "/api/v1/auth/passkey", { body: { credential: first }, ip: freshIp() });
		expect(again.status).toBe(401);
		const second = await assert(credential, options, { origin: originOf(acme) });
		const reused = await call(acme.host, "/api/v1/auth/passkey", { body: { credential: second }, ip: freshIp() });
		expect(reused.status).toBe(401);
		expect(sessionCookie(reused)).toBeNull();
	});

	it("refuses a wrong origin, a wrong RP ID, no user verification, and a counter that did not rise", async () => {
		const { credential } = await registerPasskey(acme);
		expect((await passkeySignIn(acme, credential, { origin: "http://acme.evil.test" })).status).toBe(401);
		expect((await passkeySignIn(acme, credential, { rpId: "evil.test" })).status).toBe(401);
		expect((await passkeySignIn(acme, credential, { userVerified: false })).status).toBe(401);
		expect((await passkeySignIn(acme, credential, { counter: 10 })).status).toBe(200);
		const cloned = await passkeySignIn(acme, credential, { counter: 10 });
		expect(cloned.status).toBe(401);
		expect((await problemOf(cloned)).errors?.[0]?.path).toBe("credential");
		const failures = await env.DB.prepare(
			"SELECT COUNT(*) AS n FROM sign_in_events WHERE tenant_id = ? AND method = 'passkey' AND outcome = 'invalid_credentials'",
		)
			.bind(acme.tenantId)
			.first<{ n: number }>();
		expect(failures?.n).toBe(4);
	});

	it("never lets a passkey of agency A sign in on agency B", async () => {
		const globexSlug = uniqueSlug("globex");
		const globex = await signUpAgency(globexSlug, { email: `gus@${globexSlug}.test` });
		const { credential } = await registerPasskey(acme);
		// The authenticator would never sign for another RP ID; even if it did, the credential is unknown to B.
		const onB = await passkeySignIn(globex, credential, { rpId: acme.host });
		expect(onB.status).toBe(401);
		expect((await problemOf(onB)).detail).toMatch(/not registered with this agency/);
		// Nor are A's passkeys visible or changeable from B.
		const { view } = await registerPasskey(acme, "Second");
		const list = (await (await call(globex.host, "/api/v1/me/passkeys", { cookie: globex.ownerCookie })).json()) as { passkeys: unknown[] };
		expect(list.passkeys).toEqual([]);
		const rename = await call(globex.host, `/api/v1/me/passkeys/${view.id}`, {
			method: "PATCH",
			cookie: globex.ownerCookie,
			body: { name: "Mine" },
		});
		expect(rename.status).toBe(404);
		// And A's session cookie opens nothing on B.
		expect((await call(globex.host, "/api/v1/me/passkeys", { cookie: acme.ownerCookie })).status).toBe(401);
	});
});

describe("a passkey as the second step", () => {
	async function turnOnTotp(): Promise<void> {
		const enrol = await call(acme.host, "/api/v1/me/mfa/totp/enrol", { method: "POST", cookie: acme.ownerCookie });
		const { secret } = (await enrol.json()) as { secret: string };
		const code = generateHOTP(decodeBase32IgnorePadding(secret), BigInt(timeStep(Date.now())), 6);
		expect((await call(acme.host, "/api/v1/me/mfa/totp/confirm", { cookie: acme.ownerCookie, body: { code } })).status).toBe(200);
	}

	async function passwordStep(): Promise<MfaChallengeResponse> {
		const res = await call(acme.host, "/api/v1/auth/login", { body: { email: ann, password: PASSWORD }, ip: freshIp() });
		return (await res.json()) as MfaChallengeResponse;
	}

	it("offers the passkey after the password and opens the session with it", async () => {
		await turnOnTotp();
		const { credential } = await registerPasskey(acme);
		const step = await passwordStep();
		expect(step.methods).toEqual(["totp", "recovery_code", "passkey"]);
		const options = await optionsFor(acme, "/api/v1/auth/login/mfa/passkey/options", undefined, { challenge: step.challenge });
		expect(options.allowCredentials?.map((c) => c.id)).toHaveLength(1);
		const response = await assert(credential, options, { origin: originOf(acme), userVerified: false });
		const res = await call(acme.host, "/api/v1/auth/login/mfa/passkey", {
			body: { challenge: step.challenge, credential: response },
			ip: freshIp(),
		});
		expect(res.status).toBe(200);
		expect(sessionCookie(res)).toBeTruthy();
		const event = await env.DB.prepare(
			"SELECT method FROM sign_in_events WHERE tenant_id = ? AND outcome = 'success' ORDER BY created_at DESC LIMIT 1",
		)
			.bind(acme.tenantId)
			.first();
		expect(event).toEqual({ method: "passkey" });
		// The MFA challenge is spent.
		const again = await call(acme.host, "/api/v1/auth/login/mfa/passkey/options", { body: { challenge: step.challenge }, ip: freshIp() });
		expect(again.status).toBe(401);
	});

	it("refuses another member's passkey and an unknown challenge", async () => {
		await turnOnTotp();
		await registerPasskey(acme);
		const colleagueSlug = uniqueSlug("acme2");
		const colleague = await signUpAgency(colleagueSlug, { email: `other@${colleagueSlug}.test` });
		const foreign = await registerPasskey(colleague);
		const step = await passwordStep();
		const options = await optionsFor(acme, "/api/v1/auth/login/mfa/passkey/options", undefined, { challenge: step.challenge });
		const response = await assert(foreign.credential, options, { origin: originOf(acme), rpId: acme.host });
		const res = await call(acme.host, "/api/v1/auth/login/mfa/passkey", {
			body: { challenge: step.challenge, credential: response },
			ip: freshIp(),
		});
		expect(res.status).toBe(401);
		expect(sessionCookie(res)).toBeNull();
		const unknown = await call(acme.host, "/api/v1/auth/login/mfa/passkey/options", { body: { challenge: "x".repeat(32) }, ip: freshIp() });
		expect(unknown.status).toBe(401);
	});
});

describe("a passkey under the agency's MFA policy", () => {
	it("counts as the required second factor: it can be added while blocked, lifts the block, and password sign-ins then ask for it", async () => {
		const policy = await call(acme.host, "/api/v1/tenant/security-policy", {
			method: "PATCH",
			cookie: acme.ownerCookie,
			body: { mfaRequired: "staff" },
		});
		expect(policy.status).toBe(200);
		expect((await call(acme.host, "/api/v1/me/sessions", { cookie: acme.ownerCookie })).status).toBe(403);
		const { credential } = await registerPasskey(acme);
		const me = (await (await call(acme.host, "/api/v1/me", { cookie: acme.ownerCookie })).json()) as MeResponse;
		expect(me).toMatchObject({ mfaEnabled: false, mfaSetupRequired: false });
		expect((await call(acme.host, "/api/v1/me/sessions", { cookie: acme.ownerCookie })).status).toBe(200);
		// The password alone no longer opens a session: the passkey is the second step.
		const login = await call(acme.host, "/api/v1/auth/login", { body: { email: ann, password: PASSWORD }, ip: freshIp() });
		expect(sessionCookie(login)).toBeNull();
		const step = (await login.json()) as MfaChallengeResponse;
		expect(step.methods).toEqual(["passkey"]);
		const options = await optionsFor(acme, "/api/v1/auth/login/mfa/passkey/options", undefined, { challenge: step.challenge });
		const response = await assert(credential, options, { origin: originOf(acme) });
		const done = await call(acme.host, "/api/v1/auth/login/mfa/passkey", {
			body: { challenge: step.challenge, credential: response },
			ip: freshIp(),
		});
		expect(done.status).toBe(200);
		expect(sessionCookie(done)).toBeTruthy();
		// A passkey sign-in on its own satisfies the policy too.
		const direct = await passkeySignIn(acme, credential);
		expect((await call(acme.host, "/api/v1/me/sessions", { cookie: sessionCookie(direct) ?? "" })).status).toBe(200);
	});
});
