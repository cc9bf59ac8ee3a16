/**
 * White label without leaks, through the Worker: the emails the jobs really send to an agency's
 * people come from its sender name with its logo and never name Atrium (also on Starter, under the
 * agency's own name); a downgrade that removes white label takes the brand off the app at once (the
 * host cache forgets the agency); and the HTML shell names the agency and links its icons.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it, vi } from "vitest";
import type { HostContext } from "../../schema/dto/auth";
import type { HostInfo } from "../../worker/env";
import { withHostBrand } from "../../worker/http/branded-shell";
import { type Agency, signUpUniqueAgency } from "../support/agencies";
import { call, freshIp } from "../support/http";
import { waitForEmail } from "../support/mailbox";
import { deliverAll, fake, payAndDeliver } from "../support/stripe";
import { addMember } from "./members";
import { solidPng } from "./png";

vi.setConfig({ testTimeout: 30_000 });

type Outbox = { from_address: string; subject: string; text_body: string; html_body: string };

async function outboxRow(to: string, subject: RegExp): Promise<Outbox> {
	const sent = await waitForEmail(to, subject);
	const row = await env.DB.prepare(
		"SELECT from_address, subject, text_body, html_body FROM email_outbox WHERE to_address = ? AND subject = ? ORDER BY created_at DESC LIMIT 1",
	)
		.bind(to, sent.subject)
		.first<Outbox>();
	if (!row) throw new Error(`no outbox row for ${to}`);
	return row;
}

async function uploadLogo(agency: Agency): Promise<Response> {
	return call(agency.host, "/api/v1/branding/images/logo", {
		method: "PUT",
		cookie: agency.ownerCookie,
		rawBody: (await solidPng(256, 256, [11, 110, 79])) as unknown as string,
		headers: { "Content-Type": "image/png" },
	});
}

/** A client of the agency asks for a password reset, and a new team member is invited: two real jobs send two emails. */
async function emailsToClient(agency: Agency): Promise<Outbox[]> {
	const client = `client@${agency.slug}.test`;
	await addMember(agency.tenantId, "client", client);
	const reset = await call(agency.host, "/api/v1/auth/password-reset/request", { body: { email: client }, ip: freshIp() });
	expect(reset.status).toBe(202);
	const invitee = `new-staff@${agency.slug}.test`;
	const invite = await call(agency.host, "/api/v1/invitations", { body: { email: invitee, role: "staff" }, cookie: agency.ownerCookie });
	expect(invite.status).toBe(201);
	return [await outboxRow(client, /^Reset your /), await outboxRow(invitee, / invited you to /)];
}

function expectNoAtrium(email: Outbox): void {
	const displayName = email.from_address.replace(/\s*<[^>]*>$/, "");
	expect([displayName, email.subject, email.text_body, email.html_body].filter((part) => /Atrium/.test(part))).toEqual([]);
}

describe("emails to an agency's clients and team", () => {
	it("on Pro: come from the agency's sender name, carry its logo and colour, and never name Atrium", async () => {
		const agency = await signUpUniqueAgency("wl-mail-pro", { agencyName: "Verdant Studio" });
		await env.DB.prepare("UPDATE tenants SET plan_id = 'pro' WHERE id = ?").bind(agency.tenantId).run();
		const saved = await call(agency.host, "/api/v1/branding", {
			method: "PATCH",
			cookie: agency.ownerCookie,
			body: { primaryColor: "#0b6e4f", emailSenderName: "Verdant Team" },
		});
		expect(saved.status).toBe(200);
		expect((await uploadLogo(agency)).status).toBe(200);
		for (const email of await emailsToClient(agency)) {
			expect(email.from_address).toBe('"Verdant Team" <no-reply@atrium.localhost>');
			expect(email.html_body).toMatch(
				new RegExp(`<img src="http://${agency.host.replaceAll(".", "\\.")}(:\\d+)?/brand/logo-[0-9a-f]{16}\\.png"`),
			);
			expect(email.html_body).toContain(">Verdant Studio</div>");
			expect(email.html_body).toContain("background:#0b6e4f");
			expect(email.text_body.startsWith("Verdant Studio\n")).toBe(true);
			expectNoAtrium(email);
		}
	});

	it("on Starter: come from the agency's own name with its name over the message, no logo, and never name Atrium", async () => {
		const agency = await signUpUniqueAgency("wl-mail-starter", { agencyName: "Plain Studio" });
		for (const email of await emailsToClient(agency)) {
			expect(email.from_address).toBe('"Plain Studio" <no-reply@atrium.localhost>');
			expect(email.html_body).toContain(">Plain Studio</div>");
			expect(email.html_body).not.toContain("<img");
			expectNoAtrium(email);
		}
	});
});

async function hostBrand(agency: Agency) {
	const host = (await (await call(agency.host, "/api/v1/host")).json()) as HostContext;
	if (host.kind !== "tenant") throw new Error("not an agency host");
	return host.brand;
}

describe("a plan change", () => {
	it("that removes white label takes the brand off the app and the manifest at once, not after the host cache's 30 s", async () => {
		const agency = await signUpUniqueAgency("wl-downgrade", { agencyName: "Fading Studio" });
		const checkout = await call(agency.host, "/api/v1/billing/checkout", {
			cookie: agency.ownerCookie,
			body: { planId: "pro", interval: "month" },
		});
		await payAndDeliver(((await checkout.json()) as { url: string }).url);
		await call(agency.host, "/api/v1/branding", { method: "PATCH", cookie: agency.ownerCookie, body: { primaryColor: "#0b6e4f" } });
		expect((await uploadLogo(agency)).status).toBe(200);
		// The host (with its brand) is now cached in this isolate.
		expect(await hostBrand(agency)).toMatchObject({ primaryColor: "#0b6e4f", logoUrl: expect.stringMatching(/^\/brand\/logo-/) });

		const [sub] = (
			await env.DB.prepare("SELECT stripe_subscription_id AS id FROM subscriptions WHERE tenant_id = ?")
				.bind(agency.tenantId)
				.all<{ id: string }>()
		).results;
		await call(agency.host, "/api/v1/billing/cancel", { cookie: agency.ownerCookie, body: { reason: "too_expensive" } });
		await deliverAll((await fake(`/_fake/subscriptions/${sub?.id}/renew`)).events);

		expect(await hostBrand(agency)).toMatchObject({ primaryColor: "#1f4ed8", logoUrl: null, faviconUrl: null });
		const manifest = (await (await call(agency.host, "/manifest.webmanifest")).json()) as { theme_color: string; icons: { src: string }[] };
		expect(manifest.theme_color).toBe("#1f4ed8");
		expect(manifest.icons[0]?.src).toBe("/icons/icon-192.png");
	});
});

const SHELL = `<!doctype html><html><head><meta name="theme-color" content="#1f4ed8"><title>Client portal</title><link rel="icon" href="/favicon.svg" type="image/svg+xml"><link rel="apple-touch-icon" href="/icons/apple-touch-icon-180.png"></head><body><noscript>This portal needs JavaScript to run.</noscript></body></html>`;
const html = () => new Response(SHELL, { headers: { "Content-Type": "text/html; charset=utf-8" } });
const BRAND = {
	primaryColor: "#0b6e4f",
	accentColor: "#f59e0b",
	font: "system" as const,
	cornerStyle: "rounded" as const,
	defaultAppearance: "light" as const,
	logoUrl: "/brand/logo-0123456789abcdef.png",
	faviconUrl: "/brand/favicon-0123456789abcdef.png",
	icon192Url: "/brand/icon-192-0123456789abcdef.png",
	icon512Url: null,
	iconMaskableUrl: null,
};
const tenantHost = (brand: typeof BRAND | null): HostInfo => ({
	kind: "tenant",
	tenant: { id: "t1", slug: "verdant", name: "Verdant <Studio>" },
	brand: brand ?? { ...BRAND, primaryColor: "#1f4ed8", logoUrl: null, faviconUrl: null, icon192Url: null },
	hostname: "verdant.localhost",
	primaryHostname: null,
});

describe("the HTML shell", () => {
	it("names the agency and links its icons and colour on its address, before any script runs", async () => {
		const page = await withHostBrand(html(), tenantHost(BRAND)).text();
		expect(page).toContain("<title>Verdant &lt;Studio&gt;</title>");
		expect(page).toContain('<link rel="icon" href="/brand/favicon-0123456789abcdef.png" type="image/png">');
		expect(page).toContain('<link rel="apple-touch-icon" href="/brand/icon-192-0123456789abcdef.png">');
		expect(page).toContain('<meta name="theme-color" content="#0b6e4f">');
		expect(page).toContain("<noscript>Verdant &lt;Studio&gt;'s portal needs JavaScript to run.</noscript>");
		expect(page).not.toMatch(/Atrium/);
	});

	it("keeps the neutral icons for an agency without an uploaded logo, names Atrium on the platform host only, and leaves other files alone", async () => {
		const plain = await withHostBrand(html(), tenantHost(null)).text();
		expect(plain).toContain("<title>Verdant &lt;Studio&gt;</title>");
		expect(plain).toContain('href="/favicon.svg"');
		expect(plain).not.toMatch(/Atrium/);
		expect(await withHostBrand(html(), { kind: "platform" }).text()).toContain("<title>Atrium — client portals for agencies</title>");
		const script = new Response("const title = '<title>x</title>';", { headers: { "Content-Type": "text/javascript" } });
		expect(await withHostBrand(script, tenantHost(BRAND)).text()).toBe("const title = '<title>x</title>';");
	});
});
