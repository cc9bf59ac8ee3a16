/**
 * Links in email lead to the agency's canonical address — its primary verified custom domain, or
 * else its sub-domain — whatever Host, port or X-Forwarded-Host the request that caused the email
 * carried, and whichever of the agency's addresses it arrived on.
 */
import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { type Agency, signUpAgency } from "../support/agencies";
import { call, freshIp, PLATFORM } from "../support/http";
import { waitForEmail } from "../support/mailbox";

const unique = () => crypto.randomUUID().replaceAll("-", "").slice(0, 10);
const RESET_SUBJECT = /^Reset your .* password$/;
/** Every http(s) URL in an email's text. */
const linksIn = (text: string) => [...text.matchAll(/https?:\/\/[^\s)>"]+/g)].map((m) => m[0]);

let agency: Agency;
let slug: string;
let owner: string;
beforeEach(async () => {
	slug = `links${unique()}`;
	owner = `ann@${slug}.test`;
	agency = await signUpAgency(slug, { email: owner });
});

/** Gives the agency a verified primary custom domain and a verified alternate one, as the domains settings would. */
async function addCustomDomains(): Promise<{ primary: string; alternate: string }> {
	const primary = `portal.${slug}.test`;
	const alternate = `old-${slug}.test`;
	const now = Date.now();
	const insert = env.DB.prepare(
		"INSERT INTO tenant_domains (id, tenant_id, hostname, kind, verified, is_primary, verified_at, created_at) VALUES (?, ?, ?, 'custom', 1, ?, ?, ?)",
	);
	await env.DB.batch([
		env.DB.prepare("UPDATE tenant_domains SET is_primary = 0 WHERE tenant_id = ?").bind(agency.tenantId),
		insert.bind(crypto.randomUUID(), agency.tenantId, primary, 1, now, now),
		insert.bind(crypto.randomUUID(), agency.tenantId, alternate, 0, now, now),
	]);
	return { primary, alternate };
}

describe("links in email use the agency's canonical address", () => {
	it("a password reset asked for on a spoofed port and forwarded host links to the primary custom domain", async () => {
		const { primary } = await addCustomDomains();
		const res = await call(`${agency.host}:6666`, "/api/v1/auth/password-reset/request", {
			body: { email: owner },
			ip: freshIp(),
			headers: { "X-Forwarded-Host": "evil.example", "X-Forwarded-Port": "6666" },
		});
		expect(res.status).toBeLessThan(300);
		const email = await waitForEmail(owner, RESET_SUBJECT);
		const links = linksIn(email.text);
		expect(links.length).toBeGreaterThan(0);
		for (const link of links) expect(link.startsWith(`http://${primary}/`), link).toBe(true);
		expect(email.text).toMatch(new RegExp(`http://${primary.replaceAll(".", "\\.")}/reset-password\\?token=[a-z2-7]{32}`));
	});

	it("an invitation sent through a non-primary custom domain links to the primary one", async () => {
		const { primary, alternate } = await addCustomDomains();
		const invitee = `nia@${slug}-guest.test`;
		const res = await call(alternate, "/api/v1/invitations", { cookie: agency.ownerCookie, body: { email: invitee, role: "staff" } });
		expect(res.status).toBe(201);
		const email = await waitForEmail(invitee, /invited you/);
		expect(email.text).toMatch(new RegExp(`http://${primary.replaceAll(".", "\\.")}/invite\\?token=[a-z2-7]{32}`));
		expect(email.text).not.toContain(alternate);
	});

	it("without a custom domain, links go to the sub-domain without the request's port", async () => {
		await call(`${agency.host}:6666`, "/api/v1/auth/password-reset/request", { body: { email: owner }, ip: freshIp() });
		const email = await waitForEmail(owner, RESET_SUBJECT);
		expect(email.text).toContain(`http://${slug}.localhost/reset-password?token=`);
		expect(email.text).not.toContain(":6666");
	});

	it("the welcome email of an agency signed up through a spoofed platform port links to its sub-domain", async () => {
		const fresh = `welc${unique()}`;
		const email = `olive@${fresh}.test`;
		const res = await call(`${PLATFORM}:6666`, "/api/v1/auth/signup", {
			body: { agencyName: `Agency ${fresh}`, slug: fresh, name: "Olive Owner", email, password: "correct horse battery" },
			headers: { "X-Forwarded-Host": "evil.example" },
		});
		expect(res.status).toBeLessThan(400);
		const welcome = await waitForEmail(email, /^Welcome/);
		expect(linksIn(welcome.text)).toEqual(expect.arrayContaining([`http://${fresh}.localhost/`]));
		expect(welcome.text).not.toContain(":6666");
		expect(welcome.text).not.toContain("evil.example");
	});
});
