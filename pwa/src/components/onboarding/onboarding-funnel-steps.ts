/**
 * The onboarding funnel's steps from the runs' summaries: started (every run), under way (at least
 * one step done, or completed), completed. A run a staff member completed counts at every step,
 * so each step holds the ones after it. Pure (tests/unit/chart-maths.test.ts).
 */
import type { FunnelStepInput } from "../kit/charts/funnel-maths";

type RunCounts = { status: "in_progress" | "completed"; progress: { done: number } };

export function onboardingFunnelSteps(runs: readonly RunCounts[]): FunnelStepInput[] {
	const completed = runs.filter((r) => r.status === "completed").length;
	const underWay = runs.filter((r) => r.status === "completed" || r.progress.done > 0).length;
	return [
		{ label: "Started", count: runs.length },
		{ label: "At least one step done", count: underWay },
		{ label: "Completed", count: completed },
	];
}
