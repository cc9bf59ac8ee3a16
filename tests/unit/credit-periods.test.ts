/** The plan credit grant's pure rules: month slices of a billing period and the prorated upgrade top-up (floor). */
import { describe, expect, it } from "vitest";
import { addMonthsUtc, creditSliceAt, proratedTopUp } from "../../worker/services/billing/credit-periods";

const at = (iso: string) => Date.parse(iso);

describe("addMonthsUtc", () => {
	it("keeps the time of day and uses the month's last day when the day is missing", () => {
		expect(addMonthsUtc(at("2026-12-07T10:00:00Z"), 1)).toBe(at("2027-01-07T10:00:00Z"));
		expect(addMonthsUtc(at("2027-01-31T08:30:00Z"), 1)).toBe(at("2027-02-28T08:30:00Z"));
		expect(addMonthsUtc(at("2028-01-31T08:30:00Z"), 1)).toBe(at("2028-02-29T08:30:00Z"));
		expect(addMonthsUtc(at("2027-01-31T08:30:00Z"), 3)).toBe(at("2027-04-30T08:30:00Z"));
	});
});

describe("creditSliceAt", () => {
	it("is the whole period for a trial or a monthly period", () => {
		const trial = { start: at("2026-12-07T10:00:00Z"), end: at("2026-12-21T10:00:00Z") };
		expect(creditSliceAt(trial, at("2026-12-10T00:00:00Z"))).toEqual(trial);
	});

	it("cuts a yearly period into month slices from its start, the last one ending with the period", () => {
		const year = { start: at("2026-01-31T00:00:00Z"), end: at("2027-01-31T00:00:00Z") };
		expect(creditSliceAt(year, at("2026-03-05T00:00:00Z"))).toEqual({ start: at("2026-02-28T00:00:00Z"), end: at("2026-03-31T00:00:00Z") });
		expect(creditSliceAt(year, at("2027-01-30T00:00:00Z"))).toEqual({ start: at("2026-12-31T00:00:00Z"), end: year.end });
	});

	it("clamps a moment outside the period into it, and has no slice for an empty period", () => {
		const month = { start: at("2026-11-15T00:00:00Z"), end: at("2026-12-15T00:00:00Z") };
		expect(creditSliceAt(month, at("2026-11-14T23:59:59Z"))).toEqual(month);
		expect(creditSliceAt(month, at("2027-03-01T00:00:00Z"))).toEqual(month);
		expect(creditSliceAt({ start: 5, end: 5 }, 5)).toBeNull();
	});
});

describe("proratedTopUp", () => {
	const slice = { start: at("2026-11-15T00:00:00Z"), end: at("2026-12-15T00:00:00Z") };

	it("grants the difference for the share of the slice left, rounded down", () => {
		expect(proratedTopUp(10_000, 50_000, slice, at("2026-11-30T00:00:00Z"))).toBe(20_000);
		expect(proratedTopUp(10_000, 50_000, slice, slice.start)).toBe(40_000);
		// 10 of 30 days left: 40,000 / 3 = 13,333.33… → 13,333.
		expect(proratedTopUp(10_000, 50_000, slice, at("2026-12-05T00:00:00Z"))).toBe(13_333);
		expect(proratedTopUp(1_000, 10_000, slice, slice.end)).toBe(0);
	});

	it("grants nothing for a move to a smaller or equal allowance", () => {
		expect(proratedTopUp(50_000, 10_000, slice, slice.start)).toBe(0);
		expect(proratedTopUp(10_000, 10_000, slice, slice.start)).toBe(0);
	});
});
