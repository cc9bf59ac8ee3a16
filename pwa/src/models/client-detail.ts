/** One client as the agency sees it: the record and its projects, with the actions of the client page (its people: client-people.ts). */
import { signal } from "@preact/signals";
import type { CrmAccessLevel } from "../../../schema/crm";
import type { ClientT, ProjectSummaryT } from "../../../schema/dto/portal";
import type { ClientStatus } from "../../../schema/portal";
import { api } from "../api/client";
import { fetchJson } from "../api/fetch-json";
import type { ProblemView } from "../api/problem";
import type { Result } from "../api/request";

export const client = signal<ClientT | null>(null);
export const clientProjects = signal<ProjectSummaryT[]>([]);
export const detailProblem = signal<ProblemView | null>(null);

export async function loadClient(id: string): Promise<void> {
	client.value = null;
	const [c, projects] = await Promise.all([
		fetchJson(() => api.api.v1.clients[":id"].$get({ param: { id } })),
		fetchJson(() => api.api.v1.projects.$get({ query: { clientId: id, limit: "100" } })),
	]);
	if (!c.ok) {
		detailProblem.value = c.problem;
		return;
	}
	detailProblem.value = null;
	client.value = c.value;
	clientProjects.value = projects.ok ? projects.value.projects : [];
}

export async function setStatus(id: string, status: Exclude<ClientStatus, "archived">): Promise<Result<ClientT>> {
	const result = await fetchJson(() => api.api.v1.clients[":id"].$patch({ param: { id }, json: { status } }));
	if (result.ok) client.value = result.value;
	return result;
}

/** What the client's people may do in their CRM workspace (audited on the server). */
export async function setCrmAccess(id: string, crmAccess: CrmAccessLevel): Promise<Result<ClientT>> {
	const result = await fetchJson(() => api.api.v1.clients[":id"].$patch({ param: { id }, json: { crmAccess } }));
	if (result.ok) client.value = result.value;
	return result;
}

export async function addProject(clientId: string, name: string): Promise<Result<{ id: string }>> {
	const result = await fetchJson(() => api.api.v1.projects.$post({ json: { clientId, name, status: "active" } }));
	if (result.ok) await loadClient(clientId);
	return result;
}
