/**
 * Theming: an agency's accent colour, font, corners and default appearance (refused, naming the
 * field, when light or dark could not meet WCAG AA), applied in the HTML shell before first paint
 * and in /theme.css; and each person's own appearance (light, dark or system), stored per user.
 */
import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { type Agency, logIn, signUpUniqueAgency } from "../support/agencies";
import { call, problemOf } from "../support/http";
import { addMember } from "./members";

let acme: Agency;
let globex: Agency;
beforeEach(async () => {
	acme = await signUpUniqueAgency("theme-acme", { agencyName: "Acme Themes" });
	globex = await signUpUniqueAgency("theme-globex", { agencyName: "Globex Themes" });
	// Colours are white label (Pro and Agency): these agencies are on Pro; font and corners are every plan's.
	await env.DB.prepare("UPDATE tenants SET plan_id = 'pro' WHERE id IN (?, ?)").bind(acme.tenantId, globex.tenantId).run();
});

const navigate = { headers: { "Sec-Fetch-Mode": "navigate", Accept: "text/html" } };

async function hostBrand(host: string) {
	return ((await (await call(host, "/api/v1/host")).json()) as { brand: Record<string, unknown> }).brand;
}

async function shellOf(host: string, cookie?: string): Promise<string> {
	const headers: Record<string, string> = { ...navigate.headers };
	if (cookie) headers.Cookie = cookie;
	return (await call(host, "/projects", { headers })).text();
}

function patchTheme(agency: Agency, body: Record<string, unknown>, cookie = agency.ownerCookie) {
	return call(agency.host, "/api/v1/branding", { method: "PATCH", cookie, body });
}

const ACME_THEME = { accentColor: "#F97316", font: "serif", cornerStyle: "pill", defaultAppearance: "dark" };

describe("the agency's theme", () => {
	it("starts with Atrium's theme, then the saved accent, font, corners and dark default reach every visitor before first paint", async () => {
		expect(await hostBrand(acme.host)).toMatchObject({
			accentColor: "#f59e0b",
			font: "system",
			cornerStyle: "rounded",
			defaultAppearance: "light",
		});
		const plain = await shellOf(acme.host);
		expect(plain).toMatch(/<html[^>]* data-theme="light"/);
		expect(plain).not.toContain("/theme.css");

		const res = await patchTheme(acme, { primaryColor: "#0b6e4f", ...ACME_THEME });
		expect(res.status).toBe(200);
		expect(await res.json()).toMatchObject({
			primaryColor: "#0b6e4f",
			accentColor: "#f97316",
			font: "serif",
			cornerStyle: "pill",
			defaultAppearance: "dark",
		});
		expect(await hostBrand(acme.host)).toMatchObject({
			accentColor: "#f97316",
			font: "serif",
			cornerStyle: "pill",
			defaultAppearance: "dark",
		});

		const shell = await shellOf(acme.host);
		expect(shell).toMatch(/<html[^>]* data-theme="dark"/);
		expect(shell).toMatch(/<html[^>]* data-font="serif"/);
		expect(shell).toMatch(/<html[^>]* data-corners="pill"/);
		const href = /<link rel="stylesheet" href="([^"]+)" data-theme-css>/.exec(shell)?.[1];
		expect(href).toBe("/theme.css?primary=0b6e4f&amp;accent=f97316");
		const css = await call(acme.host, href?.replaceAll("&amp;", "&") ?? "");
		expect(css.headers.get("Content-Type")).toMatch(/^text\/css/);
		const text = await css.text();
		expect(text).toContain(":root{--color-primary:#0b6e4f;");
		expect(text).toContain("--color-accent:#f97316");
		expect(text).toMatch(/:root\[data-theme="dark"\]\{[^}]*--color-link:#[0-9a-f]{6}/);

		// The other agency keeps Atrium's theme.
		expect(await hostBrand(globex.host)).toMatchObject({ accentColor: "#f59e0b", font: "system", defaultAppearance: "light" });
		expect(await shellOf(globex.host)).toMatch(/<html[^>]* data-theme="light"/);
	});

	it("refuses colours that cannot meet WCAG AA in light and dark, and unknown choices, naming the field and changing nothing", async () => {
		const cases: [Record<string, unknown>, string, RegExp][] = [
			[{ accentColor: "#ff0000", font: "serif" }, "accentColor", /reads at best 4\.4:1/],
			[{ accentColor: "#7a7a7a" }, "accentColor", /WCAG AA needs 4\.5:1/],
			[{ primaryColor: "#777777", accentColor: "#f97316" }, "primaryColor", /4\.4:1 with white/],
			[{ accentColor: "orange" }, "accentColor", /must be a colour/],
			[{ font: "comic-sans" }, "font", /must be one of system, serif, rounded/],
			[{ cornerStyle: "round" }, "cornerStyle", /must be one of sharp, rounded, pill/],
			[{ defaultAppearance: "system" }, "defaultAppearance", /must be one of light, dark/],
		];
		for (const [body, field, message] of cases) {
			const res = await patchTheme(acme, body);
			expect(res.status, JSON.stringify(body)).toBe(422);
			const problem = await problemOf(res);
			expect(
				problem.errors?.map((e) => e.path),
				JSON.stringify(body),
			).toEqual([field]);
			expect(problem.errors?.[0]?.message).toMatch(message);
		}
		expect(await hostBrand(acme.host)).toMatchObject({ primaryColor: "#1f4ed8", accentColor: "#f59e0b", font: "system" });
	});

	it("is white label for colours only: on Starter the accent is refused, font and corners are saved", async () => {
		await env.DB.prepare("UPDATE tenants SET plan_id = 'starter' WHERE id = ?").bind(acme.tenantId).run();
		expect((await patchTheme(acme, { accentColor: "#f97316" })).status).toBe(403);
		expect((await patchTheme(acme, { font: "rounded", cornerStyle: "sharp", defaultAppearance: "dark" })).status).toBe(200);
		expect(await hostBrand(acme.host)).toMatchObject({
			accentColor: "#f59e0b",
			font: "rounded",
			cornerStyle: "sharp",
			defaultAppearance: "dark",
		});
	});

	it("cannot be changed by another agency's session, a client person or staff", async () => {
		const cleo = `cleo-${acme.slug}@example.com`;
		const sam = `sam-${acme.slug}@example.com`;
		await addMember(acme.tenantId, "client", cleo);
		await addMember(acme.tenantId, "staff", sam);
		for (const email of [cleo, sam]) {
			const res = await patchTheme(acme, ACME_THEME, await logIn(acme.host, email));
			expect(res.status, email).toBe(403);
		}
		expect((await patchTheme(acme, ACME_THEME, globex.ownerCookie)).status).toBe(401);
		// Globex's own settings never show Acme's theme, and Acme's are unchanged.
		expect((await patchTheme(globex, { font: "serif" })).status).toBe(200);
		expect(await hostBrand(acme.host)).toMatchObject({
			accentColor: "#f59e0b",
			font: "system",
			cornerStyle: "rounded",
			defaultAppearance: "light",
		});
		const globexSettings = await (await call(globex.host, "/api/v1/branding", { cookie: globex.ownerCookie })).json();
		expect(globexSettings).toMatchObject({ name: "Globex Themes", font: "serif", accentColor: "#f59e0b" });
	});
});

describe("a person's appearance", () => {
	type Me = { profile: { appearance: string | null } };
	const me = async (agency: Agency, cookie: string) => ((await (await call(agency.host, "/api/v1/me", { cookie })).json()) as Me).profile;

	it("is each person's own: a client chooses dark, the owner keeps the agency's default, null puts it back", async () => {
		const cleo = `cleo-${acme.slug}@example.com`;
		await addMember(acme.tenantId, "client", cleo);
		const cookie = await logIn(acme.host, cleo);
		expect((await me(acme, cookie)).appearance).toBeNull();
		const res = await call(acme.host, "/api/v1/me", { method: "PATCH", cookie, body: { appearance: "dark" } });
		expect(res.status).toBe(200);
		expect(((await res.json()) as Me).profile.appearance).toBe("dark");
		expect((await me(acme, cookie)).appearance).toBe("dark");
		expect((await me(acme, acme.ownerCookie)).appearance).toBeNull();
		expect(
			(await call(acme.host, "/api/v1/me", { method: "PATCH", cookie: acme.ownerCookie, body: { appearance: "system" } })).status,
		).toBe(200);
		expect((await me(acme, acme.ownerCookie)).appearance).toBe("system");
		expect((await me(acme, cookie)).appearance).toBe("dark");
		expect((await call(acme.host, "/api/v1/me", { method: "PATCH", cookie, body: { appearance: null } })).status).toBe(200);
		expect((await me(acme, cookie)).appearance).toBeNull();
	});

	it("refuses an unknown appearance naming the field, and cannot be changed from another agency", async () => {
		const bad = await call(acme.host, "/api/v1/me", { method: "PATCH", cookie: acme.ownerCookie, body: { appearance: "sepia" } });
		expect(bad.status).toBe(422);
		expect((await problemOf(bad)).errors?.map((e) => e.path)).toEqual(["appearance"]);
		const foreign = await call(acme.host, "/api/v1/me", { method: "PATCH", cookie: globex.ownerCookie, body: { appearance: "dark" } });
		expect(foreign.status).toBe(401);
		expect((await me(acme, acme.ownerCookie)).appearance).toBeNull();
		expect((await me(globex, globex.ownerCookie)).appearance).toBeNull();
	});

	it("paints the next load in the person's choice (kept in a cookie by the app) over the agency's default", async () => {
		expect((await patchTheme(acme, { defaultAppearance: "dark" })).status).toBe(200);
		expect(await shellOf(acme.host, "appearance=light")).toMatch(/<html[^>]* data-theme="light"/);
		expect(await shellOf(acme.host, "other=1; appearance=system")).toMatch(/<html[^>]* data-theme="system"/);
		expect(await shellOf(acme.host, "appearance=sepia")).toMatch(/<html[^>]* data-theme="dark"/);
	});

	it("serves /theme.css only for real colours", async () => {
		const res = await call(acme.host, "/theme.css?primary=zzz&accent=f97316");
		expect(res.status).toBe(422);
		expect((await problemOf(res)).errors?.map((e) => e.path)).toEqual(["primary"]);
	});
});
