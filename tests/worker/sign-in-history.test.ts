/** Sign-in history: the account's own (every user) and the agency's (audit:read), paginated, filtered, per tenant. */
import { beforeEach, describe, expect, it } from "vitest";
import type { SignInPage } from "../../schema/dto/account-security";
import { type Agency, logIn, signUpAgency, uniqueSlug } from "../support/agencies";
import { call, freshIp, problemOf } from "../support/http";
import { addMember } from "./members";

let acme: Agency;
let beta: Agency;
/** This test's addresses: `who@<acme's slug>.test`, `who@<beta's slug>.test`. */
let atAcme: (who: string) => string;
let atBeta: (who: string) => string;
beforeEach(async () => {
	const acmeSlug = uniqueSlug("acme");
	const betaSlug = uniqueSlug("beta");
	atAcme = (who) => `${who}@${acmeSlug}.test`;
	atBeta = (who) => `${who}@${betaSlug}.test`;
	acme = await signUpAgency(acmeSlug, { email: atAcme("ann") });
	beta = await signUpAgency(betaSlug, { email: atBeta("bob") });
});

async function failLogin(host: string, email: string): Promise<void> {
	const res = await call(host, "/api/v1/auth/login", { body: { email, password: "wrong password" }, ip: freshIp() });
	expect(res.status).toBe(401);
}

describe("GET /api/v1/me/sign-ins", () => {
	it("pages the user's own attempts newest first, with nobody else's", async () => {
		await addMember(acme.tenantId, "staff", atAcme("sam"));
		await failLogin(acme.host, atAcme("ann"));
		await logIn(acme.host, atAcme("ann"));
		await logIn(acme.host, atAcme("sam"));
		const first = (await (await call(acme.host, "/api/v1/me/sign-ins?limit=2", { cookie: acme.ownerCookie })).json()) as SignInPage;
		expect(first.events.map((e) => [e.method, e.outcome])).toEqual([
			["password", "success"],
			["password", "invalid_credentials"],
		]);
		expect(first.nextCursor).not.toBeNull();
		const second = (await (
			await call(acme.host, `/api/v1/me/sign-ins?limit=2&cursor=${first.nextCursor}`, { cookie: acme.ownerCookie })
		).json()) as SignInPage;
		expect(second.events.map((e) => [e.method, e.outcome])).toEqual([["handoff", "success"]]);
		expect(second.nextCursor).toBeNull();
		expect([...first.events, ...second.events].every((e) => e.email === atAcme("ann"))).toBe(true);
	});

	it("names a bad query parameter", async () => {
		for (const [query, field] of [
			["limit=0", "limit"],
			["cursor=x", "cursor"],
			["extra=1", "extra"],
		] as const) {
			const res = await call(acme.host, `/api/v1/me/sign-ins?${query}`, { cookie: acme.ownerCookie });
			expect(res.status, query).toBe(422);
			expect((await problemOf(res)).errors?.[0]?.path).toBe(field);
		}
	});
});

describe("GET /api/v1/sign-ins", () => {
	it("shows admins every attempt on the agency, filtered by user and outcome, and only this agency's", async () => {
		const samId = await addMember(acme.tenantId, "staff", atAcme("sam"));
		await failLogin(acme.host, atAcme("sam"));
		await failLogin(acme.host, atAcme("nobody"));
		await logIn(acme.host, atAcme("sam"));
		await failLogin(beta.host, atBeta("bob"));
		const all = (await (await call(acme.host, "/api/v1/sign-ins", { cookie: acme.ownerCookie })).json()) as SignInPage;
		expect(all.events.map((e) => e.email)).toEqual([atAcme("sam"), atAcme("nobody"), atAcme("sam"), atAcme("ann")]);
		const failed = (await (
			await call(acme.host, "/api/v1/sign-ins?outcome=invalid_credentials", { cookie: acme.ownerCookie })
		).json()) as SignInPage;
		expect(failed.events.map((e) => e.email)).toEqual([atAcme("nobody"), atAcme("sam")]);
		const sam = (await (await call(acme.host, `/api/v1/sign-ins?userId=${samId}`, { cookie: acme.ownerCookie })).json()) as SignInPage;
		expect(sam.events.map((e) => e.outcome)).toEqual(["success", "invalid_credentials"]);
		const betaView = (await (await call(beta.host, `/api/v1/sign-ins?userId=${samId}`, { cookie: beta.ownerCookie })).json()) as SignInPage;
		expect(betaView.events).toEqual([]);
	});

	it("is refused to staff (403) and visitors (401); a bad outcome is named", async () => {
		await addMember(acme.tenantId, "staff", atAcme("sam"));
		const staff = await logIn(acme.host, atAcme("sam"));
		expect((await call(acme.host, "/api/v1/sign-ins", { cookie: staff })).status).toBe(403);
		expect((await call(acme.host, "/api/v1/sign-ins")).status).toBe(401);
		const bad = await call(acme.host, "/api/v1/sign-ins?outcome=maybe", { cookie: acme.ownerCookie });
		expect(bad.status).toBe(422);
		expect((await problemOf(bad)).errors?.[0]?.path).toBe("outcome");
	});
});
