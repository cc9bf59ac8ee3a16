/**
 * Profile editing through `PATCH /api/v1/me` and `/api/v1/me/avatar`: a person changes their own
 * name, time zone, locale and avatar; bad values are refused with problem+json naming the field and
 * change nothing; nobody can reach another person's profile, in their agency or in another.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { logIn, signUpUniqueAgency } from "../support/agencies";
import { call, problemOf } from "../support/http";
import { addMember } from "./members";
import { solidPng } from "./png";

type Me = { user: { id: string; name: string }; profile: { timeZone: string | null; locale: string | null; avatarUrl: string | null } };

function patchMe(host: string, cookie: string, body: unknown) {
	return call(host, "/api/v1/me", { method: "PATCH", cookie, body });
}

function putAvatar(host: string, cookie: string, bytes: Uint8Array<ArrayBuffer>, contentType = "image/png") {
	return call(host, "/api/v1/me/avatar", {
		method: "PUT",
		cookie,
		rawBody: bytes as unknown as string,
		headers: { "Content-Type": contentType },
	});
}

async function userRow(id: string) {
	return env.DB.prepare("SELECT name, time_zone, locale, avatar_file FROM users WHERE id = ?").bind(id).first();
}

describe("PATCH /api/v1/me", () => {
	it("changes the person's name, time zone and locale, shows them on /me at once, and audits it once", async () => {
		const agency = await signUpUniqueAgency("forms-profile");
		const res = await patchMe(agency.host, agency.ownerCookie, { name: "  Ada Lovelace ", timeZone: "Asia/Tokyo", locale: "en-gb" });
		expect(res.status).toBe(200);
		const body = (await res.json()) as Me;
		expect(body.user.name).toBe("Ada Lovelace");
		expect(body.profile).toEqual({ timeZone: "Asia/Tokyo", locale: "en-GB", avatarUrl: null, appearance: null });
		// The cached session follows at once: the next /me says the new name.
		const me = (await (await call(agency.host, "/api/v1/me", { cookie: agency.ownerCookie })).json()) as Me;
		expect(me.user.name).toBe("Ada Lovelace");
		expect(me.profile.locale).toBe("en-GB");
		// Only the fields sent change; null puts a preference back to the device's.
		const partial = (await (await patchMe(agency.host, agency.ownerCookie, { locale: null })).json()) as Me;
		expect(partial.profile).toEqual({ timeZone: "Asia/Tokyo", locale: null, avatarUrl: null, appearance: null });
		expect(partial.user.name).toBe("Ada Lovelace");
		// Sending the same values again writes nothing more.
		await patchMe(agency.host, agency.ownerCookie, { timeZone: "Asia/Tokyo" });
		const audit = await env.DB.prepare(
			"SELECT detail FROM audit_events WHERE tenant_id = ? AND action = 'account.profile_changed' ORDER BY created_at",
		)
			.bind(agency.tenantId)
			.all<{ detail: string }>();
		expect(audit.results.map((r) => JSON.parse(r.detail).fields)).toEqual(["name,timeZone,locale", "locale"]);
	});

	it("refuses an unknown time zone, a malformed locale, an empty name and unknown fields with problem+json naming each, changing nothing", async () => {
		const agency = await signUpUniqueAgency("forms-bad");
		const before = await userRow(agency.owner.id);
		const res = await patchMe(agency.host, agency.ownerCookie, { name: " ", timeZone: "Mars/Olympus", locale: "not a locale!" });
		expect(res.status).toBe(422);
		expect(res.headers.get("Content-Type")).toContain("application/problem+json");
		const problem = await problemOf(res);
		expect(problem.errors).toEqual(
			expect.arrayContaining([
				{ path: "name", message: "is required" },
				{ path: "timeZone", message: "must be an IANA time zone such as Europe/Berlin" },
				{ path: "locale", message: "must be a BCP-47 language tag such as en-GB or de-CH" },
			]),
		);
		const other = await patchMe(agency.host, agency.ownerCookie, { email: "x@evil.test", userId: "someone-else" });
		expect(other.status).toBe(422);
		expect((await problemOf(other)).errors?.map((e) => e.path)).toEqual(expect.arrayContaining(["email", "userId"]));
		expect(await userRow(agency.owner.id)).toEqual(before);
	});

	it("needs a signed-in person: no cookie is 401, and another agency's session opens nothing here", async () => {
		const acme = await signUpUniqueAgency("forms-acme");
		const globex = await signUpUniqueAgency("forms-globex");
		expect((await patchMe(acme.host, "", { name: "Nobody" })).status).toBe(401);
		const cross = await patchMe(acme.host, globex.ownerCookie, { name: "Intruder" });
		expect(cross.status).toBe(401);
		expect((await userRow(acme.owner.id))?.name).toBe(acme.owner.name);
		expect((await userRow(globex.owner.id))?.name).toBe(globex.owner.name);
	});

	it("changes only the caller: two client users and the owner each edit themselves and see only their own avatar", async () => {
		const agency = await signUpUniqueAgency("forms-clients");
		const aliceId = await addMember(agency.tenantId, "client", `alice@${agency.slug}.test`);
		const bobId = await addMember(agency.tenantId, "client", `bob@${agency.slug}.test`);
		const alice = await logIn(agency.host, `alice@${agency.slug}.test`);
		const bob = await logIn(agency.host, `bob@${agency.slug}.test`);
		expect((await patchMe(agency.host, alice, { name: "Alice A", timeZone: "Europe/Paris" })).status).toBe(200);
		expect((await patchMe(agency.host, bob, { name: "Bob B", locale: "de-CH" })).status).toBe(200);
		expect(await userRow(aliceId)).toMatchObject({ name: "Alice A", time_zone: "Europe/Paris", locale: null });
		expect(await userRow(bobId)).toMatchObject({ name: "Bob B", time_zone: null, locale: "de-CH" });
		expect((await userRow(agency.owner.id))?.name).toBe(agency.owner.name);

		expect((await putAvatar(agency.host, alice, await solidPng(64, 64, [200, 0, 0]))).status).toBe(200);
		// Bob has none: his avatar read is 404, never Alice's picture.
		expect((await call(agency.host, "/api/v1/me/avatar", { cookie: bob })).status).toBe(404);
		const own = await call(agency.host, "/api/v1/me/avatar", { cookie: alice });
		expect(own.status).toBe(200);
		expect(new Uint8Array(await own.arrayBuffer())).toEqual(await solidPng(64, 64, [200, 0, 0]));
		// Another agency's owner gets nothing from this host.
		const globex = await signUpUniqueAgency("forms-other");
		expect((await call(agency.host, "/api/v1/me/avatar", { cookie: globex.ownerCookie })).status).toBe(401);
	});
});

describe("avatar", () => {
	it("stores a square PNG in R2, shows it on /me, replaces the old one and removes it", async () => {
		const agency = await signUpUniqueAgency("forms-avatar");
		const first = await putAvatar(agency.host, agency.ownerCookie, await solidPng(128, 128));
		expect(first.status).toBe(200);
		const { avatarUrl } = (await first.json()) as Me["profile"];
		expect(avatarUrl).toMatch(/^\/api\/v1\/me\/avatar\?v=/);
		const me = (await (await call(agency.host, "/api/v1/me", { cookie: agency.ownerCookie })).json()) as Me;
		expect(me.profile.avatarUrl).toBe(avatarUrl);
		const image = await call(agency.host, avatarUrl ?? "", { cookie: agency.ownerCookie });
		expect(image.headers.get("Content-Type")).toBe("image/png");
		expect(image.headers.get("Cache-Control")).toContain("private");

		const second = (await (
			await putAvatar(agency.host, agency.ownerCookie, await solidPng(256, 256, [0, 120, 0]))
		).json()) as Me["profile"];
		expect(second.avatarUrl).not.toBe(avatarUrl);
		const listed = await env.FILES.list({ prefix: `avatars/${agency.tenantId}/` });
		expect(listed.objects).toHaveLength(1);

		const removed = await call(agency.host, "/api/v1/me/avatar", { method: "DELETE", cookie: agency.ownerCookie });
		expect(((await removed.json()) as Me["profile"]).avatarUrl).toBeNull();
		expect((await env.FILES.list({ prefix: `avatars/${agency.tenantId}/` })).objects).toHaveLength(0);
		expect((await call(agency.host, "/api/v1/me/avatar", { cookie: agency.ownerCookie })).status).toBe(404);
	});

	it("refuses what is not a square PNG within the limits, naming the file, and keeps the current avatar", async () => {
		const agency = await signUpUniqueAgency("forms-avatar-bad");
		await putAvatar(agency.host, agency.ownerCookie, await solidPng(64, 64));
		const before = await userRow(agency.owner.id);

		const jpeg = await putAvatar(agency.host, agency.ownerCookie, await solidPng(64, 64), "image/jpeg");
		expect(jpeg.status).toBe(415);
		const notPng = await putAvatar(agency.host, agency.ownerCookie, new TextEncoder().encode("<svg></svg>") as Uint8Array<ArrayBuffer>);
		expect(notPng.status).toBe(422);
		expect((await problemOf(notPng)).errors).toEqual([{ path: "file", message: "must be a PNG image" }]);
		const wide = await putAvatar(agency.host, agency.ownerCookie, await solidPng(128, 64));
		expect((await problemOf(wide)).errors).toEqual([{ path: "file", message: "must be square; this one is 128×64" }]);
		const tiny = await putAvatar(agency.host, agency.ownerCookie, await solidPng(32, 32));
		expect((await problemOf(tiny)).errors?.[0]?.path).toBe("file");
		const huge = new Uint8Array(300 * 1024);
		huge.set(await solidPng(64, 64));
		expect((await putAvatar(agency.host, agency.ownerCookie, huge)).status).toBe(413);

		expect(await userRow(agency.owner.id)).toEqual(before);
		expect((await env.FILES.list({ prefix: `avatars/${agency.tenantId}/` })).objects).toHaveLength(1);
	});
});
