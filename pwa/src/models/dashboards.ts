/** The start page's data: the agency's dashboard or a client's home, and the project list both roles browse. */
import { signal } from "@preact/signals";
import type { ClientDashboardT, ProjectSummaryT, StaffDashboardT } from "../../../schema/dto/portal";
import { api } from "../api/client";
import { fetchJson } from "../api/fetch-json";
import type { ProblemView } from "../api/problem";

export const staffDashboard = signal<StaffDashboardT | null>(null);
export const clientDashboard = signal<ClientDashboardT | null>(null);
export const allProjects = signal<ProjectSummaryT[] | null>(null);
export const dashboardProblem = signal<ProblemView | null>(null);

export async function loadStaffDashboard(): Promise<void> {
	const result = await fetchJson(() => api.api.v1.dashboard.staff.$get());
	dashboardProblem.value = result.ok ? null : result.problem;
	if (result.ok) staffDashboard.value = result.value;
}

export async function loadClientDashboard(): Promise<void> {
	const result = await fetchJson(() => api.api.v1.dashboard.client.$get());
	dashboardProblem.value = result.ok ? null : result.problem;
	if (result.ok) clientDashboard.value = result.value;
}

export async function loadProjects(): Promise<void> {
	const result = await fetchJson(() => api.api.v1.projects.$get({ query: { limit: "100" } }));
	dashboardProblem.value = result.ok ? null : result.problem;
	if (result.ok) allProjects.value = result.value.projects;
}
