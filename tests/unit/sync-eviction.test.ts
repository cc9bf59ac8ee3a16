/** The PWA's storage budget: least recently used records go first, records with unsent changes never. */
import { describe, expect, it } from "vitest";
import { recordsToEvict } from "../../pwa/src/sync/eviction";

const records = [
	{ key: "tasks:a", lastUsedAt: 50 },
	{ key: "tasks:b", lastUsedAt: 10 },
	{ key: "projects:c", lastUsedAt: 30 },
	{ key: "tasks:d", lastUsedAt: 20 },
];

describe("sync storage budget", () => {
	it("evicts nothing within the budget", () => {
		expect(recordsToEvict(records, new Set(), 4)).toEqual([]);
		expect(recordsToEvict(records, new Set(), 10)).toEqual([]);
	});

	it("evicts the least recently used beyond the budget", () => {
		expect(recordsToEvict(records, new Set(), 2)).toEqual(["tasks:b", "tasks:d"]);
	});

	it("never evicts a record an unsent outbox entry refers to, even if that leaves the store over budget", () => {
		expect(recordsToEvict(records, new Set(["tasks:b"]), 2)).toEqual(["tasks:d", "projects:c"]);
		expect(recordsToEvict(records, new Set(["tasks:a", "tasks:b", "projects:c", "tasks:d"]), 0)).toEqual([]);
	});

	it("treats a negative budget as zero", () => {
		expect(recordsToEvict(records, new Set(), -5)).toHaveLength(4);
	});
});
