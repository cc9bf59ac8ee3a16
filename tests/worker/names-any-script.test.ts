/**
 * Names in every script: lists sorted by a name page through names outside Latin-1 ("Łódź", "東京",
 * emoji) with every row once, in the database's own order; search matches by the same rule as the
 * database (A–Z fold, other letters as written); cursors made before UTF-8 still work, and a cursor
 * that is not ours is a 422 naming `cursor`.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { byStoredName } from "../../schema/collation";
import { signUpAgency, uniqueSlug } from "../support/agencies";
import { call, problemOf } from "../support/http";
import { text, uploaded, uploadSmall } from "./document-fixtures";
import { asOperator } from "./operator";
import { json, type PortalAgency, portalAgency } from "./portal-fixtures";

type ClientRow = { id: string; name: string };
type ClientPage = { clients: ClientRow[]; nextCursor: string | null };

const freshAgency = (): Promise<PortalAgency> => portalAgency(uniqueSlug("names"));

/** Eight more clients (ten with the fixture's two, the Starter plan's limit), most outside ASCII. */
const NAMES = ["Zürich AG", "alpha", "Ärzte Verbund", "Émile & Co", "Łódź Films", "東京 Design", "😀 Smile", "ﬀ Ligatures"];

async function withClients(a: PortalAgency): Promise<void> {
	for (const name of NAMES) {
		await json(call(a.host, "/api/v1/clients", { cookie: a.staffCookie, body: { name } }), 201);
	}
}

/** Every client of the list in pages of `limit`, following nextCursor to the end. */
async function allPages(a: PortalAgency, query: string, limit: number): Promise<ClientRow[]> {
	const out: ClientRow[] = [];
	let cursor: string | null = null;
	for (let pages = 0; pages < 50; pages++) {
		const page: ClientPage = await json<ClientPage>(
			call(a.host, `/api/v1/clients?${query}&limit=${limit}${cursor ? `&cursor=${cursor}` : ""}`, { cookie: a.staffCookie }),
		);
		out.push(...page.clients);
		cursor = page.nextCursor;
		if (!cursor) return out;
	}
	throw new Error("the list never ended");
}

async function databaseOrder(a: PortalAgency, orderBy: string): Promise<string[]> {
	const { results } = await env.DB.prepare(`SELECT name FROM clients WHERE tenant_id = ? AND deleted_at IS NULL ORDER BY ${orderBy}`)
		.bind(a.tenantId)
		.all<{ name: string }>();
	return results.map((r) => r.name);
}

describe("lists sorted by a name", () => {
	it("pages the clients by name across names in any script, every client once, in the database's order", async () => {
		const acme = await freshAgency();
		await withClients(acme);
		const expected = await databaseOrder(acme, "lower(name), id");
		expect(expected).toHaveLength(10);
		for (const limit of [1, 2, 3]) {
			const names = (await allPages(acme, "sort=name", limit)).map((c) => c.name);
			expect(names).toEqual(expected);
		}
		expect((await allPages(acme, "sort=status", 1)).map((c) => c.name).sort()).toEqual([...expected].sort());
	});

	it("finds a client by its name as written in any script, and folds A–Z only, as the database does", async () => {
		const acme = await freshAgency();
		await withClients(acme);
		const search = async (q: string) => (await allPages(acme, `sort=name&q=${encodeURIComponent(q)}`, 1)).map((c) => c.name);
		expect(await search("Łódź")).toEqual(["Łódź Films"]);
		expect(await search("東京")).toEqual(["東京 Design"]);
		expect(await search("😀")).toEqual(["😀 Smile"]);
		expect(await search("zür")).toEqual(["Zürich AG"]);
		expect(await search("FILMS")).toEqual(["Łódź Films"]);
		// Outside A–Z the case must match, as in SQLite's lower() and LIKE (docs/API.md).
		expect(await search("émile")).toEqual([]);
		expect(await search("Émile")).toEqual(["Émile & Co"]);
	});

	it("still reads a cursor made before cursors were UTF-8, and refuses one that is not ours with 422 naming cursor", async () => {
		const acme = await freshAgency();
		await withClients(acme);
		const all = await allPages(acme, "sort=name", 10);
		// The fourth is "Zürich AG": its old cursor holds "zürich ag" as one Latin-1 byte per letter.
		const fourth = all[3];
		if (fourth?.name !== "Zürich AG") throw new Error(`unexpected order: ${all.map((c) => c.name)}`);
		// The old encoding: btoa of the JSON (Latin-1 only), made base64url by hand.
		const old = btoa(JSON.stringify(["zürich ag", fourth.id]))
			.replace(/\+/g, "-")
			.replace(/\//g, "_")
			.replace(/=+$/, "");
		const page = await json<ClientPage>(call(acme.host, `/api/v1/clients?sort=name&limit=2&cursor=${old}`, { cookie: acme.staffCookie }));
		expect(page.clients.map((c) => c.name)).toEqual(all.slice(4, 6).map((c) => c.name));
		for (const bad of ["bm90LWpzb24", "W10", "_-_-"]) {
			const res = await call(acme.host, `/api/v1/clients?sort=name&cursor=${bad}`, { cookie: acme.staffCookie });
			expect(res.status).toBe(422);
			expect((await problemOf(res)).errors).toEqual([{ path: "cursor", message: "must be a cursor returned by this endpoint" }]);
		}
	});

	it("lists documents and folders with names in any script in the database's order, the order the PWA sorts its store by", async () => {
		const acme = await freshAgency();
		for (const name of NAMES) {
			await uploaded(uploadSmall(acme, `${name}.txt`, text(name)));
			await json(call(acme.host, `/api/v1/clients/${acme.clientX.id}/document-folders`, { cookie: acme.staffCookie, body: { name } }), 201);
		}
		const listing = await json<{ folders: { id: string; name: string }[]; documents: { id: string; name: string }[] }>(
			call(acme.host, `/api/v1/clients/${acme.clientX.id}/documents`, { cookie: acme.staffCookie }),
		);
		const { results } = await env.DB.prepare("SELECT id, name FROM documents WHERE tenant_id = ? ORDER BY name, id")
			.bind(acme.tenantId)
			.all<{ id: string; name: string }>();
		expect(listing.documents.map((d) => d.name)).toEqual(results.map((r) => r.name));
		expect([...listing.documents].sort(byStoredName)).toEqual(listing.documents);
		expect([...listing.folders].sort(byStoredName)).toEqual(listing.folders);
		expect(listing.folders.map((f) => f.name)).toEqual([
			"Zürich AG",
			"alpha",
			"Ärzte Verbund",
			"Émile & Co",
			"Łódź Films",
			"東京 Design",
			"ﬀ Ligatures",
			"😀 Smile",
		]);
	});
});

describe("the operator's agency search", () => {
	it("finds an agency by a name written in any script, page by page", async () => {
		const suffix = crypto.randomUUID().slice(0, 8);
		await signUpAgency(`lodz-${suffix}`, { agencyName: `Łódź Studio ${suffix}` });
		await signUpAgency(`tokyo-${suffix}`, { agencyName: `東京 Studio ${suffix}` });
		const names: string[] = [];
		let cursor: string | null = null;
		for (let pages = 0; pages < 10; pages++) {
			const res = await asOperator(
				`/api/operator/agencies?q=${encodeURIComponent(`Studio ${suffix}`)}&limit=1${cursor ? `&cursor=${cursor}` : ""}`,
			);
			const page = (await res.json()) as { agencies: { name: string }[]; nextCursor: string | null };
			names.push(...page.agencies.map((a) => a.name));
			cursor = page.nextCursor;
			if (!cursor) break;
		}
		expect(names.sort()).toEqual([`Łódź Studio ${suffix}`, `東京 Studio ${suffix}`].sort());
		const exact = (await (await asOperator(`/api/operator/agencies?q=${encodeURIComponent(`Łódź Studio ${suffix}`)}`)).json()) as {
			agencies: { name: string }[];
		};
		expect(exact.agencies.map((a) => a.name)).toEqual([`Łódź Studio ${suffix}`]);
	});
});
