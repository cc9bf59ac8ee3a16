/**
 * The chart kit's pure maths (pwa/src/components/kit/charts/): round axis ticks, scales, SVG paths
 * with gaps, funnel conversions, time ticks on local midnights across a change of the clocks, the
 * keys that move between points, the summary sentences, and the data the Usage page and the
 * onboarding funnel draw. Each against worked examples.
 */
import { describe, expect, it } from "vitest";
import { formatShare, funnelSteps } from "../../pwa/src/components/kit/charts/funnel-maths";
import { areaPath, linePath } from "../../pwa/src/components/kit/charts/paths";
import { pointIndexAfterKey } from "../../pwa/src/components/kit/charts/point-keys";
import { linearScale, nearestIndex, niceNumber, niceTicks } from "../../pwa/src/components/kit/charts/scale";
import { describeBars, describeFunnel, describeTimeSeries } from "../../pwa/src/components/kit/charts/summaries";
import { pointDateLabel, tickLabel, timeTicks } from "../../pwa/src/components/kit/charts/time-ticks";
import { onboardingFunnelSteps } from "../../pwa/src/components/onboarding/onboarding-funnel-steps";
import { creditsByDay, creditsByFeature } from "../../pwa/src/components/usage/usage-chart-data";

const utc = (iso: string) => Date.parse(iso);
const HOUR = 3_600_000;

describe("nice numbers and value ticks", () => {
	it("rounds to 1, 2 or 5 times a power of ten", () => {
		expect([0.75, 1.4, 2.9, 3, 6.9, 7.5].map((x) => niceNumber(x, true))).toEqual([1, 1, 2, 5, 5, 10]);
		expect([97, 101, 0.3, 2000].map((x) => niceNumber(x, false))).toEqual([100, 200, 0.5, 2000]);
	});

	it("covers the data with round steps, from zero when asked", () => {
		expect(niceTicks(0, 97).ticks).toEqual([0, 20, 40, 60, 80, 100]);
		expect(niceTicks(-20, 45).ticks).toEqual([-20, 0, 20, 40, 60]);
		expect(niceTicks(12, 97, 5, { zero: true }).ticks).toEqual([0, 20, 40, 60, 80, 100]);
		// Decimals come out exact: 0.1 + 0.2 is written 0.3, not 0.30000000000000004.
		expect(niceTicks(0, 0.3).ticks).toEqual([0, 0.1, 0.2, 0.3]);
	});

	it("keeps whole steps for counts and still reads with no data or one value", () => {
		expect(niceTicks(0, 3, 5, { integer: true }).ticks).toEqual([0, 1, 2, 3]);
		expect(niceTicks(0, 0.4, 5, { integer: true, zero: true }).ticks).toEqual([0, 1]);
		expect(niceTicks(0, 0, 5, { zero: true }).ticks).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
		expect(niceTicks(0, 0, 5, { zero: true, integer: true }).ticks).toEqual([0, 1]);
		expect(niceTicks(Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY, 5, { integer: true }).ticks).toEqual([0, 1]);
		expect(niceTicks(5, 5, 5, { zero: true, integer: true }).ticks).toEqual([0, 1, 2, 3, 4, 5]);
		expect(niceTicks(-4, -4, 5, { integer: true }).ticks).toEqual([-4, -3]);
	});
});

describe("scales", () => {
	it("maps linearly, upside down for the y axis, and a single value to the middle", () => {
		const y = linearScale([0, 10], [200, 0]);
		expect([0, 5, 10].map(y)).toEqual([200, 100, 0]);
		expect(linearScale([7, 7], [40, 360])(7)).toBe(200);
	});

	it("finds the nearest point to a pointer", () => {
		const xs = [10, 40, 70, 100];
		expect([0, 24, 26, 69, 1000].map((x) => nearestIndex(xs, x))).toEqual([0, 0, 1, 2, 3]);
		expect(nearestIndex([], 5)).toBe(-1);
		expect(nearestIndex([42], 5)).toBe(0);
	});
});

describe("paths", () => {
	it("draws a line through the points and breaks it at a gap", () => {
		expect(
			linePath([
				{ x: 0, y: 10 },
				{ x: 5.555, y: 12.3456 },
			]),
		).toBe("M0,10L5.56,12.35");
		expect(
			linePath([
				{ x: 0, y: 10 },
				{ x: 5, y: null },
				{ x: 10, y: 20 },
				{ x: 20, y: 30 },
			]),
		).toBe("M0,10M10,20L20,30");
	});

	it("closes each run of an area down to the baseline", () => {
		expect(
			areaPath(
				[
					{ x: 0, y: 10 },
					{ x: 5, y: null },
					{ x: 10, y: 20 },
					{ x: 20, y: 30 },
				],
				100,
			),
		).toBe("M0,100L0,10L0,100ZM10,100L10,20L20,30L20,100Z");
	});

	it("draws nothing for an empty series and a dot's worth for one point", () => {
		expect(linePath([])).toBe("");
		expect(areaPath([], 100)).toBe("");
		expect(linePath([{ x: 3, y: 4 }])).toBe("M3,4");
	});
});

describe("funnel", () => {
	it("1,000 → 250 → 50 converts 25 % then 20 %, 5 % overall", () => {
		const steps = funnelSteps([
			{ label: "Visited", count: 1000 },
			{ label: "Signed up", count: 250 },
			{ label: "Paid", count: 50 },
		]);
		expect(steps.map((s) => [s.ofPrevious, s.ofFirst])).toEqual([
			[null, 1],
			[0.25, 0.25],
			[0.2, 0.05],
		]);
		expect(steps.map((s) => formatShare(s.ofPrevious, "en-US"))).toEqual(["—", "25%", "20%"]);
		expect(formatShare(1 / 8, "en-US")).toBe("12.5%");
		expect(formatShare(1 / 3, "de-DE")).toMatch(/^33,3\s%$/);
		expect(describeFunnel(steps, String, "en-US")).toBe("Visited 1000 → Paid 50: 5% overall.");
	});

	it("has no share after a step of zero", () => {
		const steps = funnelSteps([
			{ label: "Started", count: 0 },
			{ label: "Done", count: 0 },
		]);
		expect(steps.map((s) => [s.ofPrevious, s.ofFirst])).toEqual([
			[null, null],
			[null, null],
		]);
		expect(funnelSteps([])).toEqual([]);
	});
});

describe("time ticks in the person's time zone", () => {
	it("falls on local midnight, also across the night the clocks go forward (a 23-hour day)", () => {
		// Berlin goes from CET (+1) to CEST (+2) on 29 March 2026.
		const from = utc("2026-03-27T23:00:00Z"); // 28 March, 00:00 in Berlin
		const to = utc("2026-03-30T22:00:00Z"); // 31 March, 00:00 in Berlin
		const { unit, ticks } = timeTicks(from, to, "Europe/Berlin", 10);
		expect(unit).toBe("day");
		expect(ticks.map((t) => new Date(t).toISOString())).toEqual([
			"2026-03-27T23:00:00.000Z",
			"2026-03-28T23:00:00.000Z",
			"2026-03-29T22:00:00.000Z",
			"2026-03-30T22:00:00.000Z",
		]);
		expect((ticks[2] ?? 0) - (ticks[1] ?? 0)).toBe(23 * HOUR);
		expect(ticks.map((t) => tickLabel(t, unit, "Europe/Berlin", "en-GB"))).toEqual(["28 Mar", "29 Mar", "30 Mar", "31 Mar"]);
	});

	it("starts at the first local midnight after the first instant, which is a different day per zone", () => {
		const late = utc("2026-12-07T23:30:00Z"); // already 8 December in Berlin, still 7 December in UTC and New York
		expect(pointDateLabel(late, "Europe/Berlin", "en-GB")).toBe("8 Dec 2026");
		expect(pointDateLabel(late, "UTC", "en-GB")).toBe("7 Dec 2026");
		expect(timeTicks(late, late + 30 * HOUR, "Europe/Berlin", 5).ticks).toEqual([utc("2026-12-08T23:00:00Z")]);
		// 18:30 on the 7th in New York to 00:30 on the 9th: two midnights.
		expect(timeTicks(late, late + 30 * HOUR, "America/New_York", 5).ticks).toEqual([
			utc("2026-12-08T05:00:00Z"),
			utc("2026-12-09T05:00:00Z"),
		]);
		expect(timeTicks(late, late + 30 * HOUR, "UTC", 5).ticks).toEqual([utc("2026-12-08T00:00:00Z"), utc("2026-12-09T00:00:00Z")]);
	});

	it("takes coarser steps as the range grows: fortnights, then months", () => {
		const from = utc("2026-01-01T00:00:00Z");
		expect(timeTicks(from, utc("2026-01-31T00:00:00Z"), "UTC", 31).ticks).toHaveLength(31);
		const weeks = timeTicks(from, utc("2026-01-31T00:00:00Z"), "UTC", 6);
		expect(weeks.ticks.map((t) => new Date(t).toISOString().slice(0, 10))).toEqual([
			"2026-01-01",
			"2026-01-08",
			"2026-01-15",
			"2026-01-22",
			"2026-01-29",
		]);
		const fortnights = timeTicks(from, utc("2026-01-31T00:00:00Z"), "UTC", 4);
		expect(fortnights.ticks.map((t) => new Date(t).toISOString().slice(0, 10))).toEqual(["2026-01-01", "2026-01-15", "2026-01-29"]);
		const half = timeTicks(utc("2026-01-15T00:00:00Z"), utc("2026-06-20T00:00:00Z"), "UTC", 6);
		expect(half.unit).toBe("month");
		expect(half.ticks.map((t) => tickLabel(t, half.unit, "UTC", "en-US"))).toEqual([
			"Feb 2026",
			"Mar 2026",
			"Apr 2026",
			"May 2026",
			"Jun 2026",
		]);
		const years = timeTicks(utc("2020-03-01T00:00:00Z"), utc("2026-03-01T00:00:00Z"), "UTC", 4);
		expect(years).toEqual({ unit: "year", ticks: [utc("2022-01-01T00:00:00Z"), utc("2024-01-01T00:00:00Z"), utc("2026-01-01T00:00:00Z")] });
	});

	it("gives one tick at the point when a single point is not on a midnight", () => {
		const noon = utc("2026-12-07T12:00:00Z");
		expect(timeTicks(noon, noon, "UTC", 5)).toEqual({ unit: "day", ticks: [noon] });
	});
});

describe("moving between points by keyboard", () => {
	it("arrows step without wrapping; Home and End jump; other keys do nothing", () => {
		expect(pointIndexAfterKey("ArrowRight", 2, 5)).toBe(3);
		expect(pointIndexAfterKey("ArrowDown", 4, 5)).toBe(4);
		expect(pointIndexAfterKey("ArrowLeft", 0, 5)).toBe(0);
		expect(pointIndexAfterKey("ArrowUp", 3, 5)).toBe(2);
		expect(pointIndexAfterKey("Home", 3, 5)).toBe(0);
		expect(pointIndexAfterKey("End", 0, 5)).toBe(4);
		expect(pointIndexAfterKey("Enter", 1, 5)).toBeNull();
		expect(pointIndexAfterKey("End", 0, 0)).toBeNull();
	});
});

describe("summaries", () => {
	const date = (ms: number) => new Date(ms).toISOString().slice(0, 10);
	it("says the period and each series' total and highest point", () => {
		const series = [
			{
				name: "Credits",
				points: [
					{ x: utc("2026-12-01T00:00:00Z"), y: 4 },
					{ x: utc("2026-12-02T00:00:00Z"), y: 9 },
					{ x: utc("2026-12-03T00:00:00Z"), y: 0 },
				],
			},
		];
		expect(describeTimeSeries(series, { value: String, date })).toBe(
			"From 2026-12-01 to 2026-12-03. Credits: total 13, highest 9 on 2026-12-02.",
		);
		expect(describeTimeSeries([{ name: "Credits", points: [] }], { value: String, date })).toBe("No data.");
	});

	it("names the highest and lowest bar", () => {
		expect(describeBars(["Assistant", "Exports", "API calls"], [{ name: "Credits", values: [12, 1, 5] }], String)).toBe(
			"Credits: highest Assistant (12), lowest Exports (1).",
		);
		expect(describeBars(["Assistant"], [{ name: "Credits", values: [6] }], String)).toBe("Credits: Assistant (6).");
	});
});

describe("the Usage page's chart data", () => {
	const summary = {
		since: utc("2026-12-01T00:00:00Z"),
		byDay: [
			{ day: "2026-12-02", credits: 6, calls: 2, moneyCents: 6 },
			{ day: "2026-12-04", credits: 3, calls: 1, moneyCents: 3 },
		],
		byFeature: [
			{ feature: "export", credits: 2, calls: 1, moneyCents: 2 },
			{ feature: "assistant", credits: 7, calls: 2, moneyCents: 7 },
		],
	};

	it("has one point per UTC day of the period, 0 where nothing was used", () => {
		const points = creditsByDay(summary, utc("2026-12-05T18:00:00Z"));
		expect(points.map((p) => [new Date(p.x).toISOString().slice(0, 10), p.y])).toEqual([
			["2026-12-01", 0],
			["2026-12-02", 6],
			["2026-12-03", 0],
			["2026-12-04", 3],
			["2026-12-05", 0],
		]);
		// A "last 7 days" period starts part-way through a day: that day counts.
		expect(creditsByDay({ ...summary, since: utc("2026-11-28T18:00:00Z") }, utc("2026-12-04T18:00:00Z"))).toHaveLength(7);
		expect(creditsByDay({ since: summary.since, byDay: [] }, utc("2026-12-05T18:00:00Z"))).toEqual([]);
	});

	it("puts the feature that used most first, named as the tables name it", () => {
		expect(creditsByFeature(summary)).toEqual({ categories: ["Assistant", "Exports"], series: [{ name: "Credits", values: [7, 2] }] });
	});
});

describe("the onboarding funnel", () => {
	it("counts started, under way and completed runs, each step holding the ones after it", () => {
		const run = (status: "in_progress" | "completed", done: number) => ({ status, progress: { done } });
		expect(onboardingFunnelSteps([run("in_progress", 0), run("in_progress", 2), run("completed", 5), run("completed", 0)])).toEqual([
			{ label: "Started", count: 4 },
			{ label: "At least one step done", count: 3 },
			{ label: "Completed", count: 2 },
		]);
	});
});
