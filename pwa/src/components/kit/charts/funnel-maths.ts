/**
 * A funnel's numbers: each step's count, the share of the step before that went on to it
 * (step-to-step conversion) and the share of the first step (overall). 1,000 → 250 → 50 reads
 * 25 % then 20 % step to step, 5 % overall. A share after a step of 0 is null (nothing to convert).
 */

export type FunnelStepInput = { label: string; count: number };
export type FunnelStep = FunnelStepInput & {
	/** count ÷ the step before (null for the first step, or when the step before is 0). */
	ofPrevious: number | null;
	/** count ÷ the first step (null when the first step is 0). */
	ofFirst: number | null;
};

export function funnelSteps(steps: readonly FunnelStepInput[]): FunnelStep[] {
	const first = steps[0]?.count ?? 0;
	return steps.map((step, i) => {
		const previous = i === 0 ? null : (steps[i - 1]?.count ?? 0);
		return {
			...step,
			ofPrevious: previous === null || previous === 0 ? null : step.count / previous,
			ofFirst: first === 0 ? null : step.count / first,
		};
	});
}

/** A share as a percentage in the person's locale with at most one decimal ("25%", "12.5%"); "—" when there is none. */
export function formatShare(share: number | null, locale?: string): string {
	if (share === null) return "—";
	return new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 }).format(share);
}
