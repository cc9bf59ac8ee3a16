/**
 * Branding: an admin sets the agency's name, colour (refused below WCAG AA), sender name and
 * images; every visitor's app, the manifest and the brand files follow, on that agency's host only.
 */
import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { type Agency, logIn, signUpUniqueAgency } from "../support/agencies";
import { call, problemOf } from "../support/http";
import { addMember } from "./members";
import { solidPng } from "./png";

let acme: Agency;
let globex: Agency;
beforeEach(async () => {
	acme = await signUpUniqueAgency("acme", { agencyName: "Acme Studio" });
	globex = await signUpUniqueAgency("globex", { agencyName: "Globex" });
	// Colour, sender name and images are white label (Pro and Agency): these agencies are on Pro.
	await env.DB.prepare("UPDATE tenants SET plan_id = 'pro' WHERE id IN (?, ?)").bind(acme.tenantId, globex.tenantId).run();
});

type Manifest = { name: string; theme_color: string; icons: { src: string; sizes: string; purpose: string }[] };

async function manifestOf(host: string): Promise<Manifest> {
	return (await call(host, "/manifest.webmanifest")).json();
}

async function hostBrand(host: string) {
	return ((await (await call(host, "/api/v1/host")).json()) as { brand: { primaryColor: string; icon192Url: string | null } }).brand;
}

function upload(host: string, cookie: string, kind: string, body: Uint8Array<ArrayBuffer>, contentType = "image/png") {
	return call(host, `/api/v1/branding/images/${kind}`, {
		method: "PUT",
		cookie,
		rawBody: body as unknown as string,
		headers: { "Content-Type": contentType },
	});
}

describe("brand colour, name and sender", () => {
	it("starts with Atrium's defaults, then shows the saved colour and name to every visitor and in the manifest", async () => {
		expect(await hostBrand(acme.host)).toEqual({
			primaryColor: "#1f4ed8",
			accentColor: "#f59e0b",
			font: "system",
			cornerStyle: "rounded",
			defaultAppearance: "light",
			logoUrl: null,
			faviconUrl: null,
			icon192Url: null,
			icon512Url: null,
			iconMaskableUrl: null,
		});
		const res = await call(acme.host, "/api/v1/branding", {
			method: "PATCH",
			cookie: acme.ownerCookie,
			body: { name: "Acme Creative", primaryColor: "#0B6E4F", emailSenderName: "Acme Creative Team" },
		});
		expect(res.status).toBe(200);
		expect(await res.json()).toMatchObject({ name: "Acme Creative", primaryColor: "#0b6e4f", emailSenderName: "Acme Creative Team" });
		expect((await hostBrand(acme.host)).primaryColor).toBe("#0b6e4f");
		const manifest = await manifestOf(acme.host);
		expect(manifest).toMatchObject({ name: "Acme Creative", theme_color: "#0b6e4f" });
		expect((await manifestOf(globex.host)).theme_color).toBe("#1f4ed8");
		const audit = await env.DB.prepare(
			"SELECT action, actor_label FROM audit_events WHERE tenant_id = ? AND action = 'tenant.settings_changed'",
		)
			.bind(acme.tenantId)
			.all();
		expect(audit.results).toHaveLength(1);
	});

	it("refuses a colour that fails WCAG AA with white, saying the ratio, and changes nothing", async () => {
		const res = await call(acme.host, "/api/v1/branding", {
			method: "PATCH",
			cookie: acme.ownerCookie,
			body: { name: "Renamed", primaryColor: "#ffcc00" },
		});
		expect(res.status).toBe(422);
		const problem = await problemOf(res);
		expect(problem.errors).toEqual([
			{ path: "primaryColor", message: expect.stringMatching(/^has a contrast of 1\.\d:1 with white; WCAG AA needs 4\.5:1/) },
		]);
		expect((await hostBrand(acme.host)).primaryColor).toBe("#1f4ed8");
		expect((await manifestOf(acme.host)).name).toBe("Acme Studio");
	});

	it("names each bad field", async () => {
		const res = await call(acme.host, "/api/v1/branding", {
			method: "PATCH",
			cookie: acme.ownerCookie,
			body: { primaryColor: "blue", emailSenderName: "Evil <x@y>", logo: "x" },
		});
		expect(res.status).toBe(422);
		expect((await problemOf(res)).errors?.map((e) => e.path).sort()).toEqual(["emailSenderName", "logo", "primaryColor"]);
	});

	it("is for those who manage the agency: staff and clients may read but not change it", async () => {
		const [sam, cleo] = [`sam@${acme.slug}.test`, `cleo@client-${acme.slug}.test`];
		await addMember(acme.tenantId, "staff", sam);
		await addMember(acme.tenantId, "client", cleo);
		for (const email of [sam, cleo]) {
			const cookie = await logIn(acme.host, email);
			expect((await call(acme.host, "/api/v1/branding", { cookie })).status).toBe(200);
			const res = await call(acme.host, "/api/v1/branding", { method: "PATCH", cookie, body: { primaryColor: "#000000" } });
			expect(res.status, email).toBe(403);
		}
		expect((await call(acme.host, "/api/v1/branding", { method: "PATCH", body: { primaryColor: "#000000" } })).status).toBe(401);
		expect((await hostBrand(acme.host)).primaryColor).toBe("#1f4ed8");
	});

	it("cannot be changed from another agency's session", async () => {
		const res = await call(acme.host, "/api/v1/branding", {
			method: "PATCH",
			cookie: globex.ownerCookie,
			body: { primaryColor: "#000000" },
		});
		expect(res.status).toBe(401);
		expect((await hostBrand(acme.host)).primaryColor).toBe("#1f4ed8");
	});
});

describe("brand images", () => {
	it("stores an app icon, puts it in the manifest, and serves it on the agency's host only", async () => {
		const icon = await solidPng(192, 192, [11, 110, 79]);
		const res = await upload(acme.host, acme.ownerCookie, "icon-192", icon);
		expect(res.status).toBe(200);
		const { icon192Url } = (await res.json()) as { icon192Url: string };
		expect(icon192Url).toMatch(/^\/brand\/icon-192-[0-9a-f]{16}\.png$/);
		expect((await manifestOf(acme.host)).icons[0]).toEqual({ src: icon192Url, sizes: "192x192", type: "image/png", purpose: "any" });
		expect((await manifestOf(globex.host)).icons[0]?.src).toBe("/icons/icon-192.png");

		const served = await call(acme.host, icon192Url);
		expect(served.status).toBe(200);
		expect(served.headers.get("Content-Type")).toBe("image/png");
		expect(served.headers.get("Cache-Control")).toContain("immutable");
		expect(new Uint8Array(await served.arrayBuffer())).toEqual(icon);
		expect((await call(globex.host, icon192Url)).status).toBe(404);
	});

	it("refuses an image of the wrong size, a non-PNG and a wrong content type, and keeps what was there", async () => {
		const wrongSize = await upload(acme.host, acme.ownerCookie, "icon-512", await solidPng(500, 500));
		expect(wrongSize.status).toBe(422);
		expect((await problemOf(wrongSize)).errors).toEqual([{ path: "file", message: "must be 512×512 pixels; this one is 500×500" }]);
		const notPng = await upload(
			acme.host,
			acme.ownerCookie,
			"logo",
			new TextEncoder().encode("<svg xmlns='http://www.w3.org/2000/svg'/>") as Uint8Array<ArrayBuffer>,
		);
		expect((await problemOf(notPng)).errors).toEqual([{ path: "file", message: "must be a PNG image" }]);
		const wrongType = await upload(acme.host, acme.ownerCookie, "logo", await solidPng(64, 64), "image/svg+xml");
		expect(wrongType.status).toBe(415);
		const unknownKind = await upload(acme.host, acme.ownerCookie, "banner", await solidPng(64, 64));
		expect(unknownKind.status).toBe(422);
		expect((await problemOf(unknownKind)).errors?.[0]?.path).toBe("kind");
		expect(await hostBrand(acme.host)).toMatchObject({ icon192Url: null });
		const listed = await env.FILES.list({ prefix: `tenants/${acme.tenantId}/` });
		expect(listed.objects).toEqual([]);
	});

	it("replaces an image (the old file is deleted) and removes it back to the default", async () => {
		const first = (await (await upload(acme.host, acme.ownerCookie, "logo", await solidPng(120, 40, [0, 0, 0]))).json()) as {
			logoUrl: string;
		};
		const second = (await (await upload(acme.host, acme.ownerCookie, "logo", await solidPng(120, 40, [9, 9, 9]))).json()) as {
			logoUrl: string;
		};
		expect(second.logoUrl).not.toBe(first.logoUrl);
		expect((await call(acme.host, first.logoUrl)).status).toBe(404);
		const removed = await call(acme.host, "/api/v1/branding/images/logo", { method: "DELETE", cookie: acme.ownerCookie });
		expect(await removed.json()).toMatchObject({ logoUrl: null });
		expect((await call(acme.host, second.logoUrl)).status).toBe(404);
	});
});
