/** Account lockout: repeated wrong passwords lock for a growing but bounded time; the unlock link works once; admins can unlock. */
import { runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { LOCK_STEPS_MS } from "../../durable-objects/account-locks";
import { accountLockKey } from "../../worker/services/security/account-lock";
import { type Agency, logIn, PASSWORD, signUpAgency, signUpUniqueAgency, uniqueSlug } from "../support/agencies";
import { call, freshIp, problemOf } from "../support/http";
import { countEmails, tokenIn, waitForEmail } from "../support/mailbox";
import { addMember } from "./members";

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

/** The test agency's audit rows of `action`, oldest first. */
async function auditOf(action: string, columns: string) {
	return (
		await env.DB.prepare(`SELECT ${columns} FROM audit_events WHERE tenant_id = ? AND action = ? ORDER BY created_at, id`)
			.bind(acme.tenantId, action)
			.all()
	).results;
}

function attempt(email: string, password: string, host = acme.host): Promise<Response> {
	return call(host, "/api/v1/auth/login", { body: { email, password }, ip: freshIp() });
}

async function lockOut(email: string): Promise<number[]> {
	const statuses: number[] = [];
	for (let i = 0; i < 5; i++) statuses.push((await attempt(email, `wrong guess ${i}`)).status);
	return statuses;
}

const UNLOCK_SUBJECT = /is locked for a while$/;
/** Each sign-in attempt runs Argon2id; these tests make many on a CPU shared with other suites. */
const SLOW = { timeout: 30_000 };

describe("lockout after repeated wrong passwords", SLOW, () => {
	it("locks on the fifth failure: the right password is then refused with the rate limit's 429, and the owner is emailed a link", async () => {
		expect(await lockOut(ann)).toEqual([401, 401, 401, 401, 401]);
		const refused = await attempt(ann, PASSWORD);
		expect(refused.status).toBe(429);
		const retryAfter = Number(refused.headers.get("Retry-After"));
		expect(retryAfter).toBeGreaterThan(0);
		expect(retryAfter).toBeLessThanOrEqual(60);
		const problem = await problemOf(refused);
		expect(problem.type).toBe("https://atrium.dev/problems/rate-limited");
		expect(problem.detail).toBe("Too many sign-in attempts. Wait a moment and try again.");
		const outcomes = await env.DB.prepare("SELECT outcome FROM sign_in_events WHERE tenant_id = ? AND method = 'password' ORDER BY id")
			.bind(acme.tenantId)
			.all();
		expect(outcomes.results.at(-1)).toEqual({ outcome: "locked" });
		expect(await auditOf("auth.account_locked", "action, target_id")).toEqual([
			{ action: "auth.account_locked", target_id: acme.owner.id },
		]);
		const email = await waitForEmail(ann, UNLOCK_SUBJECT);
		expect(email.text).toContain(`http://${acme.host}/unlock?token=`);
	});

	it("treats an unknown email the same way (same answers), and emails nobody", async () => {
		expect(await lockOut(`nobody@${domain}`)).toEqual([401, 401, 401, 401, 401]);
		const refused = await attempt(`nobody@${domain}`, PASSWORD);
		expect(refused.status).toBe(429);
		expect((await problemOf(refused)).type).toBe("https://atrium.dev/problems/rate-limited");
		expect(await countEmails(`nobody@${domain}`, /.*/)).toBe(0);
	});

	it("never locks for good: once the lock time has passed, the right password works and the count starts over", async () => {
		await lockOut(ann);
		const gate = env.TENANT_GATE.getByName(acme.tenantId);
		await runInDurableObject(gate, (_instance, state) => {
			state.storage.sql.exec("UPDATE account_locks SET locked_until = ?", Date.now() - 1);
		});
		expect((await attempt(ann, PASSWORD)).status).toBe(200);
		expect(await gate.lockStatus(accountLockKey(ann))).toEqual({ locked: false, failures: 0 });
	});

	it("grows the lock with each further failure, capped at an hour, and lets each lock expire", async () => {
		const gate = env.TENANT_GATE.getByName(acme.tenantId);
		const key = accountLockKey(`someone@${domain}`);
		const t0 = 1_800_000_000_000;
		const durations: number[] = [];
		for (let i = 0; i < 9; i++) {
			const now = t0 + i * 2 * 60 * 60_000; // each try after the previous lock has ended
			const state = await gate.recordFailedPassword(key, now);
			durations.push(state.locked ? state.lockedUntil - now : 0);
			if (state.locked) expect(await gate.lockStatus(key, state.lockedUntil)).toMatchObject({ locked: false });
		}
		expect(durations).toEqual([0, 0, 0, 0, ...LOCK_STEPS_MS, LOCK_STEPS_MS[3]]);
		expect(LOCK_STEPS_MS).toEqual([60_000, 300_000, 900_000, 3_600_000]);
	});
});

describe("POST /api/v1/auth/unlock", SLOW, () => {
	it("unlocks with the emailed link, once", async () => {
		await lockOut(ann);
		const token = tokenIn(await waitForEmail(ann, UNLOCK_SUBJECT));
		const first = await call(acme.host, "/api/v1/auth/unlock", { body: { token } });
		expect(first.status).toBe(204);
		expect((await attempt(ann, PASSWORD)).status).toBe(200);
		const again = await call(acme.host, "/api/v1/auth/unlock", { body: { token } });
		expect(again.status).toBe(400);
		expect((await problemOf(again)).errors).toEqual([{ path: "token", message: "is expired, used or unknown" }]);
		expect(await auditOf("auth.account_unlocked", "detail")).toEqual([{ detail: JSON.stringify({ by: "email_link" }) }]);
	});

	it("refuses an expired link and a link minted on another agency", async () => {
		await lockOut(ann);
		const token = tokenIn(await waitForEmail(ann, UNLOCK_SUBJECT));
		const beta = await signUpUniqueAgency("beta");
		expect((await call(beta.host, "/api/v1/auth/unlock", { body: { token } })).status).toBe(400);
		await env.DB.prepare("UPDATE account_tokens SET expires_at = ? WHERE tenant_id = ?")
			.bind(Date.now() - 1, acme.tenantId)
			.run();
		expect((await call(acme.host, "/api/v1/auth/unlock", { body: { token } })).status).toBe(400);
		expect((await attempt(ann, PASSWORD)).status).toBe(429);
	});

	it("names a malformed token", async () => {
		const res = await call(acme.host, "/api/v1/auth/unlock", { body: { token: "short" } });
		expect(res.status).toBe(422);
		expect((await problemOf(res)).errors?.[0]?.path).toBe("token");
	});
});

describe("POST /api/v1/members/:userId/unlock", SLOW, () => {
	it("lets an admin unlock a member; staff may not; another agency cannot see the member", async () => {
		const samId = await addMember(acme.tenantId, "staff", `sam@${domain}`);
		await lockOut(`sam@${domain}`);
		expect((await attempt(`sam@${domain}`, PASSWORD)).status).toBe(429);

		await addMember(acme.tenantId, "staff", `sue@${domain}`);
		const staff = await logIn(acme.host, `sue@${domain}`);
		expect((await call(acme.host, `/api/v1/members/${samId}/unlock`, { method: "POST", cookie: staff })).status).toBe(403);
		const beta = await signUpUniqueAgency("beta");
		expect((await call(beta.host, `/api/v1/members/${samId}/unlock`, { method: "POST", cookie: beta.ownerCookie })).status).toBe(404);
		expect((await attempt(`sam@${domain}`, PASSWORD)).status).toBe(429);

		const res = await call(acme.host, `/api/v1/members/${samId}/unlock`, { method: "POST", cookie: acme.ownerCookie });
		expect(await res.json()).toEqual({ wasLocked: true });
		expect((await attempt(`sam@${domain}`, PASSWORD)).status).toBe(200);
		expect(await auditOf("auth.account_unlocked", "actor_label, target_id")).toEqual([{ actor_label: ann, target_id: samId }]);
	});
});
