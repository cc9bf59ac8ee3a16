/**
 * Pipeline report arithmetic with hand-computed answers: value by stage, the weighted forecast per
 * currency (never added across currencies), win rate in a period, and average time in stage checked
 * against a simulation whose true stays are known.
 */
import { describe, expect, it } from "vitest";
import {
	averageTimeInStage,
	closedInPeriod,
	type ReportDeal,
	type ReportStage,
	type ReportStageChange,
	valueByStage,
	weightedForecast,
} from "../../worker/services/crm/deals/report-math";

const stages: ReportStage[] = [
	{ id: "s20", probability: 20, kind: "open" },
	{ id: "s50", probability: 50, kind: "open" },
	{ id: "s90", probability: 90, kind: "open" },
	{ id: "won", probability: 100, kind: "won" },
	{ id: "lost", probability: 0, kind: "lost" },
];

const open = (stageId: string, amount: number, currency = "usd"): ReportDeal => ({
	stageId,
	amount,
	currency,
	status: "open",
	closedAt: null,
});
const closed = (outcome: "won" | "lost", amount: number, closedAt: number, currency = "usd"): ReportDeal => ({
	stageId: outcome,
	amount,
	currency,
	status: outcome,
	closedAt,
});

describe("weighted forecast", () => {
	it("is Σ amount × probability: 1,000 at 20 % + 2,500 at 50 % + 400 at 90 % = 1,810", () => {
		expect(weightedForecast(stages, [open("s20", 1000), open("s50", 2500), open("s90", 400)])).toEqual({ usd: 1810 });
	});

	it("keeps each currency apart and leaves closed deals out", () => {
		const deals = [open("s20", 1000), open("s50", 300, "eur"), open("s90", 1000, "eur"), closed("won", 99_999, 5)];
		// usd: 1000 × 0.2 = 200; eur: 300 × 0.5 + 1000 × 0.9 = 150 + 900 = 1050
		expect(weightedForecast(stages, deals)).toEqual({ usd: 200, eur: 1050 });
	});

	it("rounds once at the end, not per deal", () => {
		// three deals of 1 minor unit at 50 %: 1.5 → 2 (per-deal rounding would give 0 + 0 + 0 or 1 + 1 + 1)
		expect(weightedForecast(stages, [open("s50", 1), open("s50", 1), open("s50", 1)])).toEqual({ usd: 2 });
	});
});

describe("value by stage", () => {
	it("counts and sums each stage's deals per currency, in the stages' order", () => {
		const byStage = valueByStage(stages, [open("s20", 1000), open("s20", 250), open("s50", 70, "eur"), closed("won", 400, 1)]);
		expect(byStage).toEqual([
			{ stageId: "s20", count: 2, value: { usd: 1250 } },
			{ stageId: "s50", count: 1, value: { eur: 70 } },
			{ stageId: "s90", count: 0, value: {} },
			{ stageId: "won", count: 1, value: { usd: 400 } },
			{ stageId: "lost", count: 0, value: {} },
		]);
	});
});

describe("win rate", () => {
	it("is won / (won + lost) of the deals closed in [from, to)", () => {
		const deals = [
			closed("won", 500, 10),
			closed("won", 700, 19),
			closed("lost", 1, 15),
			closed("won", 900, 20),
			closed("lost", 1, 9),
			open("s20", 5),
		];
		// In [10, 20): won at 10 and 19, lost at 15 → 2 / 3; the won deal at 20 and the lost one at 9 fall outside.
		expect(closedInPeriod(deals, 10, 20)).toEqual({ won: { count: 2, value: { usd: 1200 } }, lost: { count: 1 }, winRate: 2 / 3 });
	});

	it("is null when nothing closed in the period", () => {
		expect(closedInPeriod([open("s20", 5)], 0, 100).winRate).toBeNull();
	});
});

describe("average time in stage", () => {
	it("averages finished stays from the history; a deal still in a stage adds nothing there", () => {
		const history: ReportStageChange[] = [
			{ dealId: "a", toStageId: "s20", at: 0 },
			{ dealId: "a", toStageId: "s50", at: 100 },
			{ dealId: "a", toStageId: "won", at: 400 },
			{ dealId: "b", toStageId: "s20", at: 50 },
			{ dealId: "b", toStageId: "s50", at: 350 },
		];
		// s20: a 100, b 300 → 200; s50: a 300 (b is still there) → 300
		expect(averageTimeInStage(stages, history).slice(0, 2)).toEqual([
			{ stageId: "s20", averageMs: 200, stays: 2 },
			{ stageId: "s50", averageMs: 300, stays: 1 },
		]);
	});

	it("recovers the known mean stays of a simulated pipeline (1,000 deals, shuffled history)", () => {
		// A small deterministic generator (mulberry32), so the run is the same every time.
		let seed = 18;
		const random = () => {
			seed = (seed + 0x6d2b79f5) | 0;
			let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
			t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
			return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
		};
		const meanStay = { s20: 2 * 86_400_000, s50: 5 * 86_400_000, s90: 86_400_000 };
		const truth = { s20: { total: 0, n: 0 }, s50: { total: 0, n: 0 }, s90: { total: 0, n: 0 } };
		const history: ReportStageChange[] = [];
		for (let d = 0; d < 1000; d++) {
			let at = Math.floor(random() * 1e10);
			const path = (["s20", "s50", "s90"] as const).slice(0, 1 + Math.floor(random() * 3));
			for (const stage of path) {
				history.push({ dealId: `d${d}`, toStageId: stage, at });
				// Uniform on [0.5, 1.5] × the stage's mean: the true mean is meanStay.
				const stay = Math.round(meanStay[stage] * (0.5 + random()));
				truth[stage].total += stay;
				truth[stage].n++;
				at += stay;
			}
			history.push({ dealId: `d${d}`, toStageId: random() < 0.5 ? "won" : "lost", at });
		}
		history.sort(() => random() - 0.5);
		const report = averageTimeInStage(stages, history);
		for (const stage of ["s20", "s50", "s90"] as const) {
			const row = report.find((r) => r.stageId === stage);
			expect(row?.stays).toBe(truth[stage].n);
			expect(row?.averageMs).toBeCloseTo(truth[stage].total / truth[stage].n, 6);
			// and close to the generator's mean (uniform noise over hundreds of stays)
			expect(Math.abs((row?.averageMs ?? 0) / meanStay[stage] - 1)).toBeLessThan(0.05);
		}
		expect(report.find((r) => r.stageId === "won")).toEqual({ stageId: "won", averageMs: null, stays: 0 });
	});
});
