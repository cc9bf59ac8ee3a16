/** The in-isolate cache behind the host and session lookups: entries expire, the oldest go first, revocations remove. */
import { describe, expect, it } from "vitest";
import { TtlCache } from "../../worker/lib/ttl-cache";

describe("TtlCache", () => {
	it("forgets an entry when its time to live has passed", () => {
		const cache = new TtlCache<string, number>(1000, 10);
		cache.set("a", 1, 0);
		expect(cache.get("a", 999)).toBe(1);
		expect(cache.get("a", 1000)).toBeUndefined();
	});

	it("drops the oldest entry beyond its size bound", () => {
		const cache = new TtlCache<string, number>(1000, 2);
		cache.set("a", 1, 0);
		cache.set("b", 2, 0);
		cache.set("c", 3, 0);
		expect([cache.get("a", 1), cache.get("b", 1), cache.get("c", 1)]).toEqual([undefined, 2, 3]);
	});

	it("deletes one entry or every entry matching a rule", () => {
		const cache = new TtlCache<string, { user: string }>(1000, 10);
		cache.set("s1", { user: "u1" }, 0);
		cache.set("s2", { user: "u1" }, 0);
		cache.set("s3", { user: "u2" }, 0);
		cache.delete("s3");
		expect(cache.get("s3", 1)).toBeUndefined();
		cache.deleteWhere((v) => v.user === "u1");
		expect([cache.get("s1", 1), cache.get("s2", 1)]).toEqual([undefined, undefined]);
	});
});
