/**
 * Custom domains: an admin adds a domain, publishes the TXT record (on a local DNS-over-HTTPS
 * resolver), verification creates the Cloudflare for SaaS hostname (on a local API fake), the
 * portal answers there, page loads elsewhere redirect to the primary domain, and removal is clean.
 * Claims never verified lapse after 72 hours; another agency's claim gets one answer naming nobody.
 */
import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, inject, it } from "vitest";
import { type Agency, logIn, signUpAgency, signUpUniqueAgency, uniqueSlug } from "../support/agencies";
import { call, problemOf } from "../support/http";
import { runJobs } from "../support/queue";
import { addMember } from "./members";

const dohUrl = inject("dohUrl");
const cloudflareApiUrl = inject("cloudflareApiUrl");

type Domain = {
	id: string;
	hostname: string;
	status: string;
	primary: boolean;
	dnsRecords: { type: string; name: string; value: string }[];
	lastCheckError: string | null;
	certificateStatus: string | null;
};

let acme: Agency;
let globex: Agency;
let hostname: string;
beforeEach(async () => {
	acme = await signUpUniqueAgency("acme", { agencyName: "Acme Studio" });
	globex = await signUpUniqueAgency("globex");
	await env.DB.prepare("UPDATE tenants SET plan_id = 'pro' WHERE id IN (?, ?)").bind(acme.tenantId, globex.tenantId).run();
	hostname = `portal-${crypto.randomUUID().slice(0, 8)}.acme-agency.test`;
});

async function publishTxt(name: string, values: string[]): Promise<void> {
	await fetch(`${dohUrl}/__test/records`, { method: "POST", body: JSON.stringify({ name, type: "TXT", values }) });
}

async function cloudflareHostnames(): Promise<{ id: string; hostname: string }[]> {
	return (await fetch(`${cloudflareApiUrl}/__test/custom_hostnames`)).json();
}

async function addDomain(agency: Agency, name = hostname): Promise<Domain> {
	const res = await call(agency.host, "/api/v1/domains", { cookie: agency.ownerCookie, body: { hostname: name } });
	expect(res.status).toBe(201);
	return res.json();
}

async function verify(agency: Agency, id: string): Promise<Domain> {
	const res = await call(agency.host, `/api/v1/domains/${id}/verify`, { method: "POST", cookie: agency.ownerCookie });
	expect(res.status).toBe(200);
	return res.json();
}

describe("adding and verifying a custom domain", () => {
	it("gives the DNS records to create, stays pending until the TXT record matches, then serves the portal there", async () => {
		const added = await addDomain(acme, ` ${hostname.toUpperCase()}. `);
		expect(added).toMatchObject({ hostname, status: "pending_verification", primary: false });
		const [txt, cname] = added.dnsRecords;
		expect(txt).toMatchObject({
			type: "TXT",
			name: `_atrium-challenge.${hostname}`,
			value: expect.stringMatching(/^atrium-verification=[a-z2-7]{32}$/),
		});
		expect(cname).toMatchObject({ type: "CNAME", name: hostname, value: acme.host });
		expect((await call(hostname, "/api/v1/host")).status).toBe(404);

		const missing = await verify(acme, added.id);
		expect(missing.status).toBe("pending_verification");
		expect(missing.lastCheckError).toContain(`No TXT record found at _atrium-challenge.${hostname}`);

		await publishTxt(`_atrium-challenge.${hostname}`, ["atrium-verification=wrong"]);
		expect((await verify(acme, added.id)).lastCheckError).toContain("does not match");

		await publishTxt(`_atrium-challenge.${hostname}`, ["v=spf1 -all", txt?.value ?? ""]);
		const verified = await verify(acme, added.id);
		expect(verified).toMatchObject({ status: "active", lastCheckError: null, certificateStatus: "pending" });
		expect((await cloudflareHostnames()).filter((h) => h.hostname === hostname)).toHaveLength(1);
		expect(await (await call(hostname, "/api/v1/host")).json()).toMatchObject({ kind: "tenant", tenant: { slug: acme.slug } });
	});

	it("refuses platform sub-domains, malformed names and a domain another agency uses, naming the field", async () => {
		for (const [name, message] of [
			["evil.localhost", "must be your own domain, not one under localhost"],
			["not a domain", "must be a domain name like portal.youragency.com"],
			["http://x.test/", "must be a domain name like portal.youragency.com"],
		]) {
			const res = await call(acme.host, "/api/v1/domains", { cookie: acme.ownerCookie, body: { hostname: name } });
			expect(res.status, name).toBe(422);
			expect((await problemOf(res)).errors).toEqual([{ path: "hostname", message }]);
		}
		await addDomain(globex);
		const taken = await call(acme.host, "/api/v1/domains", { cookie: acme.ownerCookie, body: { hostname } });
		expect(taken.status).toBe(409);
		expect((await problemOf(taken)).errors).toEqual([{ path: "hostname", message: "is not available" }]);
		const listed = (await (await call(acme.host, "/api/v1/domains", { cookie: acme.ownerCookie })).json()) as { domains: Domain[] };
		expect(listed.domains.map((d) => d.hostname)).toEqual([acme.host]);
	});

	it("is a Pro feature: a Starter agency is told to upgrade", async () => {
		await env.DB.prepare("UPDATE tenants SET plan_id = 'starter' WHERE id = ?").bind(acme.tenantId).run();
		const res = await call(acme.host, "/api/v1/domains", { cookie: acme.ownerCookie, body: { hostname } });
		expect(res.status).toBe(403);
		expect((await problemOf(res)).type).toContain("feature-not-in-plan");
	});

	it("is for those who manage the agency, and never reaches another agency's domains", async () => {
		const added = await addDomain(acme);
		await addMember(acme.tenantId, "staff", `sam@${acme.slug}.test`);
		const staff = await logIn(acme.host, `sam@${acme.slug}.test`);
		expect((await call(acme.host, "/api/v1/domains", { cookie: staff })).status).toBe(403);
		expect((await call(acme.host, `/api/v1/domains/${added.id}`, { method: "DELETE", cookie: staff })).status).toBe(403);
		expect((await call(globex.host, `/api/v1/domains/${added.id}/verify`, { method: "POST", cookie: globex.ownerCookie })).status).toBe(
			404,
		);
		expect((await call(globex.host, `/api/v1/domains/${added.id}`, { method: "DELETE", cookie: globex.ownerCookie })).status).toBe(404);
		expect((await call(acme.host, "/api/v1/domains", { cookie: globex.ownerCookie })).status).toBe(401);
		const listed = (await (await call(acme.host, "/api/v1/domains", { cookie: acme.ownerCookie })).json()) as { domains: Domain[] };
		expect(listed.domains.map((d) => d.hostname)).toEqual([acme.host, hostname]);
	});
});

describe("primary domain and removal", () => {
	async function activeDomain(): Promise<Domain> {
		const added = await addDomain(acme);
		await publishTxt(`_atrium-challenge.${hostname}`, [added.dnsRecords[0]?.value ?? ""]);
		return verify(acme, added.id);
	}

	it("redirects page loads on the sub-domain to the primary domain, but not API calls or assets", async () => {
		const pending = await addDomain(acme, `other-${hostname}`);
		const refused = await call(acme.host, `/api/v1/domains/${pending.id}/primary`, { method: "POST", cookie: acme.ownerCookie });
		expect(refused.status).toBe(409);

		const domain = await activeDomain();
		const res = await call(acme.host, `/api/v1/domains/${domain.id}/primary`, { method: "POST", cookie: acme.ownerCookie });
		expect(((await res.json()) as { domains: Domain[] }).domains.filter((d) => d.primary).map((d) => d.hostname)).toEqual([hostname]);

		const page = await call(acme.host, "/projects?tab=all", { headers: { Accept: "text/html", "Sec-Fetch-Mode": "navigate" } });
		expect(page.status).toBe(301);
		expect(page.headers.get("Location")).toBe(`http://${hostname}/projects?tab=all`);
		expect((await call(acme.host, "/api/v1/host")).status).toBe(200);
		expect((await call(hostname, "/projects", { headers: { Accept: "text/html", "Sec-Fetch-Mode": "navigate" } })).status).toBe(200);
	});

	it("removes a domain cleanly: its Cloudflare hostname goes, the sub-domain is primary again, the portal no longer answers there", async () => {
		const domain = await activeDomain();
		await call(acme.host, `/api/v1/domains/${domain.id}/primary`, { method: "POST", cookie: acme.ownerCookie });
		const res = await call(acme.host, `/api/v1/domains/${domain.id}`, { method: "DELETE", cookie: acme.ownerCookie });
		expect(res.status).toBe(200);
		expect(((await res.json()) as { domains: Domain[] }).domains).toEqual([
			expect.objectContaining({ hostname: acme.host, primary: true }),
		]);
		expect((await cloudflareHostnames()).filter((h) => h.hostname === hostname)).toEqual([]);
		expect((await call(hostname, "/api/v1/host")).status).toBe(404);
		expect((await call(acme.host, "/projects", { headers: { Accept: "text/html", "Sec-Fetch-Mode": "navigate" } })).status).toBe(200);
		const subdomain = ((await (await call(acme.host, "/api/v1/domains", { cookie: acme.ownerCookie })).json()) as { domains: Domain[] })
			.domains[0];
		const keep = await call(acme.host, `/api/v1/domains/${subdomain?.id}`, { method: "DELETE", cookie: acme.ownerCookie });
		expect(keep.status).toBe(409);
	});
});

describe("claims held by another agency", () => {
	const HOUR = 60 * 60 * 1000;

	/** A Pro agency of its own for this test, under a unique slug made from `base`. */
	async function proAgency(base: string, agencyName: string): Promise<Agency> {
		const agency = await signUpAgency(uniqueSlug(base), { agencyName });
		await env.DB.prepare("UPDATE tenants SET plan_id = 'pro' WHERE id = ?").bind(agency.tenantId).run();
		return agency;
	}

	async function claimAddedHoursAgo(domainId: string, hours: number): Promise<void> {
		await env.DB.prepare("UPDATE tenant_domains SET created_at = ? WHERE id = ?")
			.bind(Date.now() - hours * HOUR, domainId)
			.run();
	}

	async function attempt(agency: Agency, name: string): Promise<Response> {
		return call(agency.host, "/api/v1/domains", { cookie: agency.ownerCookie, body: { hostname: name } });
	}

	it("answers another agency's claim, pending or verified however old, with one 'unavailable' that names no agency", async () => {
		const holder = await proAgency("claim-holder-one", "Holder Studio One");
		const seeker = await proAgency("claim-seeker-one", "Seeker Studio One");
		const name = `held-${crypto.randomUUID().slice(0, 8)}.holder.test`;
		const claim = await addDomain(holder, name);

		const pending = await attempt(seeker, name);
		expect(pending.status).toBe(409);
		const pendingText = await pending.text();
		const pendingBody = JSON.parse(pendingText) as { type: string; title: string; detail: string; errors: unknown };
		expect(pendingBody).toMatchObject({
			type: "https://atrium.dev/problems/domain-unavailable",
			title: "Domain unavailable",
			errors: [{ path: "hostname", message: "is not available" }],
		});
		for (const secret of [holder.slug, "Holder Studio One", holder.tenantId, claim.id]) expect(pendingText).not.toContain(secret);

		await publishTxt(`_atrium-challenge.${name}`, [claim.dnsRecords[0]?.value ?? ""]);
		expect((await verify(holder, claim.id)).status).toBe("active");
		await claimAddedHoursAgo(claim.id, 24 * 30);
		const verified = await attempt(seeker, name);
		expect(verified.status).toBe(409);
		const { type, title, detail, errors } = (await verified.json()) as typeof pendingBody;
		expect({ type, title, detail, errors }).toEqual({
			type: pendingBody.type,
			title: pendingBody.title,
			detail: pendingBody.detail,
			errors: pendingBody.errors,
		});
		const rows = await env.DB.prepare("SELECT tenant_id FROM tenant_domains WHERE hostname = ?").bind(name).all();
		expect(rows.results).toEqual([{ tenant_id: holder.tenantId }]);
	});

	it("lets another agency take a domain whose claim stayed unverified for 72 hours, removing the lapsed claim", async () => {
		const holder = await proAgency("claim-holder-two", "Holder Studio Two");
		const seeker = await proAgency("claim-seeker-two", "Seeker Studio Two");
		const name = `lapsed-${crypto.randomUUID().slice(0, 8)}.holder.test`;
		const claim = await addDomain(holder, name);

		await claimAddedHoursAgo(claim.id, 71);
		expect((await attempt(seeker, name)).status).toBe(409);

		await claimAddedHoursAgo(claim.id, 72.1);
		const taken = await attempt(seeker, name);
		expect(taken.status).toBe(201);
		expect(await taken.json()).toMatchObject({ hostname: name, status: "pending_verification" });
		const rows = await env.DB.prepare("SELECT tenant_id FROM tenant_domains WHERE hostname = ?").bind(name).all();
		expect(rows.results).toEqual([{ tenant_id: seeker.tenantId }]);
		const holderList = (await (await call(holder.host, "/api/v1/domains", { cookie: holder.ownerCookie })).json()) as { domains: Domain[] };
		expect(holderList.domains.map((d) => d.hostname)).toEqual([holder.host]);
		expect((await call(holder.host, `/api/v1/domains/${claim.id}/verify`, { method: "POST", cookie: holder.ownerCookie })).status).toBe(
			404,
		);
		const audit = await env.DB.prepare(
			"SELECT action, target_id, detail FROM audit_events WHERE tenant_id = ? AND target_id = ? ORDER BY created_at, id",
		)
			.bind(holder.tenantId, claim.id)
			.all<{ detail: string }>();
		expect(audit.results.map((e) => JSON.parse(e.detail).change)).toEqual(["added", "claim_lapsed"]);
	});

	it("purges claims that lapsed unverified in the housekeeping job, keeping live and verified ones", async () => {
		const holder = await proAgency("claim-holder-three", "Holder Studio Three");
		const suffix = crypto.randomUUID().slice(0, 8);
		const lapsed = await addDomain(holder, `old-${suffix}.holder.test`);
		const live = await addDomain(holder, `new-${suffix}.holder.test`);
		const verified = await addDomain(holder, `ok-${suffix}.holder.test`);
		await publishTxt(`_atrium-challenge.ok-${suffix}.holder.test`, [verified.dnsRecords[0]?.value ?? ""]);
		await verify(holder, verified.id);
		await claimAddedHoursAgo(lapsed.id, 73);
		await claimAddedHoursAgo(live.id, 70);
		await claimAddedHoursAgo(verified.id, 200);

		await runJobs([{ type: "purge-expired-auth", tenantId: null, idempotencyKey: `purge:${suffix}` }]);

		const left = await env.DB.prepare("SELECT hostname FROM tenant_domains WHERE tenant_id = ? ORDER BY hostname")
			.bind(holder.tenantId)
			.all();
		expect(left.results.map((r) => r.hostname)).toEqual([holder.host, `new-${suffix}.holder.test`, `ok-${suffix}.holder.test`]);
	});
});
