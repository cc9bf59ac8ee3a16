/** Password sign-in, `/me`, sign-out, session expiry and renewal, and rate limits on sign-in. */

import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import type { MeResponse } from "../../schema/dto/auth";
import { PERMISSIONS } from "../../schema/permissions";
import { tokenId } from "../../worker/lib/tokens";
import { type Agency, logIn, PASSWORD, signUpAgency, uniqueSlug } from "../support/agencies";
import { call, freshIp, problemOf, sessionCookie } from "../support/http";
import { addMember } from "./members";

let acme: Agency;
/** Lower-case addresses at this test's own agency (the mailbox is shared): the owner's is `at("ann")`. */
let at: (who: string) => string;
/** The owner's address as signed up, in mixed case. */
let annMixedCase: string;
beforeEach(async () => {
	const slug = uniqueSlug("acme");
	at = (who) => `${who}@${slug}.test`;
	annMixedCase = `Ann@${slug.charAt(0).toUpperCase()}${slug.slice(1)}.test`;
	acme = await signUpAgency(slug, { email: annMixedCase, name: "Ann Owner" });
});

/** Password sign-in events of this test's agency. */
async function signInEvents(): Promise<{ outcome: string; email: string | null; user_id: string | null }[]> {
	const rows = await env.DB.prepare(
		"SELECT outcome, email, user_id FROM sign_in_events WHERE tenant_id = ? AND method = 'password' ORDER BY created_at, id",
	)
		.bind(acme.tenantId)
		.all();
	return rows.results as { outcome: string; email: string | null; user_id: string | null }[];
}

describe("POST /api/v1/auth/login", () => {
	it("signs in with any capitalisation of the email, sets an HttpOnly Lax cookie and returns the identity", async () => {
		const res = await call(acme.host, "/api/v1/auth/login", {
			body: { email: ` ann@${acme.slug.toUpperCase()}.test `, password: PASSWORD },
			ip: freshIp(),
		});
		expect(res.status).toBe(200);
		expect(await res.json()).toEqual({
			user: { id: acme.owner.id, email: annMixedCase, name: "Ann Owner" },
			tenant: { id: acme.tenantId, slug: acme.slug, name: `Agency ${acme.slug}` },
			role: "owner",
			permissions: [...PERMISSIONS],
			emailVerified: false,
			mfaEnabled: false,
			mfaSetupRequired: false,
			profile: { timeZone: null, locale: null, avatarUrl: null, appearance: null },
		});
		const setCookie = res.headers.getSetCookie().join("\n");
		expect(setCookie).toMatch(/atrium_session=[a-z2-7]{32}; Path=\/; Expires=[^;]+; HttpOnly; SameSite=Lax/);
		const token = sessionCookie(res)?.split("=")[1] ?? "";
		const stored = await env.DB.prepare("SELECT id FROM sessions WHERE id = ?").bind(tokenId(token)).first();
		expect(stored).not.toBeNull();
		const plain = await env.DB.prepare("SELECT COUNT(*) AS n FROM sessions WHERE id = ?").bind(token).first<{ n: number }>();
		expect(plain?.n).toBe(0);
		expect((await signInEvents()).map((e) => e.outcome)).toEqual(["success"]);
	});

	it("answers 401 without saying whether the email exists, and records both failures", async () => {
		const wrongPassword = await call(acme.host, "/api/v1/auth/login", {
			body: { email: at("ann"), password: "not the password" },
			ip: freshIp(),
		});
		const noAccount = await call(acme.host, "/api/v1/auth/login", {
			body: { email: at("nobody"), password: "not the password" },
			ip: freshIp(),
		});
		expect(wrongPassword.status).toBe(401);
		expect(noAccount.status).toBe(401);
		const [a, b] = [await problemOf(wrongPassword), await problemOf(noAccount)];
		expect(a.detail).toBe(b.detail);
		expect(a.title).toBe(b.title);
		expect(sessionCookie(wrongPassword)).toBeNull();
		expect(await signInEvents()).toEqual([
			{ outcome: "invalid_credentials", email: at("ann"), user_id: acme.owner.id },
			{ outcome: "invalid_credentials", email: at("nobody"), user_id: null },
		]);
	});

	it("is safe from session fixation: a planted cookie, made up or the attacker's own, is never the one signed in", async () => {
		await addMember(acme.tenantId, "staff", at("sam"));
		const madeUp = "atrium_session=abcdefghijklmnopqrstuvwxyz234567";
		const fresh = await logIn(acme.host, at("sam"), PASSWORD, { cookie: madeUp });
		expect(fresh).not.toBe(madeUp);
		expect((await call(acme.host, "/api/v1/me", { cookie: madeUp })).status).toBe(401);
		// The attacker's own session planted in Sam's browser stays the attacker's: Sam's sign-in gets a new token.
		const mine = await logIn(acme.host, at("sam"), PASSWORD, { cookie: acme.ownerCookie });
		expect(mine).not.toBe(acme.ownerCookie);
		const planted = (await (await call(acme.host, "/api/v1/me", { cookie: acme.ownerCookie })).json()) as MeResponse;
		expect(planted.user.email).toBe(annMixedCase);
		const sam = (await (await call(acme.host, "/api/v1/me", { cookie: mine })).json()) as MeResponse;
		expect(sam.user.email).toBe(at("sam"));
	});

	it("does not accept one tenant's account on another tenant's host", async () => {
		const beta = await signUpAgency(uniqueSlug("beta"));
		const res = await call(beta.host, "/api/v1/auth/login", { body: { email: at("ann"), password: PASSWORD }, ip: freshIp() });
		expect(res.status).toBe(401);
	});

	it("limits attempts per account: the sixth quick try gets 429 with Retry-After, even with the right password", async () => {
		const statuses: number[] = [];
		for (let i = 0; i < 5; i++) {
			const res = await call(acme.host, "/api/v1/auth/login", { body: { email: at("ann"), password: `wrong ${i}` }, ip: freshIp() });
			statuses.push(res.status);
		}
		const blocked = await call(acme.host, "/api/v1/auth/login", { body: { email: at("ann"), password: PASSWORD }, ip: freshIp() });
		expect(statuses).toEqual([401, 401, 401, 401, 401]);
		expect(blocked.status).toBe(429);
		expect(Number(blocked.headers.get("Retry-After"))).toBeGreaterThanOrEqual(1);
		expect(sessionCookie(blocked)).toBeNull();
		expect((await signInEvents()).at(-1)?.outcome).toBe("locked");
		// Another account on the same tenant is not affected.
		const other = await call(acme.host, "/api/v1/auth/login", {
			body: { email: at("other"), password: "whatever1234" },
			ip: freshIp(),
		});
		expect(other.status).toBe(401);
	});

	// Each attempt runs Argon2id on a CPU shared with other suites: more than the default 5 s.
	it("limits attempts per IP across accounts", async () => {
		const ip = freshIp();
		const statuses: number[] = [];
		// The bucket holds 20 and refills one every 3 s, far slower than these attempts come.
		for (let i = 0; i < 30 && !statuses.includes(429); i++) {
			const res = await call(acme.host, "/api/v1/auth/login", { body: { email: at(`guess${i}`), password: "wrong password" }, ip });
			statuses.push(res.status);
		}
		expect(statuses.slice(0, 20)).toEqual(Array(20).fill(401));
		expect(statuses.at(-1)).toBe(429);
	}, 30_000);

	// Each attempt runs Argon2id on a CPU shared with other suites: more than the default 5 s.
	it("keeps rate limits per tenant: hammering one agency does not block another", async () => {
		const beta = await signUpAgency(uniqueSlug("beta"));
		const ip = freshIp();
		for (let i = 0; i < 21; i++)
			await call(acme.host, "/api/v1/auth/login", { body: { email: at(`x${i}`), password: "wrong password" }, ip });
		const res = await call(beta.host, "/api/v1/auth/login", { body: { email: beta.owner.email, password: PASSWORD }, ip });
		expect(res.status).toBe(200);
	}, 30_000);
});

describe("GET /api/v1/me", () => {
	it("answers 401 problem+json when signed out", async () => {
		const res = await call(acme.host, "/api/v1/me");
		expect(res.status).toBe(401);
		expect((await problemOf(res)).type).toBe("https://atrium.dev/problems/unauthenticated");
	});

	it("clears a forged cookie and answers 401", async () => {
		for (const forged of ["atrium_session=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "atrium_session=../../etc", "atrium_session="]) {
			const res = await call(acme.host, "/api/v1/me", { cookie: forged });
			expect(res.status, forged).toBe(401);
		}
		const res = await call(acme.host, "/api/v1/me", { cookie: "atrium_session=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" });
		expect(res.headers.getSetCookie().join()).toMatch(/atrium_session=;.*Max-Age=0/);
	});

	it("ends an expired session: 401 and the row is gone", async () => {
		await env.DB.prepare("UPDATE sessions SET expires_at = ? WHERE tenant_id = ?")
			.bind(Date.now() - 1000, acme.tenantId)
			.run();
		const res = await call(acme.host, "/api/v1/me", { cookie: acme.ownerCookie });
		expect(res.status).toBe(401);
		const left = await env.DB.prepare("SELECT COUNT(*) AS n FROM sessions WHERE tenant_id = ?").bind(acme.tenantId).first<{ n: number }>();
		expect(left?.n).toBe(0);
	});

	it("renews a session past its half-life (sliding expiry) and re-sends the cookie", async () => {
		const soon = Date.now() + 24 * 60 * 60 * 1000;
		await env.DB.prepare("UPDATE sessions SET expires_at = ? WHERE tenant_id = ?").bind(soon, acme.tenantId).run();
		const res = await call(acme.host, "/api/v1/me", { cookie: acme.ownerCookie });
		expect(res.status).toBe(200);
		expect(sessionCookie(res)).toBe(acme.ownerCookie);
		const row = await env.DB.prepare("SELECT expires_at FROM sessions WHERE tenant_id = ?")
			.bind(acme.tenantId)
			.first<{ expires_at: number }>();
		expect(row?.expires_at).toBeGreaterThan(Date.now() + 29 * 24 * 60 * 60 * 1000);
	});
});

describe("absolute session lifetime", () => {
	const DAY = 24 * 60 * 60 * 1000;

	/** The owner's session of a fresh agency, its sign-in moved `daysAgo` into the past (the sliding expiry left as is). */
	async function sessionSignedInDaysAgo(slug: string, daysAgo: number): Promise<Agency> {
		const agency = await signUpAgency(slug);
		const token = agency.ownerCookie.split("=")[1] ?? "";
		await env.DB.prepare("UPDATE sessions SET created_at = ? WHERE id = ?")
			.bind(Date.now() - daysAgo * DAY, tokenId(token))
			.run();
		return agency;
	}

	it("ends a session 90 days after sign-in however recently it was renewed: 401, cookie cleared, row gone", async () => {
		const agency = await sessionSignedInDaysAgo(uniqueSlug("abs-lifetime-end"), 90.01);
		const token = agency.ownerCookie.split("=")[1] ?? "";
		const row = await env.DB.prepare("SELECT expires_at FROM sessions WHERE id = ?").bind(tokenId(token)).first<{ expires_at: number }>();
		expect(row?.expires_at).toBeGreaterThan(Date.now() + 29 * DAY);

		const res = await call(agency.host, "/api/v1/me", { cookie: agency.ownerCookie });
		expect(res.status).toBe(401);
		expect(res.headers.getSetCookie().join()).toMatch(/atrium_session=;.*Max-Age=0/);
		const left = await env.DB.prepare("SELECT COUNT(*) AS n FROM sessions WHERE id = ?").bind(tokenId(token)).first<{ n: number }>();
		expect(left?.n).toBe(0);
	});

	it("slides a renewal only up to 90 days after sign-in: the row and the re-sent cookie expire then, not 30 days on", async () => {
		const agency = await sessionSignedInDaysAgo(uniqueSlug("abs-lifetime-cap"), 80);
		const token = agency.ownerCookie.split("=")[1] ?? "";
		const created = await env.DB.prepare("SELECT created_at FROM sessions WHERE id = ?")
			.bind(tokenId(token))
			.first<{ created_at: number }>();
		const absoluteEnd = (created?.created_at ?? 0) + 90 * DAY;
		await env.DB.prepare("UPDATE sessions SET expires_at = ? WHERE id = ?")
			.bind(Date.now() + DAY, tokenId(token))
			.run();

		const res = await call(agency.host, "/api/v1/me", { cookie: agency.ownerCookie });
		expect(res.status).toBe(200);
		expect(sessionCookie(res)).toBe(agency.ownerCookie);
		const expires = /atrium_session=[^;]+;[^\n]*Expires=([^;]+)/.exec(res.headers.getSetCookie().join("\n"))?.[1] ?? "";
		expect(Date.parse(expires)).toBeLessThanOrEqual(absoluteEnd);
		expect(Date.parse(expires)).toBeGreaterThan(absoluteEnd - 2000);
		const row = await env.DB.prepare("SELECT expires_at FROM sessions WHERE id = ?").bind(tokenId(token)).first<{ expires_at: number }>();
		expect(row?.expires_at).toBe(absoluteEnd);
	});
});

describe("POST /api/v1/auth/logout", () => {
	it("deletes the session server-side: the same cookie no longer works", async () => {
		const cookie = await logIn(acme.host, at("ann"));
		const res = await call(acme.host, "/api/v1/auth/logout", { method: "POST", cookie });
		expect(res.status).toBe(204);
		expect(res.headers.getSetCookie().join()).toMatch(/atrium_session=;.*Max-Age=0/);
		expect((await call(acme.host, "/api/v1/me", { cookie })).status).toBe(401);
		// The owner's other session (from sign-up) is untouched.
		expect((await call(acme.host, "/api/v1/me", { cookie: acme.ownerCookie })).status).toBe(200);
	});

	it("answers 204 when nobody is signed in", async () => {
		const res = await call(acme.host, "/api/v1/auth/logout", { method: "POST" });
		expect(res.status).toBe(204);
	});
});
