/** Invitations: sent by email within the privilege and domain rules, accepted once on the right agency's host, resent and revoked. */
import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import type { InvitationList, InvitationPreview, InvitationView } from "../../schema/dto/invitations";
import type { Job } from "../../schema/jobs";
import { type Agency, logIn, PASSWORD, signUpUniqueAgency } from "../support/agencies";
import { call, freshIp, problemOf, sessionCookie } from "../support/http";
import { type SentEmail, tokenIn, waitForEmails } from "../support/mailbox";
import { runJobs } from "../support/queue";
import { addMember } from "./members";
import { auditActions, membershipOf } from "./team";

let acme: Agency;
let beta: Agency;
/** The domain of the people this test invites from outside (unique per test: the mailbox is shared). */
let outside: string;
/** The invitee most tests use. */
let nia: string;
beforeEach(async () => {
	acme = await signUpUniqueAgency("acme");
	beta = await signUpUniqueAgency("beta");
	outside = `example-${acme.slug}.test`;
	nia = `nia@${outside}`;
});

/** Invitation emails to `to`: waits (tests/support/mailbox.ts) until `count` arrived and answers the newest. */
async function newestInvitation(to: string, count = 1): Promise<SentEmail> {
	return (await waitForEmails(to, / invited you to /, count)).at(-1) as SentEmail;
}

async function invite(body: unknown, cookie = acme.ownerCookie, host = acme.host): Promise<Response> {
	return call(host, "/api/v1/invitations", { body, cookie });
}

async function invitationsOf(cookie = acme.ownerCookie, host = acme.host): Promise<InvitationView[]> {
	return ((await (await call(host, "/api/v1/invitations", { cookie })).json()) as InvitationList).invitations;
}

function accept(body: unknown, options: { cookie?: string; host?: string } = {}): Promise<Response> {
	return call(options.host ?? acme.host, "/api/v1/invitations/accept", { body, cookie: options.cookie, ip: freshIp() });
}

describe("inviting a new person", () => {
	it("emails a single-use link that creates the account and signs them in", async () => {
		const res = await invite({ email: `Nia@Example-${acme.slug}.test`, role: "staff" });
		expect(res.status).toBe(201);
		const view = (await res.json()) as InvitationView;
		expect(view).toMatchObject({
			email: `Nia@Example-${acme.slug}.test`,
			role: "staff",
			status: "pending",
			clientId: null,
			invitedBy: "Olive Owner",
		});
		expect(view.expiresAt - view.createdAt).toBe(7 * 24 * 60 * 60 * 1000);

		const mail = await newestInvitation(`Nia@Example-${acme.slug}.test`);
		expect(mail.subject).toBe(`Olive Owner invited you to Agency ${acme.slug}`);
		const token = tokenIn(mail);
		expect(mail.text).toContain(`http://${acme.host}/invite?token=${token}`);
		const stored = await env.DB.prepare("SELECT token_hash FROM invitations WHERE id = ?").bind(view.id).first<{ token_hash: string }>();
		expect(stored?.token_hash).not.toContain(token);

		const preview = await call(acme.host, `/api/v1/invitations/accept/${token}`);
		expect((await preview.json()) as InvitationPreview).toEqual({
			agency: { name: `Agency ${acme.slug}` },
			email: `Nia@Example-${acme.slug}.test`,
			role: "staff",
			customRoleName: null,
			name: null,
			client: null,
			accountExists: false,
			expiresAt: view.expiresAt,
		});

		const accepted = await accept({ token, name: "Nia New", password: PASSWORD });
		expect(accepted.status).toBe(200);
		expect(await accepted.json()).toMatchObject({ user: { email: `Nia@Example-${acme.slug}.test`, name: "Nia New" }, role: "staff" });
		const cookie = sessionCookie(accepted);
		expect(cookie).not.toBeNull();
		expect((await call(acme.host, "/api/v1/me", { cookie: cookie ?? "" })).status).toBe(200);
		expect((await invitationsOf()).map((i) => i.status)).toEqual(["accepted"]);

		const again = await accept({ token, name: "Mallory", password: "another password" });
		expect(again.status).toBe(410);
		expect((await call(acme.host, `/api/v1/invitations/accept/${token}`)).status).toBe(410);
		expect((await auditActions(acme.tenantId, "invitation.")).map((a) => [a.action, a.actor])).toEqual([
			["invitation.created", acme.owner.email],
			["invitation.accepted", `Nia@Example-${acme.slug}.test`],
		]);
	});

	it("requires a name and password for a new account, naming each, and leaves the invitation pending", async () => {
		await invite({ email: nia, role: "client" });
		const token = tokenIn(await newestInvitation(nia));
		const res = await accept({ token });
		expect(res.status).toBe(422);
		expect((await problemOf(res)).errors?.map((e) => e.path)).toEqual(["name", "password"]);
		const short = await accept({ token, name: "Nia", password: "short" });
		expect((await problemOf(short)).errors?.map((e) => e.path)).toEqual(["password"]);
		expect((await invitationsOf()).map((i) => i.status)).toEqual(["pending"]);
		expect((await accept({ token, name: "Nia", password: PASSWORD })).status).toBe(200);
	});

	it("works only on the host of the agency that sent it", async () => {
		await invite({ email: nia, role: "staff" });
		const token = tokenIn(await newestInvitation(nia));
		expect((await call(beta.host, `/api/v1/invitations/accept/${token}`)).status).toBe(404);
		const res = await accept({ token, name: "Nia", password: PASSWORD }, { host: beta.host });
		expect(res.status).toBe(404);
		expect((await invitationsOf()).map((i) => i.status)).toEqual(["pending"]);
	});
});

describe("inviting an existing member", () => {
	it("asks them to sign in (or give their password), then changes their membership", async () => {
		const staffId = await addMember(acme.tenantId, "staff", `sam@${acme.slug}.test`);
		await invite({ email: `sam@${acme.slug}.test`, role: "admin" });
		const token = tokenIn(await newestInvitation(`sam@${acme.slug}.test`));
		expect(((await (await call(acme.host, `/api/v1/invitations/accept/${token}`)).json()) as InvitationPreview).accountExists).toBe(true);
		const anonymous = await accept({ token });
		expect(anonymous.status).toBe(401);
		expect((await problemOf(anonymous)).errors?.map((e) => e.path)).toEqual(["password"]);
		const asOwner = await accept({ token }, { cookie: acme.ownerCookie });
		expect(asOwner.status).toBe(403);
		const wrong = await accept({ token, password: "not the password" });
		expect(wrong.status).toBe(401);
		expect(await membershipOf(acme.tenantId, staffId)).toMatchObject({ role: "staff" });
		const signedIn = await accept({ token }, { cookie: await logIn(acme.host, `sam@${acme.slug}.test`) });
		expect(signedIn.status).toBe(200);
		expect(await signedIn.json()).toMatchObject({ role: "admin" });
		expect(await membershipOf(acme.tenantId, staffId)).toMatchObject({ role: "admin" });
	});

	it("accepts the account's password instead of a session", async () => {
		await addMember(acme.tenantId, "client", `cat@${acme.slug}.test`);
		await invite({ email: `cat@${acme.slug}.test`, role: "staff" });
		const token = tokenIn(await newestInvitation(`cat@${acme.slug}.test`));
		const res = await accept({ token, password: PASSWORD });
		expect(res.status).toBe(200);
		expect(sessionCookie(res)).not.toBeNull();
		expect(await res.json()).toMatchObject({ role: "staff" });
	});
});

describe("privilege rules at invite time", () => {
	it("refuse staff, an admin inviting an owner, and a role above the inviter's", async () => {
		// Pro: room for more than Starter's three seats, so only the privilege rules can refuse.
		await env.DB.prepare("UPDATE tenants SET plan_id = 'pro' WHERE id = ?").bind(acme.tenantId).run();
		await addMember(acme.tenantId, "admin", `admin@${acme.slug}.test`);
		await addMember(acme.tenantId, "staff", `staff@${acme.slug}.test`);
		const admin = await logIn(acme.host, `admin@${acme.slug}.test`);
		const staff = await logIn(acme.host, `staff@${acme.slug}.test`);
		expect((await invite({ email: `x@${outside}`, role: "staff" }, staff)).status).toBe(403);
		const owner = await invite({ email: `x@${outside}`, role: "owner" }, admin);
		expect(owner.status).toBe(403);
		const role = await call(acme.host, "/api/v1/roles", {
			body: { name: "Billing", permissions: ["billing:manage"] },
			cookie: acme.ownerCookie,
		});
		const { id } = (await role.json()) as { id: string };
		expect((await invite({ email: `x@${outside}`, customRoleId: id }, admin)).status).toBe(403);
		// An admin may not "invite" the owner into a lesser role either.
		expect((await invite({ email: acme.owner.email, role: "staff" }, admin)).status).toBe(403);
		expect(await invitationsOf()).toEqual([]);
		const ok = await invite({ email: `x@${outside}`, customRoleId: id });
		expect(((await ok.json()) as InvitationView).customRole).toEqual({ id, name: "Billing" });
	});
});

describe("team seats on the plan", () => {
	it("refuses a staff invitation when Starter's three seats are taken, but still invites a client's person", async () => {
		await addMember(acme.tenantId, "admin", `admin@${acme.slug}.test`);
		await addMember(acme.tenantId, "staff", `staff@${acme.slug}.test`);
		const full = await invite({ email: `fourth@${outside}`, role: "staff" });
		expect(full.status).toBe(403);
		const problem = await problemOf(full);
		expect(problem.type).toMatch(/plan-limit-reached$/);
		expect(problem.errors).toEqual([{ path: "seats", message: "limit of 3 reached" }]);
		expect(await invitationsOf()).toEqual([]);
		const clientSide = await invite({ email: `person@client-${acme.slug}.test`, role: "client" });
		expect(clientSide.status).toBe(201);
	});

	it("refuses accepting a staff invitation once the seats filled up after it was sent", async () => {
		const view = (await (await invite({ email: `late@${outside}`, role: "staff" })).json()) as InvitationView;
		const token = tokenIn(await newestInvitation(`late@${outside}`));
		await addMember(acme.tenantId, "admin", `admin@${acme.slug}.test`);
		await addMember(acme.tenantId, "staff", `staff@${acme.slug}.test`);
		const refused = await accept({ token, name: "Late", password: PASSWORD });
		expect(refused.status).toBe(403);
		expect((await problemOf(refused)).type).toMatch(/plan-limit-reached$/);
		expect((await invitationsOf()).map((i) => [i.id, i.status])).toEqual([[view.id, "pending"]]);
	});
});

describe("resend and revoke", () => {
	it("resend sends a new link and kills the old one; revoke kills the link at once", async () => {
		const view = (await (await invite({ email: nia, role: "staff" })).json()) as InvitationView;
		const first = tokenIn(await newestInvitation(nia));
		const resent = await call(acme.host, `/api/v1/invitations/${view.id}/resend`, { method: "POST", cookie: acme.ownerCookie });
		expect(resent.status).toBe(200);
		const second = tokenIn(await newestInvitation(nia, 2));
		expect(second).not.toBe(first);
		expect((await accept({ token: first, name: "Nia", password: PASSWORD })).status).toBe(404);

		const revoked = await call(acme.host, `/api/v1/invitations/${view.id}`, { method: "DELETE", cookie: acme.ownerCookie });
		expect(revoked.status).toBe(204);
		const res = await accept({ token: second, name: "Nia", password: PASSWORD });
		expect(res.status).toBe(410);
		expect((await problemOf(res)).detail).toContain("revoked");
		expect((await call(acme.host, `/api/v1/invitations/${view.id}`, { method: "DELETE", cookie: acme.ownerCookie })).status).toBe(409);
		expect((await invitationsOf()).map((i) => i.status)).toEqual(["revoked"]);
		expect((await auditActions(acme.tenantId, "invitation.")).map((a) => a.action)).toEqual([
			"invitation.created",
			"invitation.resent",
			"invitation.revoked",
		]);
	});

	it("an expired link is refused; resending revives the invitation", async () => {
		const view = (await (await invite({ email: nia, role: "staff" })).json()) as InvitationView;
		const token = tokenIn(await newestInvitation(nia));
		await env.DB.prepare("UPDATE invitations SET expires_at = ? WHERE id = ?")
			.bind(Date.now() - 1, view.id)
			.run();
		expect((await invitationsOf(acme.ownerCookie)).map((i) => i.status)).toEqual(["expired"]);
		const res = await accept({ token, name: "Nia", password: PASSWORD });
		expect(res.status).toBe(410);
		expect((await problemOf(res)).detail).toContain("expired");
		await call(acme.host, `/api/v1/invitations/${view.id}/resend`, { method: "POST", cookie: acme.ownerCookie });
		const fresh = tokenIn(await newestInvitation(nia, 2));
		expect((await accept({ token: fresh, name: "Nia", password: PASSWORD })).status).toBe(200);
	});

	it("another agency can neither see, resend nor revoke them", async () => {
		const view = (await (await invite({ email: nia, role: "staff" })).json()) as InvitationView;
		expect(await invitationsOf(beta.ownerCookie, beta.host)).toEqual([]);
		expect((await call(beta.host, `/api/v1/invitations/${view.id}/resend`, { method: "POST", cookie: beta.ownerCookie })).status).toBe(404);
		expect((await call(beta.host, `/api/v1/invitations/${view.id}`, { method: "DELETE", cookie: beta.ownerCookie })).status).toBe(404);
		expect((await invitationsOf()).map((i) => i.status)).toEqual(["pending"]);
	});
});

describe("bad input", () => {
	it("names the field and stores nothing", async () => {
		for (const [body, path] of [
			[{ email: "not-an-email", role: "staff" }, "email"],
			[{ email: `x@${outside}` }, "role"],
			[{ email: `x@${outside}`, role: "emperor" }, "role"],
			[{ email: `x@${outside}`, role: "client", clientId: "has spaces" }, "clientId"],
			[{ email: `x@${outside}`, role: "staff", customRoleId: "019a1b2c-3d4e-7f00-8a1b-2c3d4e5f6a7b" }, "customRoleId"],
		] as const) {
			const res = await invite(body);
			expect(res.status, JSON.stringify(body)).toBe(422);
			expect((await problemOf(res)).errors?.map((e) => e.path)).toEqual([path]);
		}
		expect(await invitationsOf()).toEqual([]);
		expect((await call(acme.host, "/api/v1/invitations/accept/short")).status).toBe(422);
		expect((await call(acme.host, "/api/v1/invitations?status=lost", { cookie: acme.ownerCookie })).status).toBe(422);
	});

	it("refuses a second pending invitation to the same email", async () => {
		await invite({ email: nia, role: "staff" });
		const res = await invite({ email: `NIA@${outside}`, role: "admin" });
		expect(res.status).toBe(409);
		expect((await problemOf(res)).errors?.map((e) => e.path)).toEqual(["email"]);
	});
});

describe("invitation domains", () => {
	it("limit invitations to the agency's domains (422 naming email), for those with tenant:manage", async () => {
		expect(await (await call(acme.host, "/api/v1/tenant/invitation-domains", { cookie: acme.ownerCookie })).json()).toEqual({
			domains: [],
		});
		const put = await call(acme.host, "/api/v1/tenant/invitation-domains", {
			method: "PUT",
			body: { domains: ["Acme.com", "acme.co.uk", "acme.com"] },
			cookie: acme.ownerCookie,
		});
		expect(await put.json()).toEqual({ domains: ["acme.co.uk", "acme.com"] });
		const outside = await invite({ email: "x@gmail.com", role: "staff" });
		expect(outside.status).toBe(422);
		expect((await problemOf(outside)).errors).toEqual([
			{ path: "email", message: "must be an address at acme.co.uk, acme.com (this agency's rule)" },
		]);
		expect((await invite({ email: "y@acme.com", role: "staff" })).status).toBe(201);
		expect(await (await call(beta.host, "/api/v1/tenant/invitation-domains", { cookie: beta.ownerCookie })).json()).toEqual({
			domains: [],
		});
		expect((await auditActions(acme.tenantId, "tenant.")).map((a) => a.action)).toEqual(["tenant.settings_changed"]);

		await addMember(acme.tenantId, "staff", "staff@acme.com");
		const staff = await logIn(acme.host, "staff@acme.com");
		expect(
			(await call(acme.host, "/api/v1/tenant/invitation-domains", { method: "PUT", body: { domains: [] }, cookie: staff })).status,
		).toBe(403);
		const bad = await call(acme.host, "/api/v1/tenant/invitation-domains", {
			method: "PUT",
			body: { domains: ["acme.com", "not a domain"] },
			cookie: acme.ownerCookie,
		});
		expect((await problemOf(bad)).errors?.map((e) => e.path)).toEqual(["domains.1"]);
		expect(await (await call(acme.host, "/api/v1/tenant/invitation-domains", { cookie: acme.ownerCookie })).json()).toEqual({
			domains: ["acme.co.uk", "acme.com"],
		});
	});
});

describe("invitation-email job", () => {
	async function runJob(job: Job): Promise<void> {
		expect((await runJobs([job])).explicitAcks).toHaveLength(1);
	}

	it("sends a link once however often it runs, and never a link a resend replaced", async () => {
		const view = (await (await invite({ email: nia, role: "staff" })).json()) as InvitationView;
		const first = tokenIn(await newestInvitation(nia));
		const job = (token: string, key: string): Job => ({
			type: "invitation-email",
			tenantId: acme.tenantId,
			invitationId: view.id,
			token,
			idempotencyKey: key,
		});
		await runJob(job(first, "replayed-key"));
		await runJob(job(first, "replayed-key"));
		await newestInvitation(nia, 2);
		await call(acme.host, `/api/v1/invitations/${view.id}/resend`, { method: "POST", cookie: acme.ownerCookie });
		await newestInvitation(nia, 3);
		await runJob(job(first, "stale-key"));
		const sent = await env.DB.prepare("SELECT idempotency_key FROM email_outbox WHERE to_address = ?").bind(nia).all();
		expect(sent.results.map((r) => r.idempotency_key)).not.toContain("stale-key");
		expect(sent.results.filter((r) => r.idempotency_key === "replayed-key")).toHaveLength(1);
	});
});
