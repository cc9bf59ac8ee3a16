/** Agency emails carry the agency's brand: From name, name over the message, button colour, logo. */
import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { createDb } from "../../worker/lib/db";
import { renderEmail } from "../../worker/lib/email/render";
import { emailIdentityFor, formatFrom } from "../../worker/services/branding/email-identity";
import { type Agency, signUpUniqueAgency } from "../support/agencies";
import { call } from "../support/http";
import { solidPng } from "./png";

let acme: Agency;
beforeEach(async () => {
	acme = await signUpUniqueAgency("acme", { agencyName: "Acme Studio" });
	// The sender name, colour and logo are white label (Pro and Agency): this agency is on Pro.
	await env.DB.prepare("UPDATE tenants SET plan_id = 'pro' WHERE id = ?").bind(acme.tenantId).run();
});

describe("agency email identity", () => {
	it("uses the agency's name on Atrium's sending address until a sender name is set", async () => {
		const identity = await emailIdentityFor(createDb(env.DB), acme.tenantId, "Atrium <no-reply@atrium.localhost>", `http://${acme.host}`);
		expect(identity).toEqual({
			from: '"Acme Studio" <no-reply@atrium.localhost>',
			brand: { name: "Acme Studio", color: "#1f4ed8", logoUrl: null },
		});
	});

	it("follows the saved sender name, colour and logo, and the template shows them", async () => {
		await call(acme.host, "/api/v1/branding", {
			method: "PATCH",
			cookie: acme.ownerCookie,
			body: { primaryColor: "#0b6e4f", emailSenderName: "Acme Team" },
		});
		await call(acme.host, "/api/v1/branding/images/logo", {
			method: "PUT",
			cookie: acme.ownerCookie,
			rawBody: (await solidPng(64, 32)) as unknown as string,
			headers: { "Content-Type": "image/png" },
		});
		const identity = await emailIdentityFor(createDb(env.DB), acme.tenantId, "no-reply@atrium.localhost", `http://${acme.host}:8787/`);
		expect(identity.from).toBe('"Acme Team" <no-reply@atrium.localhost>');
		expect(identity.brand.logoUrl).toMatch(new RegExp(`^http://${acme.host.replaceAll(".", "\\.")}:8787/brand/logo-[0-9a-f]{16}\\.png$`));
		const email = renderEmail({
			subject: "s",
			heading: "Hello",
			paragraphs: ["p"],
			action: { label: "Open", url: `http://${acme.host}/` },
			brand: identity.brand,
		});
		expect(email.html).toContain("background:#0b6e4f");
		expect(email.html).toContain(">Acme Studio</div>");
		expect(email.text.startsWith("Acme Studio\n\nHello")).toBe(true);
	});

	it("quotes a sender name safely", () => {
		expect(formatFrom('Ann "The Boss" \\ Co', "a@b.test")).toBe('"Ann \\"The Boss\\" \\\\ Co" <a@b.test>');
	});
});
