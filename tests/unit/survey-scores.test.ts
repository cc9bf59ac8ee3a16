/** CSAT and NPS arithmetic: shares, averages and the promoter − detractor score, with counts. */
import { describe, expect, it } from "vitest";
import { csatSummary, npsSummary } from "../../worker/services/support/survey-scores";

describe("CSAT", () => {
	it("counts 4 and 5 as satisfied and averages the scores", () => {
		expect(csatSummary([5, 4, 3, 1])).toEqual({ responses: 4, satisfied: 2, satisfiedPercent: 50, average: 3.25 });
		expect(csatSummary([5, 4, 2])).toEqual({ responses: 3, satisfied: 2, satisfiedPercent: 66.7, average: 3.67 });
		expect(csatSummary([])).toEqual({ responses: 0, satisfied: 0, satisfiedPercent: null, average: null });
	});
});

describe("NPS", () => {
	it("is % promoters (9–10) minus % detractors (0–6), rounded", () => {
		expect(npsSummary([10, 9, 8, 7, 6, 0])).toEqual({ responses: 6, promoters: 2, passives: 2, detractors: 2, score: 0 });
		expect(npsSummary([10, 10, 9, 3])).toEqual({ responses: 4, promoters: 3, passives: 0, detractors: 1, score: 50 });
		expect(npsSummary([6, 7, 9])).toEqual({ responses: 3, promoters: 1, passives: 1, detractors: 1, score: 0 });
		expect(npsSummary([0, 8, 8])).toEqual({ responses: 3, promoters: 0, passives: 2, detractors: 1, score: -33 });
		expect(npsSummary([])).toEqual({ responses: 0, promoters: 0, passives: 0, detractors: 0, score: null });
	});
});
