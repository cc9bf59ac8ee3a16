/** Password reset by emailed link: identical answers for unknown emails, single use, expiry, sessions revoked, lockout cleared. */
import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { type Agency, logIn, PASSWORD, signUpAgency, uniqueSlug } from "../support/agencies";
import { call, freshIp, problemOf } from "../support/http";
import { countEmails, tokenIn, waitForEmail, waitForEmails } from "../support/mailbox";

const RESET_SUBJECT = /^Reset your .* password$/;
const NEW_PASSWORD = "a brand new passphrase";

let acme: Agency;
/** The owner's address, and an address of the same agency with no account. */
let ann: string;
let nobody: string;
beforeEach(async () => {
	const slug = uniqueSlug("acme");
	ann = `ann@${slug}.test`;
	nobody = `nobody@${slug}.test`;
	acme = await signUpAgency(slug, { email: ann });
});

function requestReset(email: string, host = acme.host, ip = freshIp()): Promise<Response> {
	return call(host, "/api/v1/auth/password-reset/request", { body: { email }, ip });
}

async function resetToken(): Promise<string> {
	expect((await requestReset(ann)).status).toBe(202);
	return tokenIn(await waitForEmail(ann, RESET_SUBJECT));
}

describe("POST /api/v1/auth/password-reset/request", { timeout: 30_000 }, () => {
	it("answers 202 with the same body whether or not the email has an account, and mails only a real account", async () => {
		const known = await requestReset(ann);
		const unknown = await requestReset(nobody);
		expect(known.status).toBe(202);
		expect(unknown.status).toBe(202);
		expect(await unknown.text()).toBe(await known.text());
		await waitForEmail(ann, RESET_SUBJECT);
		expect(await countEmails(nobody, /.*/)).toBe(0);
	});

	it("rate-limits per email quietly: still 202, but no more emails", async () => {
		for (let i = 0; i < 5; i++) expect((await requestReset(ann)).status).toBe(202);
		await waitForEmails(ann, RESET_SUBJECT, 3);
		expect(await countEmails(ann, RESET_SUBJECT)).toBe(3);
	});

	it("names a malformed email", async () => {
		const res = await requestReset("not-an-email");
		expect(res.status).toBe(422);
		expect((await problemOf(res)).errors?.[0]?.path).toBe("email");
	});
});

describe("POST /api/v1/auth/password-reset/complete", { timeout: 30_000 }, () => {
	it("sets the new password, signs the account out everywhere, works once, and is audited", async () => {
		const other = await logIn(acme.host, ann);
		const token = await resetToken();
		const res = await call(acme.host, "/api/v1/auth/password-reset/complete", { body: { token, password: NEW_PASSWORD } });
		expect(res.status).toBe(204);
		for (const cookie of [acme.ownerCookie, other]) expect((await call(acme.host, "/api/v1/me", { cookie })).status).toBe(401);
		const sessions = await env.DB.prepare("SELECT COUNT(*) AS n FROM sessions WHERE tenant_id = ?")
			.bind(acme.tenantId)
			.first<{ n: number }>();
		expect(sessions?.n).toBe(0);
		expect((await call(acme.host, "/api/v1/auth/login", { body: { email: ann, password: PASSWORD }, ip: freshIp() })).status).toBe(401);
		await logIn(acme.host, ann, NEW_PASSWORD);
		const again = await call(acme.host, "/api/v1/auth/password-reset/complete", { body: { token, password: "yet another passphrase" } });
		expect(again.status).toBe(400);
		const audit = await env.DB.prepare("SELECT target_id, detail FROM audit_events WHERE tenant_id = ? AND action = 'auth.password_reset'")
			.bind(acme.tenantId)
			.all();
		expect(audit.results).toEqual([{ target_id: acme.owner.id, detail: JSON.stringify({ sessionsRevoked: 2 }) }]);
	});

	it("clears a lockout", async () => {
		for (let i = 0; i < 5; i++) await call(acme.host, "/api/v1/auth/login", { body: { email: ann, password: `bad ${i}` }, ip: freshIp() });
		const token = await resetToken();
		await call(acme.host, "/api/v1/auth/password-reset/complete", { body: { token, password: NEW_PASSWORD } });
		await logIn(acme.host, ann, NEW_PASSWORD);
	});

	it("refuses an expired link and a link from another agency", async () => {
		const token = await resetToken();
		const beta = await signUpAgency(uniqueSlug("beta"), { email: ann });
		expect((await call(beta.host, "/api/v1/auth/password-reset/complete", { body: { token, password: NEW_PASSWORD } })).status).toBe(400);
		await logIn(beta.host, ann);
		await env.DB.prepare("UPDATE account_tokens SET expires_at = ? WHERE tenant_id = ?")
			.bind(Date.now() - 1, acme.tenantId)
			.run();
		expect((await call(acme.host, "/api/v1/auth/password-reset/complete", { body: { token, password: NEW_PASSWORD } })).status).toBe(400);
		expect((await call(acme.host, "/api/v1/me", { cookie: acme.ownerCookie })).status).toBe(200);
	});

	it("names a too-short password and leaves the link usable", async () => {
		const token = await resetToken();
		const bad = await call(acme.host, "/api/v1/auth/password-reset/complete", { body: { token, password: "short" } });
		expect(bad.status).toBe(422);
		expect((await problemOf(bad)).errors?.map((e) => e.path)).toEqual(["password"]);
		expect((await call(acme.host, "/api/v1/me", { cookie: acme.ownerCookie })).status).toBe(200);
		expect((await call(acme.host, "/api/v1/auth/password-reset/complete", { body: { token, password: NEW_PASSWORD } })).status).toBe(204);
	});
});
