/** Changing the password (other sessions end, this one stays) and the email (only once the new address confirms). */
import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import type { MeResponse } from "../../schema/dto/auth";
import { resetStorageBeforeEachTest } from "../support/storage";
import { type Agency, call, freshIp, logIn, PASSWORD, problemOf, signUpAgency } from "./helpers";
import { tokenIn, waitForEmail } from "./mailbox";
import { addMember } from "./members";

// Legacy: these tests reuse agency slugs or count rows of every tenant, so each starts from empty
// storage (~0.2 s a test) until converted to unique slugs (tests/support/README.md).
resetStorageBeforeEachTest();

let acme: Agency;
beforeEach(async () => {
	acme = await signUpAgency("acme", { email: "ann@acme.test" });
});

const NEW_PASSWORD = "another long passphrase";

describe("POST /api/v1/me/password", { timeout: 30_000 }, () => {
	it("changes the password, ends the other sessions and keeps this one", async () => {
		const other = await logIn(acme.host, "ann@acme.test");
		const res = await call(acme.host, "/api/v1/me/password", {
			cookie: acme.ownerCookie,
			body: { currentPassword: PASSWORD, newPassword: NEW_PASSWORD },
		});
		expect(res.status).toBe(200);
		expect(await res.json()).toEqual({ revoked: 1 });
		expect((await call(acme.host, "/api/v1/me", { cookie: other })).status).toBe(401);
		expect((await call(acme.host, "/api/v1/me", { cookie: acme.ownerCookie })).status).toBe(200);
		await logIn(acme.host, "ann@acme.test", NEW_PASSWORD);
		const audit = await env.DB.prepare("SELECT COUNT(*) AS n FROM audit_events WHERE action = 'auth.password_changed'").first<{
			n: number;
		}>();
		expect(audit?.n).toBe(1);
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
		await logIn(acme.host, "ann@acme.test", PASSWORD);
		expect((await call(acme.host, "/api/v1/me/password", { body: { currentPassword: PASSWORD, newPassword: NEW_PASSWORD } })).status).toBe(
			401,
		);
	});
});

describe("POST /api/v1/me/email", { timeout: 30_000 }, () => {
	it("mails a link to the new address and changes the email only when it is opened", async () => {
		const res = await call(acme.host, "/api/v1/me/email", {
			cookie: acme.ownerCookie,
			body: { newEmail: "Ann.New@Acme.test", currentPassword: PASSWORD },
		});
		expect(res.status).toBe(202);
		const link = await waitForEmail("Ann.New@Acme.test", /^Confirm your new email/);
		let me = (await (await call(acme.host, "/api/v1/me", { cookie: acme.ownerCookie })).json()) as MeResponse;
		expect(me.user.email).toBe("ann@acme.test");
		const used = await call(acme.host, "/api/v1/auth/verify-email", { body: { token: tokenIn(link) } });
		expect(await used.json()).toEqual({ email: "Ann.New@Acme.test" });
		me = (await (await call(acme.host, "/api/v1/me", { cookie: acme.ownerCookie })).json()) as MeResponse;
		expect(me.user.email).toBe("Ann.New@Acme.test");
		expect(me.emailVerified).toBe(true);
		await logIn(acme.host, "ann.new@acme.test");
		const old = await call(acme.host, "/api/v1/auth/login", { body: { email: "ann@acme.test", password: PASSWORD }, ip: freshIp() });
		expect(old.status).toBe(401);
		const audit = await env.DB.prepare("SELECT detail FROM audit_events WHERE action = 'auth.email_changed'").all();
		expect(audit.results).toEqual([{ detail: JSON.stringify({ from: "ann@acme.test", to: "Ann.New@Acme.test" }) }]);
	});

	it("answers 409 naming newEmail when another account of the agency has it, 422 for a wrong password, and changes nothing", async () => {
		await addMember(acme.tenantId, "staff", "sam@acme.test");
		const taken = await call(acme.host, "/api/v1/me/email", {
			cookie: acme.ownerCookie,
			body: { newEmail: "SAM@acme.test", currentPassword: PASSWORD },
		});
		expect(taken.status).toBe(409);
		expect((await problemOf(taken)).errors?.[0]?.path).toBe("newEmail");
		const wrong = await call(acme.host, "/api/v1/me/email", {
			cookie: acme.ownerCookie,
			body: { newEmail: "x@acme.test", currentPassword: "nope" },
		});
		expect(wrong.status).toBe(422);
		expect((await problemOf(wrong)).errors?.[0]?.path).toBe("currentPassword");
		const bad = await call(acme.host, "/api/v1/me/email", {
			cookie: acme.ownerCookie,
			body: { newEmail: "nope", currentPassword: PASSWORD },
		});
		expect((await problemOf(bad)).errors?.[0]?.path).toBe("newEmail");
		const pending = await env.DB.prepare("SELECT COUNT(*) AS n FROM account_tokens WHERE purpose = 'change_email'").first<{ n: number }>();
		expect(pending?.n).toBe(0);
	});

	it("does not mind the same address on another agency", async () => {
		await signUpAgency("beta", { email: "shared@example.test" });
		const res = await call(acme.host, "/api/v1/me/email", {
			cookie: acme.ownerCookie,
			body: { newEmail: "shared@example.test", currentPassword: PASSWORD },
		});
		expect(res.status).toBe(202);
	});
});
