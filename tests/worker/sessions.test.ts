/** The account's sessions: listing with device and place, revoking one or all others at once, and tenant isolation. */
import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import type { SessionList } from "../../schema/dto/account-security";
import { createDb, tenantScope } from "../../worker/lib/db";
import { SESSION_CACHE_TTL_MS } from "../../worker/lib/identity-cache";
import { validateSessionToken } from "../../worker/services/sessions/sessions";
import { type Agency, logIn, signUpAgency, uniqueSlug } from "../support/agencies";
import { call, problemOf } from "../support/http";
import { countEmails, waitForEmail } from "../support/mailbox";

const FIREFOX_WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:132.0) Gecko/20100101 Firefox/132.0";
const SAFARI_IPHONE =
	"Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1";

let acme: Agency;
let beta: Agency;
/** The owners' addresses (of this test's own agencies: the mailbox is shared). */
let ann: string;
let bob: string;
beforeEach(async () => {
	const acmeSlug = uniqueSlug("acme");
	const betaSlug = uniqueSlug("beta");
	ann = `ann@${acmeSlug}.test`;
	bob = `bob@${betaSlug}.test`;
	acme = await signUpAgency(acmeSlug, { email: ann });
	beta = await signUpAgency(betaSlug, { email: bob });
});

async function sessionsOf(host: string, cookie: string): Promise<SessionList["sessions"]> {
	const res = await call(host, "/api/v1/me/sessions", { cookie });
	expect(res.status).toBe(200);
	return ((await res.json()) as SessionList).sessions;
}

describe("GET /api/v1/me/sessions", () => {
	it("lists each session with device, place, IP and times, marks the current one, and never shows a token or its hash", async () => {
		const phone = await logIn(acme.host, ann, undefined, {
			headers: { "User-Agent": SAFARI_IPHONE },
			ip: "203.0.113.9",
			cf: { country: "DE", city: "Berlin" },
		});
		const list = await sessionsOf(acme.host, phone);
		expect(list).toHaveLength(2);
		const current = list.find((s) => s.current);
		expect(current).toMatchObject({
			device: { browser: "Safari", os: "iOS", device: "mobile", label: "Safari on iOS" },
			place: "Berlin, DE",
			ip: "203.0.113.9",
		});
		expect(list.filter((s) => s.current)).toHaveLength(1);
		const stored = await env.DB.prepare("SELECT id FROM sessions WHERE tenant_id = ?").bind(acme.tenantId).all<{ id: string }>();
		const body = JSON.stringify(list);
		for (const row of stored.results) expect(body).not.toContain(row.id);
		expect(body).not.toContain(phone.split("=")[1]);
		for (const s of list) expect(s.id).toMatch(/^[a-z2-7]{16}$/);
	});

	it("is 401 for visitors", async () => {
		expect((await call(acme.host, "/api/v1/me/sessions")).status).toBe(401);
	});
});

describe("revoking sessions", () => {
	it("DELETE /me/sessions/:id ends that session at once, even right after it was used (cached)", async () => {
		const laptop = await logIn(acme.host, ann, undefined, { headers: { "User-Agent": FIREFOX_WINDOWS } });
		expect((await call(acme.host, "/api/v1/me", { cookie: laptop })).status).toBe(200);
		const target = (await sessionsOf(acme.host, acme.ownerCookie)).find((s) => s.device.browser === "Firefox");
		const res = await call(acme.host, `/api/v1/me/sessions/${target?.id}`, { method: "DELETE", cookie: acme.ownerCookie });
		expect(res.status).toBe(204);
		expect((await call(acme.host, "/api/v1/me", { cookie: laptop })).status).toBe(401);
		expect((await call(acme.host, "/api/v1/me", { cookie: acme.ownerCookie })).status).toBe(200);
		const audit = await env.DB.prepare("SELECT target_id FROM audit_events WHERE tenant_id = ? AND action = 'auth.session_revoked'")
			.bind(acme.tenantId)
			.all();
		expect(audit.results).toEqual([{ target_id: target?.id }]);
	});

	it("POST /me/sessions/revoke-others ends every other session and keeps this one", async () => {
		const a = await logIn(acme.host, ann);
		const b = await logIn(acme.host, ann);
		for (const cookie of [a, b]) expect((await call(acme.host, "/api/v1/me", { cookie })).status).toBe(200);
		const res = await call(acme.host, "/api/v1/me/sessions/revoke-others", { method: "POST", cookie: acme.ownerCookie });
		expect(await res.json()).toEqual({ revoked: 2 });
		for (const cookie of [a, b]) expect((await call(acme.host, "/api/v1/me", { cookie })).status).toBe(401);
		expect((await sessionsOf(acme.host, acme.ownerCookie)).map((s) => s.current)).toEqual([true]);
	});

	it("a session revoked by another isolate (its row deleted in D1) is refused here within 10 s", async () => {
		expect(SESSION_CACHE_TTL_MS).toBeLessThanOrEqual(10_000);
		const scope = tenantScope(createDb(env.DB), acme.tenantId);
		const token = acme.ownerCookie.slice("atrium_session=".length);
		const now = Date.now();
		expect(await validateSessionToken(scope, token, now)).not.toBeNull(); // now cached in this isolate
		// Another isolate revokes it: only D1 changes, this isolate's cache is not told.
		await env.DB.prepare("DELETE FROM sessions WHERE tenant_id = ?").bind(acme.tenantId).run();
		expect(await validateSessionToken(scope, token, now + SESSION_CACHE_TTL_MS)).toBeNull();
		expect((await call(acme.host, "/api/v1/me", { cookie: acme.ownerCookie })).status).toBe(401);
	});

	it("cannot reach another agency's sessions: B neither lists nor revokes A's", async () => {
		const aSessions = await sessionsOf(acme.host, acme.ownerCookie);
		const bSessions = await sessionsOf(beta.host, beta.ownerCookie);
		expect(bSessions.map((s) => s.id)).not.toContain(aSessions[0]?.id);
		const res = await call(beta.host, `/api/v1/me/sessions/${aSessions[0]?.id}`, { method: "DELETE", cookie: beta.ownerCookie });
		expect(res.status).toBe(404);
		expect((await call(acme.host, "/api/v1/me", { cookie: acme.ownerCookie })).status).toBe(200);
		// A's cookie means nothing on B's host.
		expect((await call(beta.host, "/api/v1/me/sessions", { cookie: acme.ownerCookie })).status).toBe(401);
	});

	it("names a malformed session id and changes nothing", async () => {
		const res = await call(acme.host, "/api/v1/me/sessions/not-an-id", { method: "DELETE", cookie: acme.ownerCookie });
		expect(res.status).toBe(422);
		expect((await problemOf(res)).errors?.[0]?.path).toBe("id");
		expect(await sessionsOf(acme.host, acme.ownerCookie)).toHaveLength(1);
	});
});

describe("new-device alert", () => {
	it("emails once when a sign-in comes from a browser and network the user has not used, not for a known one", async () => {
		const subject = new RegExp(`^New sign-in to your Agency ${acme.slug} account$`);
		await logIn(acme.host, ann, undefined, { headers: { "User-Agent": FIREFOX_WINDOWS }, ip: "203.0.113.10" });
		const email = await waitForEmail(ann, subject);
		expect(email.text).toContain("Firefox on Windows");
		expect(email.text).toContain("203.0.113.10");
		// Same browser, same /24 network: known.
		await logIn(acme.host, ann, undefined, { headers: { "User-Agent": FIREFOX_WINDOWS }, ip: "203.0.113.77" });
		await logIn(beta.host, bob, undefined, { headers: { "User-Agent": SAFARI_IPHONE }, ip: "192.0.2.1" });
		await waitForEmail(bob, new RegExp(`^New sign-in to your Agency ${beta.slug} account$`));
		expect(await countEmails(ann, subject)).toBe(1);
	});
});
