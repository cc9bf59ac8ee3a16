/**
 * Staff's onboarding funnel, above the list of runs: how many clients' onboarding started, how many
 * did at least one step, and how many completed, with the conversion between steps. Counted from
 * the runs GET /api/v1/onboarding/runs already returns (pure counting in ./onboarding-funnel-steps.ts).
 */
import { FunnelChart } from "../kit/charts";
import { onboardingFunnelSteps } from "./onboarding-funnel-steps";

type Run = Parameters<typeof onboardingFunnelSteps>[0][number];

/** Nothing while the runs load or when there are none: the list below says so. */
export function OnboardingFunnel({ runs }: { runs: readonly Run[] | null }) {
	if (!runs || runs.length === 0) return null;
	return (
		<FunnelChart title="Onboarding funnel" steps={onboardingFunnelSteps(runs)} headingLevel={2} emptyText="No client is onboarding yet." />
	);
}
