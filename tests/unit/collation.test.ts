/**
 * Names as the database orders and matches them (schema/collation.ts), the cursor that carries a
 * name in any script (worker/lib/cursor.ts), and the PWA's documents page sorting its offline store
 * in the order the server lists (models/documents-from-store.ts).
 */
import { describe, expect, it } from "vitest";
import { clientsFromStore, listingFromStore } from "../../pwa/src/models/documents-from-store";
import type { StoredRecord } from "../../pwa/src/sync/local-store";
import { byLowerName, byStoredName, compareBinary, nameMatches, sqlLower } from "../../schema/collation";
import { decodeCursor, encodeCursor } from "../../worker/lib/cursor";
import { Problem } from "../../worker/lib/problem";

/** Code point order, worked out by hand from the first characters' code points. */
const IN_DATABASE_ORDER = ["Zürich", "alpha", "Ärzte", "Émile", "Łódź", "東京", "ﬀ", "😀"];

describe("the database's collation", () => {
	it("orders by code point (UTF-8 bytes), not by locale and not by UTF-16 units", () => {
		const shuffled = ["😀", "Łódź", "alpha", "ﬀ", "東京", "Émile", "Zürich", "Ärzte"];
		expect([...shuffled].sort(compareBinary)).toEqual(IN_DATABASE_ORDER);
		// JavaScript's own comparison puts the emoji (a surrogate pair) before U+FB00.
		expect("😀" < "ﬀ").toBe(true);
		expect(compareBinary("😀", "ﬀ")).toBe(1);
		expect(compareBinary("ab", "abc")).toBe(-1);
		expect(compareBinary("abc", "ab")).toBe(1);
		expect(compareBinary("東京", "東京")).toBe(0);
	});

	it("folds A–Z only, as SQLite's lower() and LIKE do", () => {
		expect(sqlLower("Zürich ÄRZTE Łódź")).toBe("zürich Ärzte Łódź");
		expect(nameMatches("Łódź Films", "FILMS")).toBe(true);
		expect(nameMatches("Łódź Films", "Łódź")).toBe(true);
		expect(nameMatches("Łódź Films", "łódź")).toBe(false);
	});

	it("sorts by name then id, and by lower(name) then id", () => {
		const rows = [
			{ id: "2", name: "b" },
			{ id: "1", name: "b" },
			{ id: "3", name: "B" },
			{ id: "4", name: "Ä" },
		];
		expect([...rows].sort(byStoredName).map((r) => r.id)).toEqual(["3", "1", "2", "4"]);
		expect([...rows].sort(byLowerName).map((r) => r.id)).toEqual(["1", "2", "3", "4"]);
	});
});

describe("cursors", () => {
	it("carry a name in any script there and back", () => {
		for (const value of ["Łódź", "東京 Design", "😀 Smile", "zürich ag", 1_796_000_000_000]) {
			const cursor = encodeCursor({ value, id: "01a2-id" });
			expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
			expect(decodeCursor(cursor)).toEqual({ value, id: "01a2-id" });
		}
	});

	it("read a cursor made before they were UTF-8 (btoa, Latin-1 bytes)", () => {
		const old = (value: string) =>
			btoa(JSON.stringify([value, "id-1"]))
				.replace(/\+/g, "-")
				.replace(/\//g, "_")
				.replace(/=+$/, "");
		expect(decodeCursor(old("alpha"))).toEqual({ value: "alpha", id: "id-1" });
		expect(decodeCursor(old("zürich ag"))).toEqual({ value: "zürich ag", id: "id-1" });
	});

	it("refuse anything else as a 422 naming cursor", () => {
		for (const raw of ["", "bm90LWpzb24", "W10", "*!", "eyJhIjoxfQ"]) {
			let thrown: unknown;
			try {
				decodeCursor(raw);
			} catch (error) {
				thrown = error;
			}
			expect(thrown).toBeInstanceOf(Problem);
			expect((thrown as Problem).status).toBe(422);
			expect((thrown as Problem).errors).toEqual([{ path: "cursor", message: "must be a cursor returned by this endpoint" }]);
		}
	});
});

describe("the documents page from the offline store", () => {
	function stored(entity: StoredRecord["entity"], id: string, record: Record<string, unknown>): [string, StoredRecord] {
		return [`${entity}:${id}`, { entity, id, version: 1, lastUsedAt: 0, record: { id, deletedAt: null, ...record } }];
	}

	it("lists folders and documents in the server's order (name, then id, by code point)", () => {
		const names = ["😀", "Łódź", "alpha", "ﬀ", "東京", "Émile", "Zürich", "Ärzte"];
		const records = new Map([
			...names.map((name, i) => stored("documents", `d${i}`, { name, clientId: "c", folderId: null })),
			...names.map((name, i) => stored("document_folders", `f${i}`, { name, clientId: "c", parentId: null })),
		]);
		const listing = listingFromStore(records, "c", null);
		expect(listing.documents.map((d) => d.name)).toEqual(IN_DATABASE_ORDER);
		expect(listing.folders.map((f) => f.name)).toEqual(IN_DATABASE_ORDER);
	});

	it("lists clients as the clients list sorts them by name (lower(name), then id)", () => {
		const records = new Map([
			stored("clients", "1", { name: "Émile" }),
			stored("clients", "2", { name: "alpha" }),
			stored("clients", "3", { name: "Zürich" }),
			stored("clients", "4", { name: "Ärzte" }),
			stored("clients", "5", { name: "東京" }),
		]);
		expect(clientsFromStore(records).map((c) => c.name)).toEqual(["alpha", "Zürich", "Ärzte", "Émile", "東京"]);
	});
});
