/** The domains page's state: the agency's addresses, the add form, and the actions on each domain. */
import { signal } from "@preact/signals";
import type { TenantDomainView } from "../../../schema/dto/domains";
import { api } from "../api/client";
import type { ProblemView } from "../api/problem";
import { send } from "../api/request";

export const domains = signal<TenantDomainView[]>([]);
export const domainsProblem = signal<ProblemView | null>(null);
export const domainsMessage = signal<string | null>(null);
export const newHostname = signal("");
export const working = signal<string | null>(null);

export async function loadDomains(): Promise<void> {
	const result = await send(() => api.api.v1.domains.$get());
	if (!result.ok) {
		domainsProblem.value = result.problem;
		return;
	}
	if (result.value.status === 200) domains.value = (await result.value.json()).domains;
}

export async function addDomain(): Promise<void> {
	working.value = "add";
	domainsProblem.value = null;
	domainsMessage.value = null;
	const result = await send(() => api.api.v1.domains.$post({ json: { hostname: newHostname.value } }));
	working.value = null;
	if (!result.ok) {
		domainsProblem.value = result.problem;
		return;
	}
	if (result.value.status === 201) {
		const added = await result.value.json();
		domains.value = [...domains.value, added];
		newHostname.value = "";
		domainsMessage.value = `${added.hostname} added. Create the two DNS records below, then check.`;
	}
}

function replace(domain: TenantDomainView): void {
	domains.value = domains.value.map((d) => (d.id === domain.id ? domain : d));
}

export async function verifyDomain(id: string): Promise<void> {
	working.value = id;
	domainsProblem.value = null;
	domainsMessage.value = null;
	const result = await send(() => api.api.v1.domains[":id"].verify.$post({ param: { id } }));
	working.value = null;
	if (!result.ok) {
		domainsProblem.value = result.problem;
		return;
	}
	if (result.value.status === 200) {
		const domain = await result.value.json();
		replace(domain);
		domainsMessage.value = domain.status === "active" ? `${domain.hostname} is verified: your portal now answers there.` : null;
	}
}

export async function makePrimary(id: string): Promise<void> {
	working.value = id;
	const result = await send(() => api.api.v1.domains[":id"].primary.$post({ param: { id } }));
	working.value = null;
	if (!result.ok) {
		domainsProblem.value = result.problem;
		return;
	}
	if (result.value.status === 200) {
		domains.value = (await result.value.json()).domains;
		domainsMessage.value = "Primary address changed. Pages on your other addresses now open there.";
	}
}

export async function removeDomain(id: string): Promise<void> {
	working.value = id;
	const result = await send(() => api.api.v1.domains[":id"].$delete({ param: { id } }));
	working.value = null;
	if (!result.ok) {
		domainsProblem.value = result.problem;
		return;
	}
	if (result.value.status === 200) {
		domains.value = (await result.value.json()).domains;
		domainsMessage.value = "Domain removed.";
	}
}
