/**
 * Survey arithmetic. CSAT: the share of 4s and 5s on a 1–5 scale, and the mean. NPS on 0–10:
 * promoters score 9–10, passives 7–8, detractors 0–6; NPS = % promoters − % detractors.
 */
import type { z } from "zod";
import type { CsatSummary, NpsSummary } from "../../../schema/dto/support";

const round = (value: number, places: number) => Math.round(value * 10 ** places) / 10 ** places;

export function csatSummary(scores: readonly number[]): z.infer<typeof CsatSummary> {
	const responses = scores.length;
	const satisfied = scores.filter((s) => s >= 4).length;
	if (responses === 0) return { responses, satisfied, satisfiedPercent: null, average: null };
	const sum = scores.reduce((total, s) => total + s, 0);
	return { responses, satisfied, satisfiedPercent: round((satisfied / responses) * 100, 1), average: round(sum / responses, 2) };
}

export function npsSummary(scores: readonly number[]): z.infer<typeof NpsSummary> {
	const responses = scores.length;
	const promoters = scores.filter((s) => s >= 9).length;
	const detractors = scores.filter((s) => s <= 6).length;
	const passives = responses - promoters - detractors;
	const score = responses === 0 ? null : Math.round(((promoters - detractors) / responses) * 100);
	return { responses, promoters, passives, detractors, score: Object.is(score, -0) ? 0 : score };
}
