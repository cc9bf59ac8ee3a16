/**
 * Password and passkey sign-in at addresses the agency's SSO enforcement covers: every answer but an
 * owner's right password is the same 403 pointing at SSO (so nobody can tell which address is an
 * owner's), those attempts count towards the lockout alike, and an owner who signs in past SSO with
 * their own factor (break-glass) is audited. Every test has its own agency and domain.
 */
import { env } from "cloudflare:workers";
import { decodeBase32IgnorePadding } from "@oslojs/encoding";
import { generateHOTP } from "@oslojs/otp";
import { beforeEach, describe, expect, it } from "vitest";
import { timeStep } from "../../worker/services/mfa/totp";
import { type Agency, logIn, PASSWORD, signUpAgency, uniqueSlug } from "../support/agencies";
import { call, freshIp, sessionCookie } from "../support/http";
import { addMember } from "./members";
import { assert, createCredential } from "./software-authenticator";
import { turnOnSso } from "./sso-fixtures";

let acme: Agency;
let domain: string;
beforeEach(async () => {
	const slug = uniqueSlug("glass");
	domain = `${slug}.test`;
	acme = await signUpAgency(slug, { email: `ann@${domain}` });
});

const login = (email: string, password: string) => call(acme.host, "/api/v1/auth/login", { body: { email, password }, ip: freshIp() });

/** What a guesser sees: status, content type and body (the request id aside, which every answer has its own of). */
async function seen(res: Response): Promise<{ status: number; type: string | null; body: Record<string, unknown> }> {
	const { requestId: _requestId, ...body } = (await res.json()) as Record<string, unknown>;
	return { status: res.status, type: res.headers.get("Content-Type"), body };
}

const auditsOf = (action: string) =>
	env.DB.prepare("SELECT actor_user_id, detail FROM audit_events WHERE tenant_id = ? AND action = ? ORDER BY created_at")
		.bind(acme.tenantId, action)
		.all<{ actor_user_id: string | null; detail: string | null }>()
		.then((r) => r.results.map((row) => ({ actor: row.actor_user_id, detail: row.detail ? (JSON.parse(row.detail) as unknown) : null })));

describe("password sign-in under SSO enforcement", () => {
	it("answers a wrong password for an owner's address exactly like any password for a staff or unknown address", async () => {
		await addMember(acme.tenantId, "staff", `sam@${domain}`);
		await turnOnSso(acme, domain);
		const ownerWrong = await seen(await login(`ann@${domain}`, "not the password"));
		expect(ownerWrong.status).toBe(403);
		expect(ownerWrong.type).toMatch(/^application\/problem\+json/);
		expect(ownerWrong.body.type).toMatch(/sso-required$/);
		expect(await seen(await login(`sam@${domain}`, "not the password"))).toEqual(ownerWrong);
		expect(await seen(await login(`sam@${domain}`, PASSWORD))).toEqual(ownerWrong);
		expect(await seen(await login(`nobody@${domain}`, "not the password"))).toEqual(ownerWrong);
		expect(await auditsOf("sso.break_glass_sign_in")).toEqual([]);
	});

	it("locks an owner's and a staff address after the same number of attempts, with the same answers", async () => {
		await addMember(acme.tenantId, "staff", `sam@${domain}`);
		await turnOnSso(acme, domain);
		const answers = async (email: string) => {
			const seenList = [];
			for (let i = 0; i < 6; i++) {
				const res = await login(email, `guess ${i}`);
				seenList.push({ status: res.status, retryAfter: res.headers.get("Retry-After") !== null });
			}
			return seenList;
		};
		const owner = await answers(`ann@${domain}`);
		expect(owner.map((a) => a.status)).toEqual([403, 403, 403, 403, 403, 429]);
		expect(await answers(`sam@${domain}`)).toEqual(owner);
	});

	it("lets the owner in with the right password, audited as break-glass", async () => {
		await addMember(acme.tenantId, "staff", `sam@${domain}`);
		await turnOnSso(acme, domain);
		const res = await login(`ann@${domain}`, PASSWORD);
		expect(res.status).toBe(200);
		expect(sessionCookie(res)).toBeTruthy();
		expect(await auditsOf("sso.break_glass_sign_in")).toEqual([{ actor: acme.owner.id, detail: { method: "password", secondStep: null } }]);
		// Staff with the right password are still sent to SSO, and that is no break-glass.
		expect((await login(`sam@${domain}`, PASSWORD)).status).toBe(403);
		expect(await auditsOf("sso.break_glass_sign_in")).toHaveLength(1);
	});

	it("asks an owner with two-step sign-in for the second step after the right password", async () => {
		const cookie = acme.ownerCookie;
		const enrol = await call(acme.host, "/api/v1/me/mfa/totp/enrol", { method: "POST", cookie });
		const { secret } = (await enrol.json()) as { secret: string };
		const code = generateHOTP(decodeBase32IgnorePadding(secret), BigInt(timeStep(Date.now())), 6);
		expect((await call(acme.host, "/api/v1/me/mfa/totp/confirm", { cookie, body: { code } })).status).toBe(200);
		await turnOnSso(acme, domain);
		const res = await login(`ann@${domain}`, PASSWORD);
		expect(res.status).toBe(200);
		expect(sessionCookie(res)).toBeNull();
		expect(await res.json()).toMatchObject({ mfaRequired: true, methods: expect.arrayContaining(["totp"]) });
		expect(await auditsOf("sso.break_glass_sign_in")).toEqual([
			{ actor: acme.owner.id, detail: { method: "password", secondStep: expect.stringContaining("totp") } },
		]);
	});

	it("signs staff in with their password again once SSO stops covering them, without any break-glass entry", async () => {
		await addMember(acme.tenantId, "staff", `sam@${domain}`);
		await turnOnSso(acme, domain);
		await env.DB.prepare("UPDATE tenants SET plan_id = 'starter' WHERE id = ?").bind(acme.tenantId).run();
		expect(await logIn(acme.host, `sam@${domain}`)).toBeTruthy();
		expect(await logIn(acme.host, `ann@${domain}`)).toBeTruthy();
		expect(await auditsOf("sso.break_glass_sign_in")).toEqual([]);
	});
});

describe("passkey sign-in under SSO enforcement", () => {
	it("audits the owner's passkey sign-in as break-glass", async () => {
		const options = async (path: string, cookie?: string) =>
			(
				(await (await call(acme.host, path, { method: "POST", ...(cookie ? { cookie } : {}), ip: freshIp() })).json()) as {
					options: { challenge: string; rp: { id: string }; user: { id: string } };
				}
			).options;
		const origin = `http://${acme.host}`;
		const { credential, response } = await createCredential(await options("/api/v1/me/passkeys/options", acme.ownerCookie), { origin });
		const added = await call(acme.host, "/api/v1/me/passkeys", { cookie: acme.ownerCookie, body: { name: "Key", credential: response } });
		expect(added.status).toBe(201);
		await turnOnSso(acme, domain);
		const res = await call(acme.host, "/api/v1/auth/passkey", {
			body: { credential: await assert(credential, await options("/api/v1/auth/passkey/options"), { origin }) },
			ip: freshIp(),
		});
		expect(res.status).toBe(200);
		expect(sessionCookie(res)).toBeTruthy();
		expect(await auditsOf("sso.break_glass_sign_in")).toEqual([{ actor: acme.owner.id, detail: { method: "passkey", secondStep: null } }]);
	});
});
