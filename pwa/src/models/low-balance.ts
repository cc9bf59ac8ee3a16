/** The agency's low-balance alert threshold as a signal: read by owners and admins, changed by billing managers. */
import { signal } from "@preact/signals";
import type { LowBalanceSetting } from "../../../schema/credits";
import { api } from "../api/client";
import { readProblem } from "../api/problem";
import { type Result, send } from "../api/request";

/** null until loaded. */
export const lowBalance = signal<LowBalanceSetting | null>(null);

export async function loadLowBalance(): Promise<void> {
	const result = await send(() => api.api.v1.usage["low-balance"].$get());
	if (result.ok && result.value.status === 200) lowBalance.value = await result.value.json();
}

/** Saves the agency's own threshold in credits (0: no alert), or null to follow the plan's default. */
export async function saveLowBalance(threshold: number | null): Promise<Result<LowBalanceSetting>> {
	const result = await send(() => api.api.v1.usage["low-balance"].$put({ json: { threshold } }));
	if (!result.ok) return result;
	if (result.value.status !== 200) return { ok: false, problem: await readProblem(result.value) };
	const setting = await result.value.json();
	lowBalance.value = setting;
	return { ok: true, value: setting };
}
