/**
 * A person's appearance choice (Account page): light, dark, the device's setting, or the agency's
 * default. Applied at once (the signed-in person's profile changes, models/theme.ts follows it),
 * saved with PATCH /api/v1/me, and put back with the server's problem if the save is refused.
 */
import { signal } from "@preact/signals";
import type { PersonAppearance } from "../../../schema/theme";
import { api } from "../api/client";
import type { ProblemView } from "../api/problem";
import { send } from "../api/request";
import { me } from "./session";

export const appearanceProblem = signal<ProblemView | null>(null);

function showAppearance(appearance: PersonAppearance | null): void {
	const current = me.value;
	if (current) me.value = { ...current, profile: { ...current.profile, appearance } };
}

export async function chooseAppearance(appearance: PersonAppearance | null): Promise<void> {
	const before = me.value?.profile.appearance ?? null;
	appearanceProblem.value = null;
	showAppearance(appearance);
	const result = await send(() => api.api.v1.me.$patch({ json: { appearance } }));
	if (!result.ok) {
		showAppearance(before);
		appearanceProblem.value = result.problem;
		return;
	}
	if (result.value.status === 200) me.value = await result.value.json();
}
