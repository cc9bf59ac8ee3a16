/** Changing the password (other sessions end, this one stays) and the email (only once the new address confirms). */
import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import type { MeResponse } from "../../schema/dto/auth";
import { type Agency, logIn, PASSWORD, signUpAgency, uniqueSlug } from "../support/agencies";
import { call, freshIp, problemOf } from "../support/http";
import { tokenIn, waitForEmail } from "../support/mailbox";
import { addMember } from "./members";

let acme: Agency;
/** Addresses of the test's own agency (the tests of this file share storage and mailbox). */
let ann: string;
let domain: string;
/** The new address with capitals, as a person might type it: `Ann.New@Acme-….test`. */
let annNew: string;
beforeEach(async () => {
	const slug = uniqueSlug("acme");
	domain = `${slug}.test`;
	ann = `ann@${domain}`;
	annNew = `Ann.New@${slug.charAt(0).toUpperCase()}${slug.slice(1)}.test`;
	acme = await signUpAgency(slug, { email: ann });
});

/** How many audit events of `action` the test's agency has. */
async function auditCount(action: string): Promise<number> {
	const row = await env.DB.prepare("SELECT COUNT(*) AS n FROM audit_events WHERE tenant_id = ? AND action = ?")
		.bind(acme.tenantId, action)
		.first<{ n: number }>();
	return row?.n ?? 0;
}

const NEW_PASSWORD = "another long passphrase";

describe("POST /api/v1/me/password", { timeout: 30_000 }, () => {
	it("changes the password, ends the other sessions and keeps this one", async () => {
		const other = await logIn(acme.host, ann);
		const res = await call(acme.host, "/api/v1/me/password", {
			cookie: acme.ownerCookie,
			body: { currentPassword: PASSWORD, newPassword: NEW_PASSWORD },
		});
		expect(res.status).toBe(200);
		expect(await res.json()).toEqual({ revoked: 1 });
		expect((await call(acme.host, "/api/v1/me", { cookie: other })).status).toBe(401);
		expect((await call(acme.host, "/api/v1/me", { cookie: acme.ownerCookie })).status).toBe(200);
		await logIn(acme.host, ann, NEW_PASSWORD);
		expect(await auditCount("auth.password_changed")).toBe(1);
	});

	it("names a wrong current password or a short new one, and changes nothing", async () => {
		const wrong = await call(acme.host, "/api/v1/me/password", {
			cookie: acme.ownerCookie,
			body: { currentPassword: "not my password", newPassword: NEW_PASSWORD },
		});
		expect(wrong.status).toBe(422);
		expect((await problemOf(wrong)).errors).toEqual([{ path: "currentPassword", message: "is not your current password" }]);
		const short = await call(acme.host, "/api/v1/me/password", {
			cookie: acme.ownerCookie,
			body: { currentPassword: PASSWORD, newPassword: "x" },
		});
		expect((await problemOf(short)).errors?.map((e) => e.path)).toEqual(["newPassword"]);
		await logIn(acme.host, ann, PASSWORD);
		expect((await call(acme.host, "/api/v1/me/password", { body: { currentPassword: PASSWORD, newPassword: NEW_PASSWORD } })).status).toBe(
			401,
		);
	});
});

describe("POST /api/v1/me/email", { timeout: 30_000 }, () => {
	it("mails a link to the new address and changes the email only when it is opened", async () => {
		const res = await call(acme.host, "/api/v1/me/email", {
			cookie: acme.ownerCookie,
			body: { newEmail: annNew, currentPassword: PASSWORD },
		});
		expect(res.status).toBe(202);
		const link = await waitForEmail(annNew, /^Confirm your new email/);
		let me = (await (await call(acme.host, "/api/v1/me", { cookie: acme.ownerCookie })).json()) as MeResponse;
		expect(me.user.email).toBe(ann);
		const used = await call(acme.host, "/api/v1/auth/verify-email", { body: { token: tokenIn(link) } });
		expect(await used.json()).toEqual({ email: annNew });
		me = (await (await call(acme.host, "/api/v1/me", { cookie: acme.ownerCookie })).json()) as MeResponse;
		expect(me.user.email).toBe(annNew);
		expect(me.emailVerified).toBe(true);
		await logIn(acme.host, annNew.toLowerCase());
		const old = await call(acme.host, "/api/v1/auth/login", { body: { email: ann, password: PASSWORD }, ip: freshIp() });
		expect(old.status).toBe(401);
		const audit = await env.DB.prepare("SELECT detail FROM audit_events WHERE tenant_id = ? AND action = 'auth.email_changed'")
			.bind(acme.tenantId)
			.all();
		expect(audit.results).toEqual([{ detail: JSON.stringify({ from: ann, to: annNew }) }]);
	});

	it("answers 409 naming newEmail when another account of the agency has it, 422 for a wrong password, and changes nothing", async () => {
		await addMember(acme.tenantId, "staff", `sam@${domain}`);
		const taken = await call(acme.host, "/api/v1/me/email", {
			cookie: acme.ownerCookie,
			body: { newEmail: `SAM@${domain}`, currentPassword: PASSWORD },
		});
		expect(taken.status).toBe(409);
		expect((await problemOf(taken)).errors?.[0]?.path).toBe("newEmail");
		const wrong = await call(acme.host, "/api/v1/me/email", {
			cookie: acme.ownerCookie,
			body: { newEmail: `x@${domain}`, currentPassword: "nope" },
		});
		expect(wrong.status).toBe(422);
		expect((await problemOf(wrong)).errors?.[0]?.path).toBe("currentPassword");
		const bad = await call(acme.host, "/api/v1/me/email", {
			cookie: acme.ownerCookie,
			body: { newEmail: "nope", currentPassword: PASSWORD },
		});
		expect((await problemOf(bad)).errors?.[0]?.path).toBe("newEmail");
		const pending = await env.DB.prepare("SELECT COUNT(*) AS n FROM account_tokens WHERE tenant_id = ? AND purpose = 'change_email'")
			.bind(acme.tenantId)
			.first<{ n: number }>();
		expect(pending?.n).toBe(0);
	});

	it("does not mind the same address on another agency", async () => {
		const shared = `shared@${uniqueSlug("example")}.test`;
		await signUpAgency(uniqueSlug("beta"), { email: shared });
		const res = await call(acme.host, "/api/v1/me/email", {
			cookie: acme.ownerCookie,
			body: { newEmail: shared, currentPassword: PASSWORD },
		});
		expect(res.status).toBe(202);
	});
});
