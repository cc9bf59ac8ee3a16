/** TOTP MFA: enrolment, two-step sign-in, replay refused, recovery codes single use, challenges bound and limited, policy enforcement. */

import { env } from "cloudflare:workers";
import { decodeBase32IgnorePadding } from "@oslojs/encoding";
import { generateHOTP } from "@oslojs/otp";
import { beforeEach, describe, expect, it } from "vitest";
import type { MeResponse, MfaChallengeResponse } from "../../schema/dto/auth";
import { timeStep } from "../../worker/services/mfa/totp";
import { type Agency, logIn, PASSWORD, signUpAgency, uniqueSlug } from "../support/agencies";
import { call, freshIp, problemOf, sessionCookie } from "../support/http";
import { addMember } from "./members";

let acme: Agency;
/** Addresses at this test's own agency (the mailbox is shared): the owner's is `at("ann")`. */
let at: (who: string) => string;
beforeEach(async () => {
	const slug = uniqueSlug("acme");
	at = (who) => `${who}@${slug}.test`;
	acme = await signUpAgency(slug, { email: at("ann") });
});

/**
 * The code an authenticator shows `offset` 30-second steps from now. Sign-ins use the next step
 * (accepted: one step of drift) so they never collide with the step enrolment just used, even
 * when a step boundary passes mid-test.
 */
function codeFor(secret: string, offset = 1): string {
	return generateHOTP(decodeBase32IgnorePadding(secret), BigInt(timeStep(Date.now()) + offset), 6);
}

/** Enrols and confirms TOTP for the session's user; returns the secret and the recovery codes. */
async function turnOnTotp(cookie: string): Promise<{ secret: string; recoveryCodes: string[] }> {
	const enrol = await call(acme.host, "/api/v1/me/mfa/totp/enrol", { method: "POST", cookie });
	expect(enrol.status).toBe(200);
	const { secret } = (await enrol.json()) as { secret: string };
	const confirm = await call(acme.host, "/api/v1/me/mfa/totp/confirm", { cookie, body: { code: codeFor(secret, 0) } });
	expect(confirm.status).toBe(200);
	const { recoveryCodes } = (await confirm.json()) as { recoveryCodes: string[] };
	return { secret, recoveryCodes };
}

async function passwordStep(host = acme.host, email = at("ann")): Promise<{ res: Response; body: MfaChallengeResponse }> {
	const res = await call(host, "/api/v1/auth/login", { body: { email, password: PASSWORD }, ip: freshIp() });
	return { res, body: (await res.clone().json()) as MfaChallengeResponse };
}

function secondStep(body: Record<string, string>, host = acme.host): Promise<Response> {
	return call(host, "/api/v1/auth/login/mfa", { body, ip: freshIp() });
}

describe("TOTP enrolment", { timeout: 30_000 }, () => {
	it("gives a secret, an otpauth URI and a QR code, and turns on with a right code, returning ten recovery codes", async () => {
		const enrol = await call(acme.host, "/api/v1/me/mfa/totp/enrol", { method: "POST", cookie: acme.ownerCookie });
		const body = (await enrol.json()) as { secret: string; otpauthUri: string; qrSvg: string };
		expect(body.secret).toMatch(/^[A-Z2-7]{32}$/);
		expect(body.otpauthUri.startsWith(`otpauth://totp/Agency%20${acme.slug}:ann%40${acme.slug}.test?`)).toBe(true);
		expect(body.qrSvg).toMatch(/^<svg[\s\S]*<\/svg>$/);
		const wrong = await call(acme.host, "/api/v1/me/mfa/totp/confirm", { cookie: acme.ownerCookie, body: { code: "000000" } });
		expect(wrong.status).toBe(422);
		const confirm = await call(acme.host, "/api/v1/me/mfa/totp/confirm", {
			cookie: acme.ownerCookie,
			body: { code: codeFor(body.secret) },
		});
		const { recoveryCodes } = (await confirm.json()) as { recoveryCodes: string[] };
		expect(recoveryCodes).toHaveLength(10);
		expect(new Set(recoveryCodes).size).toBe(10);
		const stored = await env.DB.prepare("SELECT id FROM recovery_codes WHERE tenant_id = ?").bind(acme.tenantId).all<{ id: string }>();
		expect(stored.results).toHaveLength(10);
		for (const code of recoveryCodes) expect(JSON.stringify(stored.results)).not.toContain(code);
		const me = (await (await call(acme.host, "/api/v1/me", { cookie: acme.ownerCookie })).json()) as MeResponse;
		expect(me.mfaEnabled).toBe(true);
		expect((await call(acme.host, "/api/v1/me/mfa/totp/enrol", { method: "POST", cookie: acme.ownerCookie })).status).toBe(409);
		const audit = await env.DB.prepare("SELECT COUNT(*) AS n FROM audit_events WHERE tenant_id = ? AND action = 'mfa.totp_enabled'")
			.bind(acme.tenantId)
			.first<{ n: number }>();
		expect(audit?.n).toBe(1);
	});

	it("names a malformed code and changes nothing", async () => {
		await call(acme.host, "/api/v1/me/mfa/totp/enrol", { method: "POST", cookie: acme.ownerCookie });
		const res = await call(acme.host, "/api/v1/me/mfa/totp/confirm", { cookie: acme.ownerCookie, body: { code: "12ab" } });
		expect(res.status).toBe(422);
		expect((await problemOf(res)).errors?.[0]?.path).toBe("code");
		const status = await call(acme.host, "/api/v1/me/mfa", { cookie: acme.ownerCookie });
		expect(await status.json()).toEqual({ totpEnabled: false, recoveryCodesLeft: 0 });
	});
});

describe("two-step sign-in", { timeout: 30_000 }, () => {
	it("answers the password step with a challenge and no cookie, then opens the session with a code", async () => {
		const { secret } = await turnOnTotp(acme.ownerCookie);
		const { res, body } = await passwordStep();
		expect(res.status).toBe(200);
		expect(body).toEqual({ mfaRequired: true, challenge: expect.stringMatching(/^[a-z2-7]{32}$/), methods: ["totp", "recovery_code"] });
		expect(sessionCookie(res)).toBeNull();
		const done = await secondStep({ challenge: body.challenge, code: codeFor(secret) });
		expect(done.status).toBe(200);
		expect(sessionCookie(done)).not.toBeNull();
		expect(((await done.json()) as MeResponse).user.email).toBe(at("ann"));
		// The challenge is single-use.
		expect((await secondStep({ challenge: body.challenge, code: codeFor(secret, 0) })).status).toBe(401);
	});

	it("refuses a code that was already used (replay), even within its time window", async () => {
		const { secret } = await turnOnTotp(acme.ownerCookie);
		const code = codeFor(secret);
		const first = await passwordStep();
		expect((await secondStep({ challenge: first.body.challenge, code })).status).toBe(200);
		const second = await passwordStep();
		const replay = await secondStep({ challenge: second.body.challenge, code });
		expect(replay.status).toBe(401);
		expect(sessionCookie(replay)).toBeNull();
		expect((await problemOf(replay)).errors?.[0]?.path).toBe("code");
	});

	it("accepts each recovery code once", async () => {
		const { recoveryCodes } = await turnOnTotp(acme.ownerCookie);
		const recoveryCode = recoveryCodes[0] as string;
		const first = await passwordStep();
		expect((await secondStep({ challenge: first.body.challenge, recoveryCode })).status).toBe(200);
		const second = await passwordStep();
		expect((await secondStep({ challenge: second.body.challenge, recoveryCode })).status).toBe(401);
		const status = await call(acme.host, "/api/v1/me/mfa", { cookie: acme.ownerCookie });
		expect(await status.json()).toEqual({ totpEnabled: true, recoveryCodesLeft: 9 });
		const audit = await env.DB.prepare("SELECT COUNT(*) AS n FROM audit_events WHERE tenant_id = ? AND action = 'mfa.recovery_code_used'")
			.bind(acme.tenantId)
			.first<{ n: number }>();
		expect(audit?.n).toBe(1);
	});

	it("refuses a challenge on another agency's host, an expired one, and one past its attempt limit", async () => {
		const { secret } = await turnOnTotp(acme.ownerCookie);
		const beta = await signUpAgency(uniqueSlug("beta"));
		const { body } = await passwordStep();
		const elsewhere = await secondStep({ challenge: body.challenge, code: codeFor(secret) }, beta.host);
		expect(elsewhere.status).toBe(401);
		expect((await problemOf(elsewhere)).type).toBe("https://atrium.dev/problems/invalid-challenge");

		await env.DB.prepare("UPDATE mfa_challenges SET expires_at = ? WHERE tenant_id = ?")
			.bind(Date.now() - 1, acme.tenantId)
			.run();
		expect((await secondStep({ challenge: body.challenge, code: codeFor(secret) })).status).toBe(401);

		const limited = await passwordStep();
		await env.DB.prepare("UPDATE mfa_challenges SET attempts = 5 WHERE tenant_id = ?").bind(acme.tenantId).run();
		const refused = await secondStep({ challenge: limited.body.challenge, code: codeFor(secret) });
		expect((await problemOf(refused)).type).toBe("https://atrium.dev/problems/invalid-challenge");
	});

	it("names bad second-step input", async () => {
		const challenge = "x".repeat(32);
		for (const [body, field] of [
			[{ challenge, code: "abc" }, "code"],
			[{ challenge, recoveryCode: "not a code!" }, "recoveryCode"],
			[{ challenge }, "code"],
			[{ challenge, code: "123456", recoveryCode: "abcde-fghij" }, "code"],
			[{ challenge: "short", code: "123456" }, "challenge"],
		] as const) {
			const res = await secondStep(body);
			expect(res.status, JSON.stringify(body)).toBe(422);
			expect((await problemOf(res)).errors?.map((e) => e.path)).toEqual([field]);
		}
	});
});

describe("the TOTP secret at rest", { timeout: 30_000 }, () => {
	const storedSecret = async () =>
		(await env.DB.prepare("SELECT secret FROM totp_credentials WHERE user_id = ?").bind(acme.owner.id).first<{ secret: string }>())
			?.secret ?? "";

	it("is stored AES-GCM encrypted with its key id, never in the clear, and sign-in still works", async () => {
		const { secret } = await turnOnTotp(acme.ownerCookie);
		const stored = await storedSecret();
		expect(stored).toMatch(/^enc:v1:dev:[\w-]+:[\w-]+$/);
		expect(stored).not.toContain(secret);
		const { body } = await passwordStep();
		expect((await secondStep({ challenge: body.challenge, code: codeFor(secret) })).status).toBe(200);
	});

	it("a row from before encryption still signs in and is encrypted on that first use", async () => {
		const legacy = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
		await env.DB.prepare("INSERT INTO totp_credentials (tenant_id, user_id, secret, confirmed_at, created_at) VALUES (?, ?, ?, 1, 1)")
			.bind(acme.tenantId, acme.owner.id, legacy)
			.run();
		const { body } = await passwordStep();
		expect((await secondStep({ challenge: body.challenge, code: codeFor(legacy) })).status).toBe(200);
		expect(await storedSecret()).toMatch(/^enc:v1:dev:/);
		expect(await storedSecret()).not.toContain(legacy);
	});
});

describe("turning MFA off and new recovery codes", { timeout: 30_000 }, () => {
	it("needs a fresh code to turn off; a used code or a wrong one changes nothing", async () => {
		const { secret } = await turnOnTotp(acme.ownerCookie);
		const wrong = await call(acme.host, "/api/v1/me/mfa/totp", { method: "DELETE", cookie: acme.ownerCookie, body: { code: "000000" } });
		expect(wrong.status).toBe(422);
		const off = await call(acme.host, "/api/v1/me/mfa/totp", {
			method: "DELETE",
			cookie: acme.ownerCookie,
			body: { code: codeFor(secret) },
		});
		expect(off.status).toBe(204);
		const me = (await (await call(acme.host, "/api/v1/me", { cookie: acme.ownerCookie })).json()) as MeResponse;
		expect(me.mfaEnabled).toBe(false);
		await logIn(acme.host, at("ann"));
	});

	it("replaces recovery codes with a code; the old ones stop working", async () => {
		const { secret, recoveryCodes } = await turnOnTotp(acme.ownerCookie);
		const res = await call(acme.host, "/api/v1/me/mfa/recovery-codes", { cookie: acme.ownerCookie, body: { code: codeFor(secret) } });
		const fresh = ((await res.json()) as { recoveryCodes: string[] }).recoveryCodes;
		expect(fresh).toHaveLength(10);
		const { body } = await passwordStep();
		expect((await secondStep({ challenge: body.challenge, recoveryCode: recoveryCodes[0] as string })).status).toBe(401);
		expect((await secondStep({ challenge: body.challenge, recoveryCode: fresh[0] as string })).status).toBe(200);
	});
});

describe("mfaRequired policy", { timeout: 30_000 }, () => {
	it("sends covered members without MFA to enrolment: /me says so and other calls answer 403 until they enrol", async () => {
		await addMember(acme.tenantId, "staff", at("sam"));
		await addMember(acme.tenantId, "client", at("cleo"));
		const set = await call(acme.host, "/api/v1/tenant/security-policy", {
			method: "PATCH",
			cookie: acme.ownerCookie,
			body: { mfaRequired: "staff" },
		});
		expect(set.status).toBe(200);
		const sam = await logIn(acme.host, at("sam"));
		const me = (await (await call(acme.host, "/api/v1/me", { cookie: sam })).json()) as MeResponse;
		expect(me.mfaSetupRequired).toBe(true);
		const blocked = await call(acme.host, "/api/v1/me/sessions", { cookie: sam });
		expect(blocked.status).toBe(403);
		expect((await problemOf(blocked)).type).toBe("https://atrium.dev/problems/mfa-setup-required");
		const cleo = await logIn(acme.host, at("cleo"));
		expect((await call(acme.host, "/api/v1/me/sessions", { cookie: cleo })).status).toBe(200);

		await turnOnTotp(sam);
		expect((await call(acme.host, "/api/v1/me/sessions", { cookie: sam })).status).toBe(200);
		const after = (await (await call(acme.host, "/api/v1/me", { cookie: sam })).json()) as MeResponse;
		expect(after.mfaSetupRequired).toBe(false);
	});
});
