/** Email verification: the sign-up link, resending, single use and expiry, and the read-only policy for unverified accounts. */
import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import type { MeResponse } from "../../schema/dto/auth";
import { type Agency, logIn, signUpAgency, signUpUniqueAgency, uniqueSlug } from "../support/agencies";
import { call, problemOf } from "../support/http";
import { tokenIn, waitForEmail, waitForEmails } from "../support/mailbox";
import { addMember } from "./members";

const VERIFY_SUBJECT = /^Confirm your email for /;

let acme: Agency;
/** Addresses of the test's own agency (the tests of this file share storage and mailbox). */
let domain: string;
let ann: string;
beforeEach(async () => {
	const slug = uniqueSlug("acme");
	domain = `${slug}.test`;
	ann = `ann@${domain}`;
	acme = await signUpAgency(slug, { email: ann });
});

async function meOf(cookie: string, host = acme.host): Promise<MeResponse> {
	return (await (await call(host, "/api/v1/me", { cookie })).json()) as MeResponse;
}

describe("POST /api/v1/auth/verify-email", () => {
	it("confirms the address with the link sent at sign-up, once", async () => {
		expect((await meOf(acme.ownerCookie)).emailVerified).toBe(false);
		const email = await waitForEmail(ann, VERIFY_SUBJECT);
		expect(email.text).toContain(`http://${acme.host}/verify-email?token=`);
		const token = tokenIn(email);
		const res = await call(acme.host, "/api/v1/auth/verify-email", { body: { token } });
		expect(res.status).toBe(200);
		expect(await res.json()).toEqual({ email: ann });
		expect((await meOf(acme.ownerCookie)).emailVerified).toBe(true);
		const again = await call(acme.host, "/api/v1/auth/verify-email", { body: { token } });
		expect(again.status).toBe(400);
		expect((await problemOf(again)).errors?.[0]?.path).toBe("token");
		const audit = await env.DB.prepare("SELECT target_id FROM audit_events WHERE tenant_id = ? AND action = 'auth.email_verified'")
			.bind(acme.tenantId)
			.all();
		expect(audit.results).toEqual([{ target_id: acme.owner.id }]);
	});

	it("refuses an expired link and another agency's link, changing nothing", async () => {
		const token = tokenIn(await waitForEmail(ann, VERIFY_SUBJECT));
		const beta = await signUpUniqueAgency("beta");
		expect((await call(beta.host, "/api/v1/auth/verify-email", { body: { token } })).status).toBe(400);
		await env.DB.prepare("UPDATE account_tokens SET expires_at = ? WHERE tenant_id = ?")
			.bind(Date.now() - 1, acme.tenantId)
			.run();
		expect((await call(acme.host, "/api/v1/auth/verify-email", { body: { token } })).status).toBe(400);
		expect((await meOf(acme.ownerCookie)).emailVerified).toBe(false);
	});

	it("names a malformed token", async () => {
		const res = await call(acme.host, "/api/v1/auth/verify-email", { body: { token: 42 } });
		expect(res.status).toBe(422);
		expect((await problemOf(res)).errors?.[0]?.path).toBe("token");
	});
});

describe("POST /api/v1/me/email/verification", () => {
	it("sends a fresh link, is rate-limited, and says 409 once the email is verified", async () => {
		await waitForEmail(ann, VERIFY_SUBJECT);
		const statuses: number[] = [];
		for (let i = 0; i < 4; i++) {
			statuses.push((await call(acme.host, "/api/v1/me/email/verification", { method: "POST", cookie: acme.ownerCookie })).status);
		}
		expect(statuses).toEqual([202, 202, 202, 429]);
		const emails = await waitForEmails(ann, VERIFY_SUBJECT, 4);
		const latest = tokenIn(emails.at(-1) as (typeof emails)[number]);
		expect((await call(acme.host, "/api/v1/auth/verify-email", { body: { token: latest } })).status).toBe(200);
		const done = await call(acme.host, "/api/v1/me/email/verification", { method: "POST", cookie: acme.ownerCookie });
		expect(done.status).toBe(409);
	});

	it("is 401 for visitors", async () => {
		expect((await call(acme.host, "/api/v1/me/email/verification", { method: "POST" })).status).toBe(401);
	});
});

describe("unverifiedAccess policy", () => {
	it("read_only lets unverified accounts read and manage their own account, and refuses other writes with a clear 403", async () => {
		await addMember(acme.tenantId, "admin", `ada@${domain}`);
		const policy = await call(acme.host, "/api/v1/tenant/security-policy", {
			method: "PATCH",
			cookie: acme.ownerCookie,
			body: { unverifiedAccess: "read_only" },
		});
		expect(await policy.json()).toEqual({ unverifiedAccess: "read_only", mfaRequired: "off" });
		const ada = await logIn(acme.host, `ada@${domain}`);
		expect((await call(acme.host, "/api/v1/tenant/security-policy", { cookie: ada })).status).toBe(200);
		const write = await call(acme.host, "/api/v1/tenant/security-policy", { method: "PATCH", cookie: ada, body: { mfaRequired: "staff" } });
		expect(write.status).toBe(403);
		expect((await problemOf(write)).type).toBe("https://atrium.dev/problems/email-verification-required");
		expect((await call(acme.host, "/api/v1/me/email/verification", { method: "POST", cookie: ada })).status).toBe(202);
		const token = tokenIn(await waitForEmail(`ada@${domain}`, VERIFY_SUBJECT));
		expect((await call(acme.host, "/api/v1/auth/verify-email", { body: { token } })).status).toBe(200);
		const after = await call(acme.host, "/api/v1/tenant/security-policy", { method: "PATCH", cookie: ada, body: { mfaRequired: "off" } });
		expect(after.status).toBe(200);
	});
});

describe("PATCH /api/v1/tenant/security-policy", () => {
	it("is for tenant:manage only, names bad fields without changing anything, and stays within the agency", async () => {
		await addMember(acme.tenantId, "staff", `sam@${domain}`);
		const sam = await logIn(acme.host, `sam@${domain}`);
		expect(
			(await call(acme.host, "/api/v1/tenant/security-policy", { method: "PATCH", cookie: sam, body: { mfaRequired: "everyone" } })).status,
		).toBe(403);
		const bad = await call(acme.host, "/api/v1/tenant/security-policy", {
			method: "PATCH",
			cookie: acme.ownerCookie,
			body: { mfaRequired: "sometimes", unverifiedAccess: "full" },
		});
		expect(bad.status).toBe(422);
		expect((await problemOf(bad)).errors?.map((e) => e.path)).toEqual(["mfaRequired"]);
		const beta = await signUpUniqueAgency("beta");
		await call(beta.host, "/api/v1/tenant/security-policy", {
			method: "PATCH",
			cookie: beta.ownerCookie,
			body: { unverifiedAccess: "read_only" },
		});
		const current = await call(acme.host, "/api/v1/tenant/security-policy", { cookie: acme.ownerCookie });
		expect(await current.json()).toEqual({ unverifiedAccess: "full", mfaRequired: "off" });
	});
});
