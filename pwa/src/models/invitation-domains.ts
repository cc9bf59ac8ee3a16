/** The agency's invitation domains as a signal, loaded and replaced through the API. */
import { signal } from "@preact/signals";
import { api } from "../api/client";
import { readProblem } from "../api/problem";
import { type Result, send } from "../api/request";

/** null until loaded; empty: invitations may go to any address. */
export const invitationDomains = signal<string[] | null>(null);

export async function loadInvitationDomains(): Promise<void> {
	const result = await send(() => api.api.v1.tenant["invitation-domains"].$get());
	if (result.ok && result.value.status === 200) invitationDomains.value = (await result.value.json()).domains;
}

export async function saveInvitationDomains(domains: string[]): Promise<Result<string[]>> {
	const result = await send(() => api.api.v1.tenant["invitation-domains"].$put({ json: { domains } }));
	if (!result.ok) return result;
	if (result.value.status !== 200) return { ok: false, problem: await readProblem(result.value) };
	invitationDomains.value = (await result.value.json()).domains;
	return { ok: true, value: invitationDomains.value };
}
