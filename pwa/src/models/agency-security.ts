/** Settings → Security: the agency's account policy, every sign-in attempt on the agency, and unlocking a locked member. */
import { signal } from "@preact/signals";
import type { SecurityPolicy, SignInEventView } from "../../../schema/dto/account-security";
import { api } from "../api/client";
import { fetchJson } from "../api/fetch-json";

export const policy = signal<SecurityPolicy | null>(null);
export const agencySignIns = signal<SignInEventView[] | null>(null);
export const agencySignInsCursor = signal<string | null>(null);
export const securityProblem = signal<string | null>(null);
export const securityStatus = signal("");

export async function loadPolicy(): Promise<void> {
	const result = await fetchJson(() => api.api.v1.tenant["security-policy"].$get());
	if (result.ok) policy.value = result.value;
	else securityProblem.value = result.problem.detail;
}

export async function savePolicy(change: Partial<SecurityPolicy>): Promise<void> {
	securityStatus.value = "";
	const result = await fetchJson(() => api.api.v1.tenant["security-policy"].$patch({ json: change }));
	if (!result.ok) {
		securityProblem.value = result.problem.detail;
		return;
	}
	policy.value = result.value;
	securityProblem.value = null;
	securityStatus.value = "Policy saved.";
}

export async function loadAgencySignIns(more = false): Promise<void> {
	const cursor = more ? (agencySignInsCursor.value ?? undefined) : undefined;
	const result = await fetchJson(() => api.api.v1["sign-ins"].$get({ query: { limit: "25", ...(cursor ? { cursor } : {}) } }));
	if (!result.ok) {
		securityProblem.value = result.problem.detail;
		return;
	}
	agencySignIns.value = more ? [...(agencySignIns.value ?? []), ...result.value.events] : result.value.events;
	agencySignInsCursor.value = result.value.nextCursor;
}

export async function unlockMember(userId: string, email: string): Promise<void> {
	securityStatus.value = "";
	const result = await fetchJson(() => api.api.v1.members[":userId"].unlock.$post({ param: { userId } }));
	if (!result.ok) {
		securityProblem.value = result.problem.detail;
		return;
	}
	securityProblem.value = null;
	securityStatus.value = result.value.wasLocked ? `${email} can sign in again.` : `${email} was not locked.`;
}
