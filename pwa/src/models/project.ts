/**
 * One project as its page shows it (progress, milestone timeline, tasks, deliverables and reviews)
 * and every action on it. Each action reloads the project, so percent and timeline stay true.
 */
import { signal } from "@preact/signals";
import type { ProjectDetailT } from "../../../schema/dto/portal";
import type { MilestoneStatus, ReviewDecision } from "../../../schema/portal";
import { api } from "../api/client";
import { fetchJson } from "../api/fetch-json";
import type { ProblemView } from "../api/problem";

export const project = signal<ProjectDetailT | null>(null);
export const projectProblem = signal<ProblemView | null>(null);
/** The last failed action's message, shown in the page's alert. */
export const actionProblem = signal<ProblemView | null>(null);

export async function loadProject(id: string): Promise<void> {
	const result = await fetchJson(() => api.api.v1.projects[":id"].$get({ param: { id } }));
	if (!result.ok) {
		projectProblem.value = result.problem;
		return;
	}
	projectProblem.value = null;
	project.value = result.value;
}

/** Runs an action, then reloads; returns the problem (also shown on the page) or null. */
async function act(run: () => Promise<{ ok: true } | { ok: false; problem: ProblemView }>): Promise<ProblemView | null> {
	const id = project.value?.project.id;
	if (!id) return null;
	const result = await run();
	actionProblem.value = result.ok ? null : result.problem;
	if (result.ok) await loadProject(id);
	return result.ok ? null : result.problem;
}

function projectId(): string {
	return project.value?.project.id ?? "";
}

export function addMilestone(title: string, dueAt: number | null) {
	return act(() => fetchJson(() => api.api.v1.projects[":id"].milestones.$post({ param: { id: projectId() }, json: { title, dueAt } })));
}

export function setMilestoneStatus(milestoneId: string, status: MilestoneStatus) {
	return act(() =>
		fetchJson(() =>
			api.api.v1.projects[":id"].milestones[":milestoneId"].$patch({ param: { id: projectId(), milestoneId }, json: { status } }),
		),
	);
}

/** Moves a milestone one place up (-1) or down (+1). */
export function moveMilestone(milestoneId: string, by: -1 | 1) {
	const ids = project.value?.timeline.map((m) => m.id) ?? [];
	const from = ids.indexOf(milestoneId);
	const to = from + by;
	if (from < 0 || to < 0 || to >= ids.length) return Promise.resolve(null);
	[ids[from], ids[to]] = [ids[to] ?? "", ids[from] ?? ""];
	return act(() =>
		fetchJson(() => api.api.v1.projects[":id"].milestones.order.$put({ param: { id: projectId() }, json: { milestoneIds: ids } })),
	);
}

export function addTask(input: { title: string; assigneeUserId: string | null; dueAt: number | null; milestoneId: string | null }) {
	return act(() => fetchJson(() => api.api.v1.tasks.$post({ json: { projectId: projectId(), ...input } })));
}

export function assignTask(taskId: string, assigneeUserId: string | null) {
	return act(() => fetchJson(() => api.api.v1.tasks[":id"].$patch({ param: { id: taskId }, json: { assigneeUserId } })));
}

export function completeTask(taskId: string) {
	return act(() => fetchJson(() => api.api.v1.tasks[":id"].complete.$post({ param: { id: taskId } })));
}

export function addLinkDeliverable(title: string, url: string) {
	return act(() => fetchJson(() => api.api.v1.deliverables.$post({ json: { projectId: projectId(), title, kind: "link", url } })));
}

export function reviewDeliverable(deliverableId: string, decision: ReviewDecision, comment: string) {
	return act(() =>
		fetchJson(() => api.api.v1.deliverables[":id"].reviews.$post({ param: { id: deliverableId }, json: { decision, comment } })),
	);
}
