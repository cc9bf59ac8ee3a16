/** The hybrid logical clock: monotonic, causal across devices with skewed clocks, bounded drift. */
import { describe, expect, it } from "vitest";
import { boundedHlc, compareHlc, formatHlc, type Hlc, hlcOfMillis, parseHlc, receiveHlc, tickHlc, zeroHlc } from "../../schema/hlc";

describe("hybrid logical clock", () => {
	it("formats as text whose order is clock order, and parses back", () => {
		const a: Hlc = { wall: 1_700_000_000_000, counter: 3, node: "dev-a" };
		const b: Hlc = { wall: 1_700_000_000_000, counter: 12, node: "dev-a" };
		const c: Hlc = { wall: 1_700_000_000_001, counter: 0, node: "aaa" };
		expect(parseHlc(formatHlc(a))).toEqual(a);
		const sorted = [formatHlc(c), formatHlc(b), formatHlc(a)].sort();
		expect(sorted).toEqual([formatHlc(a), formatHlc(b), formatHlc(c)]);
		expect(compareHlc(a, b)).toBeLessThan(0);
		expect(compareHlc(c, b)).toBeGreaterThan(0);
		expect(parseHlc("yesterday")).toBeNull();
		expect(parseHlc("1:2:x")).toBeNull();
	});

	it("never goes backwards when the physical clock does", () => {
		let clock = zeroHlc("dev");
		const stamps: Hlc[] = [];
		for (const now of [1000, 1005, 990, 990, 1005, 2000]) {
			clock = tickHlc(clock, now);
			stamps.push(clock);
		}
		for (let i = 1; i < stamps.length; i++) expect(compareHlc(stamps[i] as Hlc, stamps[i - 1] as Hlc)).toBeGreaterThan(0);
		expect(stamps.at(-1)).toEqual({ wall: 2000, counter: 0, node: "dev" });
	});

	it("orders a write after every timestamp the device received, even with a slow device clock", () => {
		const server = tickHlc(zeroHlc("server"), 50_000);
		// The device's own clock says 10 s, far behind the server's 50 s.
		const device = receiveHlc(tickHlc(zeroHlc("phone"), 10_000), server, 10_001);
		const write = tickHlc(device, 10_002);
		expect(compareHlc(write, server)).toBeGreaterThan(0);
		expect(write.node).toBe("phone");
	});

	it("advances the counter when local, remote and physical time tie", () => {
		const local: Hlc = { wall: 500, counter: 2, node: "a" };
		const remote: Hlc = { wall: 500, counter: 7, node: "b" };
		expect(receiveHlc(local, remote, 400)).toEqual({ wall: 500, counter: 8, node: "a" });
		expect(receiveHlc(local, remote, 600)).toEqual({ wall: 600, counter: 0, node: "a" });
		expect(tickHlc({ wall: 9, counter: 99_999, node: "a" }, 1)).toEqual({ wall: 10, counter: 0, node: "a" });
	});

	it("does not believe a device stamp too far ahead of the server", () => {
		const future: Hlc = { wall: 1_000_000 + 3_600_000, counter: 4, node: "phone" };
		expect(boundedHlc(future, 1_000_000, 60_000)).toEqual({ wall: 1_000_000, counter: 0, node: "phone" });
		const near: Hlc = { wall: 1_000_000 + 5_000, counter: 4, node: "phone" };
		expect(boundedHlc(near, 1_000_000, 60_000)).toBe(near);
		expect(compareHlc(hlcOfMillis(1_000_001), near)).toBeLessThan(0);
	});
});
