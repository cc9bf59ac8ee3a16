/** The Referrals page's state: the agency's code, link and results, loaded from GET /api/v1/referrals. */
import { signal } from "@preact/signals";
import type { ReferralsOverview } from "../../../schema/referrals";
import { api } from "../api/client";
import type { ProblemView } from "../api/problem";
import { readProblem } from "../api/problem";
import { send } from "../api/request";

export const referrals = signal<ReferralsOverview | null>(null);
export const referralsProblem = signal<ProblemView | null>(null);

export async function loadReferrals(): Promise<void> {
	referralsProblem.value = null;
	const result = await send(() => api.api.v1.referrals.$get());
	if (!result.ok) {
		referralsProblem.value = result.problem;
		return;
	}
	if (result.value.status === 200) referrals.value = await result.value.json();
	else referralsProblem.value = await readProblem(result.value);
}
