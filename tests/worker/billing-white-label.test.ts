/**
 * White label is a real gate: each thing it names (brand colour, logo and icons, email sender name,
 * and the custom domain's own feature) is refused with a 403 problem naming the plan on Starter,
 * changes nothing, works on Pro; and a brand set on Pro stops showing (app and email) once the agency
 * is back on Starter.
 */
import { env } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { tenants } from "../../schema/index";
import type { PlanId } from "../../schema/plans";
import { createDb } from "../../worker/lib/db";
import { emailIdentityFor } from "../../worker/services/branding/email-identity";
import { findTenantByHost } from "../../worker/services/tenants/tenants";
import { type Agency, signUpUniqueAgency } from "../support/agencies";
import { call, problemOf } from "../support/http";
import { solidPng } from "./png";

vi.setConfig({ testTimeout: 30_000 });

const db = () => createDb(env.DB);

async function onPlan(agency: Agency, planId: PlanId): Promise<void> {
	await db().update(tenants).set({ planId }).where(eq(tenants.id, agency.tenantId));
}

async function branding(agency: Agency) {
	const res = await call(agency.host, "/api/v1/branding", { cookie: agency.ownerCookie });
	return (await res.json()) as { name: string; primaryColor: string; emailSenderName: string | null; logoUrl: string | null };
}

const patch = (agency: Agency, body: Record<string, unknown>) =>
	call(agency.host, "/api/v1/branding", { method: "PATCH", cookie: agency.ownerCookie, body });

async function uploadLogo(agency: Agency): Promise<Response> {
	return call(agency.host, "/api/v1/branding/images/logo", {
		method: "PUT",
		cookie: agency.ownerCookie,
		rawBody: (await solidPng(256, 256, [11, 110, 79])) as unknown as string,
		headers: { "Content-Type": "image/png" },
	});
}

async function expectNotInStarter(res: Response) {
	expect(res.status).toBe(403);
	const problem = await problemOf(res);
	expect(problem.type).toMatch(/feature-not-in-plan$/);
	expect(problem.detail).toMatch(/^Your Starter plan does not include .+\. Upgrade to Pro or Agency in Billing\.$/);
	return problem;
}

describe("white label on Starter", () => {
	it("refuses a brand colour with 403 naming the plan, and keeps the default", async () => {
		const agency = await signUpUniqueAgency("wl-colour");
		const problem = await expectNotInStarter(await patch(agency, { primaryColor: "#0b6e4f" }));
		expect(problem.errors).toEqual([{ path: "white_label", message: "not included in your plan" }]);
		expect((await branding(agency)).primaryColor).toBe("#1f4ed8");
	});

	it("refuses an email sender name with 403 naming the plan, while the agency's name stays every plan's", async () => {
		const agency = await signUpUniqueAgency("wl-sender");
		await expectNotInStarter(await patch(agency, { emailSenderName: "Northwind Studio" }));
		expect((await branding(agency)).emailSenderName).toBeNull();
		// What the brand page sends on Starter: the name, the colour unchanged and no sender.
		expect((await patch(agency, { name: "Renamed Studio", primaryColor: "#1f4ed8", emailSenderName: null })).status).toBe(200);
		expect((await branding(agency)).name).toBe("Renamed Studio");
	});

	it("refuses a logo upload with 403 naming the plan, and stores nothing", async () => {
		const agency = await signUpUniqueAgency("wl-logo");
		await expectNotInStarter(await uploadLogo(agency));
		expect((await branding(agency)).logoUrl).toBeNull();
		const stored = await env.FILES.list({ prefix: `tenants/${agency.tenantId}/` });
		expect(stored.objects.filter((o) => o.key.includes("logo"))).toEqual([]);
	});

	it("refuses a custom domain with 403 naming the plan", async () => {
		const agency = await signUpUniqueAgency("wl-domain");
		const res = await call(agency.host, "/api/v1/domains", {
			cookie: agency.ownerCookie,
			body: { hostname: `portal.${agency.slug}.example` },
		});
		await expectNotInStarter(res);
	});
});

describe("white label on Pro", () => {
	it("saves colour, sender and logo, shows them in the app and in emails, and stops showing them back on Starter", async () => {
		const agency = await signUpUniqueAgency("wl-pro");
		await onPlan(agency, "pro");
		expect((await patch(agency, { primaryColor: "#0b6e4f", emailSenderName: "Pro Studio" })).status).toBe(200);
		expect((await uploadLogo(agency)).status).toBe(200);
		const host = { kind: "subdomain" as const, slug: agency.slug };
		expect((await findTenantByHost(db(), host))?.brand).toMatchObject({
			primaryColor: "#0b6e4f",
			logoUrl: expect.stringMatching(/^\/brand\/logo-/),
		});
		const branded = await emailIdentityFor(db(), agency.tenantId, "Atrium <mail@atrium.test>", "https://studio.example");
		expect(branded.from).toBe('"Pro Studio" <mail@atrium.test>');
		expect(branded.brand).toMatchObject({ color: "#0b6e4f", logoUrl: expect.stringMatching(/^https:\/\/studio\.example\/brand\/logo-/) });

		await onPlan(agency, "starter");
		expect((await findTenantByHost(db(), host))?.brand).toMatchObject({ primaryColor: "#1f4ed8", logoUrl: null });
		const plain = await emailIdentityFor(db(), agency.tenantId, "Atrium <mail@atrium.test>", "https://studio.example");
		expect(plain.from).toBe(`"Agency ${agency.slug}" <mail@atrium.test>`);
		expect(plain.brand).toMatchObject({ color: "#1f4ed8", logoUrl: null });
	});
});
