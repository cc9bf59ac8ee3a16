/** Clients and their people: what staff and client users see, filters and sort, archive/restore, the plan limit, and isolation. */
import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { type Agency, logIn, signUpAgency, uniqueSlug } from "../support/agencies";
import { call, problemOf } from "../support/http";
import { addMember } from "./members";
import { json, type PortalAgency, portalAgency } from "./portal-fixtures";

type ClientRow = { id: string; name: string; status: string; tier: string };
type Page = { clients: ClientRow[]; nextCursor: string | null };

let acme: PortalAgency;
beforeEach(async () => {
	acme = await portalAgency(uniqueSlug("acme"));
});

describe("GET /api/v1/clients", () => {
	it("shows staff every client, searchable by name and filterable by status and tier", async () => {
		const all = await json<Page>(call(acme.host, "/api/v1/clients", { cookie: acme.staffCookie }));
		expect(all.clients.map((c) => c.name)).toEqual(["Xylo Foods", "Yarrow Labs"]);
		const searched = await json<Page>(call(acme.host, "/api/v1/clients?q=yarr", { cookie: acme.staffCookie }));
		expect(searched.clients.map((c) => c.name)).toEqual(["Yarrow Labs"]);
		const active = await json<Page>(call(acme.host, "/api/v1/clients?status=active", { cookie: acme.staffCookie }));
		expect(active.clients.map((c) => c.name)).toEqual(["Xylo Foods"]);
		const basic = await json<Page>(call(acme.host, "/api/v1/clients?tier=basic", { cookie: acme.staffCookie }));
		expect(basic.clients.map((c) => c.name)).toEqual(["Yarrow Labs"]);
	});

	it("filters by the staff member who owns a client", async () => {
		await json(
			call(acme.host, `/api/v1/clients/${acme.clientY.id}`, {
				method: "PATCH",
				cookie: acme.staffCookie,
				body: { ownerUserId: acme.staffId },
			}),
		);
		const owned = await json<Page>(call(acme.host, `/api/v1/clients?owner=${acme.staffId}`, { cookie: acme.staffCookie }));
		expect(owned.clients.map((c) => c.name)).toEqual(["Yarrow Labs"]);
		const people = await json<{ people: { email: string }[] }>(
			call(acme.host, `/api/v1/clients/${acme.clientX.id}/people`, { cookie: acme.xUser.cookie }),
		);
		expect(people.people.map((p) => p.email)).toEqual([`x@${acme.slug}.test`]);
	});

	it("sorts by name, status and newest, and pages with a cursor without repeats", async () => {
		for (const name of ["alpha", "Charlie", "bravo"]) {
			await json(call(acme.host, "/api/v1/clients", { cookie: acme.staffCookie, body: { name } }), 201);
		}
		const byName = await json<Page>(call(acme.host, "/api/v1/clients?sort=name", { cookie: acme.staffCookie }));
		expect(byName.clients.map((c) => c.name)).toEqual(["alpha", "bravo", "Charlie", "Xylo Foods", "Yarrow Labs"]);
		const newest = await json<Page>(call(acme.host, "/api/v1/clients?sort=created", { cookie: acme.staffCookie }));
		expect(newest.clients[0]?.name).toBe("bravo");
		const byStatus = await json<Page>(call(acme.host, "/api/v1/clients?sort=status", { cookie: acme.staffCookie }));
		expect(byStatus.clients.map((c) => c.status)).toEqual(["active", "pending_setup", "pending_setup", "pending_setup", "pending_setup"]);
		const seen: string[] = [];
		let cursor: string | null = null;
		do {
			const page: Page = await json<Page>(
				call(acme.host, `/api/v1/clients?sort=name&limit=2${cursor ? `&cursor=${cursor}` : ""}`, { cookie: acme.staffCookie }),
			);
			seen.push(...page.clients.map((c) => c.name));
			cursor = page.nextCursor;
		} while (cursor);
		expect(seen).toEqual(["alpha", "bravo", "Charlie", "Xylo Foods", "Yarrow Labs"]);
	});

	it("answers a client user with their own client only; another client's id is 404", async () => {
		const own = await json<Page>(call(acme.host, "/api/v1/clients", { cookie: acme.xUser.cookie }));
		expect(own.clients.map((c) => c.name)).toEqual(["Xylo Foods"]);
		expect((await json<ClientRow>(call(acme.host, `/api/v1/clients/${acme.clientX.id}`, { cookie: acme.xUser.cookie }))).name).toBe(
			"Xylo Foods",
		);
		for (const path of [`/api/v1/clients/${acme.clientY.id}`, `/api/v1/clients/${acme.clientY.id}/people`]) {
			const res = await call(acme.host, path, { cookie: acme.xUser.cookie });
			expect(res.status, path).toBe(404);
			expect((await problemOf(res)).detail).not.toContain("Yarrow");
		}
	});

	it("gives a client user linked to no client an empty list", async () => {
		await addMember(acme.tenantId, "client", `loose@${acme.slug}.test`);
		const page = await json<Page>(call(acme.host, "/api/v1/clients", { cookie: await logIn(acme.host, `loose@${acme.slug}.test`) }));
		expect(page.clients).toEqual([]);
	});

	it("names a bad query parameter", async () => {
		for (const [query, field] of [
			["status=gone", "status"],
			["sort=colour", "sort"],
			["limit=0", "limit"],
			["cursor=bm9wZQ", "cursor"],
		] as const) {
			const res = await call(acme.host, `/api/v1/clients?${query}`, { cookie: acme.staffCookie });
			expect(res.status, query).toBe(422);
			expect((await problemOf(res)).errors?.[0]?.path, query).toBe(field);
		}
	});
});

describe("writing clients", () => {
	it("creates, edits, archives and restores a client to the status it had", async () => {
		const edited = await json<ClientRow & { notes: string; website: string }>(
			call(acme.host, `/api/v1/clients/${acme.clientY.id}`, {
				method: "PATCH",
				cookie: acme.staffCookie,
				body: { status: "paused", notes: "Quarterly retainer", website: "https://yarrow.example" },
			}),
		);
		expect(edited).toMatchObject({ status: "paused", notes: "Quarterly retainer", website: "https://yarrow.example" });
		const archived = await json<ClientRow>(
			call(acme.host, `/api/v1/clients/${acme.clientY.id}/archive`, { method: "POST", cookie: acme.staffCookie }),
		);
		expect(archived.status).toBe("archived");
		const list = await json<Page>(call(acme.host, "/api/v1/clients?status=archived", { cookie: acme.staffCookie }));
		expect(list.clients.map((c) => c.name)).toEqual(["Yarrow Labs"]);
		const restored = await json<ClientRow>(
			call(acme.host, `/api/v1/clients/${acme.clientY.id}/restore`, { method: "POST", cookie: acme.staffCookie }),
		);
		expect(restored.status).toBe("paused");
	});

	it("refuses bad input naming the field, and changes nothing", async () => {
		for (const [body, field] of [
			[{ name: "" }, "name"],
			[{ name: "Z", tier: "platinum" }, "tier"],
			[{ name: "Z", website: "http://plain.example" }, "website"],
			[{ name: "Z", ownerUserId: acme.xUser.id }, "ownerUserId"],
			[{ name: "Z", colour: "red" }, "colour"],
		] as const) {
			const res = await call(acme.host, "/api/v1/clients", { cookie: acme.staffCookie, body });
			expect(res.status, JSON.stringify(body)).toBe(422);
			expect((await problemOf(res)).errors?.[0]?.path).toBe(field);
		}
		const res = await call(acme.host, `/api/v1/clients/${acme.clientX.id}`, {
			method: "PATCH",
			cookie: acme.staffCookie,
			body: { status: "deleted" },
		});
		expect((await problemOf(res)).errors?.[0]?.path).toBe("status");
		const page = await json<Page>(call(acme.host, "/api/v1/clients", { cookie: acme.staffCookie }));
		expect(page.clients.map((c) => [c.name, c.status])).toEqual([
			["Xylo Foods", "active"],
			["Yarrow Labs", "pending_setup"],
		]);
	});

	it("is refused to client users (403) and records who created a client in the audit log", async () => {
		const res = await call(acme.host, "/api/v1/clients", { cookie: acme.xUser.cookie, body: { name: "Mine" } });
		expect(res.status).toBe(403);
		const archive = await call(acme.host, `/api/v1/clients/${acme.clientX.id}/archive`, { method: "POST", cookie: acme.xUser.cookie });
		expect(archive.status).toBe(403);
		const rows = await env.DB.prepare("SELECT action, actor_label FROM audit_events WHERE tenant_id = ? AND action = 'client.created'")
			.bind(acme.tenantId)
			.all();
		expect(rows.results).toEqual([
			{ action: "client.created", actor_label: `staff@${acme.slug}.test` },
			{ action: "client.created", actor_label: `staff@${acme.slug}.test` },
		]);
	});

	it("stops at the plan's client limit with plan-limit-reached, and archiving frees a place", async () => {
		for (let i = 0; i < 8; i++) await json(call(acme.host, "/api/v1/clients", { cookie: acme.staffCookie, body: { name: `C${i}` } }), 201);
		const over = await call(acme.host, "/api/v1/clients", { cookie: acme.staffCookie, body: { name: "Eleventh" } });
		expect(over.status).toBe(403);
		const problem = await problemOf(over);
		expect(problem.type).toMatch(/plan-limit-reached$/);
		expect(problem.detail).toContain("Starter plan includes 10 clients and 10 are in use");
		expect(problem.errors).toEqual([{ path: "clients", message: "limit of 10 reached" }]);
		await json(call(acme.host, `/api/v1/clients/${acme.clientY.id}/archive`, { method: "POST", cookie: acme.staffCookie }));
		await json(call(acme.host, "/api/v1/clients", { cookie: acme.staffCookie, body: { name: "Eleventh" } }), 201);
		const restore = await call(acme.host, `/api/v1/clients/${acme.clientY.id}/restore`, { method: "POST", cookie: acme.staffCookie });
		expect((await problemOf(restore)).type).toMatch(/plan-limit-reached$/);
		await env.DB.prepare("UPDATE tenants SET plan_id = 'pro' WHERE id = ?").bind(acme.tenantId).run();
		await json(call(acme.host, `/api/v1/clients/${acme.clientY.id}/restore`, { method: "POST", cookie: acme.staffCookie }));
	});
});

describe("a client's people", () => {
	it("lists, links and unlinks; a person belongs to one client", async () => {
		const people = await json<{ people: { email: string }[] }>(
			call(acme.host, `/api/v1/clients/${acme.clientX.id}/people`, { cookie: acme.staffCookie }),
		);
		expect(people.people.map((p) => p.email)).toEqual([`x@${acme.slug}.test`]);
		const taken = await call(acme.host, `/api/v1/clients/${acme.clientY.id}/people/${acme.xUser.id}`, {
			method: "PUT",
			cookie: acme.staffCookie,
		});
		expect(taken.status).toBe(409);
		const unlink = await call(acme.host, `/api/v1/clients/${acme.clientX.id}/people/${acme.xUser.id}`, {
			method: "DELETE",
			cookie: acme.staffCookie,
		});
		expect(unlink.status).toBe(204);
		expect((await call(acme.host, `/api/v1/clients/${acme.clientX.id}`, { cookie: acme.xUser.cookie })).status).toBe(404);
		const tombstone = await env.DB.prepare("SELECT deleted_at FROM client_members WHERE user_id = ?")
			.bind(acme.xUser.id)
			.first<{ deleted_at: number }>();
		expect(tombstone?.deleted_at).toBeGreaterThan(0);
		await json(call(acme.host, `/api/v1/clients/${acme.clientY.id}/people/${acme.xUser.id}`, { method: "PUT", cookie: acme.staffCookie }));
		const own = await json<Page>(call(acme.host, "/api/v1/clients", { cookie: acme.xUser.cookie }));
		expect(own.clients.map((c) => c.name)).toEqual(["Yarrow Labs"]);
	});

	it("links only client-role members (422 naming userId), and clients cannot link anyone", async () => {
		const res = await call(acme.host, `/api/v1/clients/${acme.clientX.id}/people/${acme.staffId}`, {
			method: "PUT",
			cookie: acme.staffCookie,
		});
		expect(res.status).toBe(422);
		expect((await problemOf(res)).errors?.[0]?.path).toBe("userId");
		const byClient = await call(acme.host, `/api/v1/clients/${acme.clientX.id}/people/${acme.yUser.id}`, {
			method: "PUT",
			cookie: acme.xUser.cookie,
		});
		expect(byClient.status).toBe(403);
	});
});

describe("across agencies", () => {
	let beta: Agency;
	beforeEach(async () => {
		beta = await signUpAgency(uniqueSlug("beta"));
	});

	it("never lets agency B reach A's clients by id", async () => {
		const list = await json<Page>(call(beta.host, "/api/v1/clients", { cookie: beta.ownerCookie }));
		expect(list.clients).toEqual([]);
		for (const [method, path] of [
			["GET", `/api/v1/clients/${acme.clientX.id}`],
			["PATCH", `/api/v1/clients/${acme.clientX.id}`],
			["POST", `/api/v1/clients/${acme.clientX.id}/archive`],
			["GET", `/api/v1/clients/${acme.clientX.id}/people`],
			["DELETE", `/api/v1/clients/${acme.clientX.id}/people/${acme.xUser.id}`],
		] as const) {
			const res = await call(beta.host, path, {
				method,
				cookie: beta.ownerCookie,
				...(method === "PATCH" ? { body: { name: "Stolen" } } : {}),
			});
			expect(res.status, `${method} ${path}`).toBe(404);
		}
		const link = await call(beta.host, `/api/v1/clients/${acme.clientX.id}/people/${acme.yUser.id}`, {
			method: "PUT",
			cookie: beta.ownerCookie,
		});
		expect(link.status).toBe(404);
		expect((await call(beta.host, "/api/v1/clients", { cookie: acme.staffCookie })).status).toBe(401);
		const still = await json<ClientRow>(call(acme.host, `/api/v1/clients/${acme.clientX.id}`, { cookie: acme.staffCookie }));
		expect(still.name).toBe("Xylo Foods");
	});
});
