/**
 * One project as its page shows it (progress, milestone timeline, tasks, deliverables and reviews)
 * and every action on it. The page reads the device's synced store first (works offline, shows
 * unsent writes) and refreshes from the network in the background, showing the network's answer
 * wherever it is newer than the device's copy (docs/OFFLINE-SYNC.md, "Stale page"); completing or reassigning a
 * task and reviewing a deliverable go through the sync outbox, other actions call the API and then sync.
 */
import { computed, effect, signal } from "@preact/signals";
import type { ProjectDetailT } from "../../../schema/dto/portal";
import type { MilestoneStatus, ReviewDecision } from "../../../schema/portal";
import { api } from "../api/client";
import { fetchJson } from "../api/fetch-json";
import type { ProblemView } from "../api/problem";
import { type ProjectExtras, projectFromStore, projectRecords } from "./project-from-store";
import { me } from "./session";
import { storeFirst } from "./store-first";
import { keepExtras, keptExtras, outbox, queueWrite, records, storeReady } from "./sync";

export const project = signal<ProjectDetailT | null>(null);
export const projectProblem = signal<ProblemView | null>(null);
/** The last failed action's message, shown in the page's alert. */
export const actionProblem = signal<ProblemView | null>(null);

/** The project the page shows, and what the network added to it (assignees). */
const shownId = signal<string | null>(null);
const extras = new Map<string, ProjectExtras>();
/** Ids of records with a write still in the outbox: shown as pending. */
export const pendingIds = computed(() => new Set(outbox.value.map((e) => e.mutation.recordId)));

/** The store first, the last network answer laid over it where newer (models/store-first.ts). */
const view = storeFirst(projectRecords);

/** The device's copy with unsent writes laid over it, and the network's answer wherever that is newer. */
function fromStore(id: string): ProjectDetailT | null {
	return projectFromStore(view.records.value, outbox.value, id, extras.get(id), me.value?.user.name ?? "You");
}

// Whenever the store or the outbox changes, the page follows; what the network added last time
// (assignee names) is read from the device when this session has not fetched it.
effect(() => {
	const id = shownId.value;
	if (!id || !storeReady.value) return;
	const local = fromStore(id);
	if (local) project.value = local;
	if (!extras.has(id)) {
		void keptExtras<ProjectExtras>(`project-extras:${id}`).then((kept) => {
			if (!kept || extras.has(id)) return;
			extras.set(id, kept);
			if (shownId.value === id) project.value = fromStore(id) ?? project.value;
		});
	}
});

export async function loadProject(id: string): Promise<void> {
	shownId.value = id;
	const local = fromStore(id);
	if (local) project.value = local;
	const result = await view.load(() => fetchJson(() => api.api.v1.projects[":id"].$get({ param: { id } })));
	if (!result.ok) {
		// Offline with the project on the device: what is shown is the device's copy.
		if (!fromStore(id) || result.problem.status === 404) projectProblem.value = result.problem;
		return;
	}
	projectProblem.value = null;
	const networkExtras = { assignees: result.value.assignees, invitees: result.value.invitees };
	extras.set(id, networkExtras);
	void keepExtras(`project-extras:${id}`, networkExtras);
	project.value = fromStore(id) ?? result.value;
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

export function addTask(input: {
	title: string;
	assigneeUserId: string | null;
	/** A pending invitee the task waits for, instead of a member. */
	assigneeInvitationId?: string;
	dueAt: number | null;
	milestoneId: string | null;
}) {
	return act(() => fetchJson(() => api.api.v1.tasks.$post({ json: { projectId: projectId(), ...input } })));
}

/** Gives a task to a pending invitee: it waits for them and is theirs when they join (needs the network: no outbox). */
export function assignTaskToInvitee(taskId: string, assigneeInvitationId: string): Promise<ProblemView | null> {
	return act(() => fetchJson(() => api.api.v1.tasks[":id"].$patch({ param: { id: taskId }, json: { assigneeInvitationId } })));
}

/** Reassigns a task through the outbox (works offline; the later edit wins if someone else reassigned it meanwhile). */
export async function assignTask(taskId: string, assigneeUserId: string | null): Promise<ProblemView | null> {
	const task = project.value?.tasks.find((t) => t.id === taskId);
	const version = records.value.get(`tasks:${taskId}`)?.version;
	if (!task || version === undefined) {
		return act(() => fetchJson(() => api.api.v1.tasks[":id"].$patch({ param: { id: taskId }, json: { assigneeUserId } })));
	}
	await queueWrite(
		{
			type: "task.update",
			recordId: taskId,
			baseVersion: version,
			base: { assigneeUserId: task.assigneeUserId },
			changes: { assigneeUserId },
		},
		"tasks",
	);
	return null;
}

/** Marks a task done through the outbox (works offline; shown as pending until sent). */
export async function completeTask(taskId: string): Promise<ProblemView | null> {
	const task = project.value?.tasks.find((t) => t.id === taskId);
	const version = records.value.get(`tasks:${taskId}`)?.version;
	if (!task || version === undefined) return act(() => fetchJson(() => api.api.v1.tasks[":id"].complete.$post({ param: { id: taskId } })));
	await queueWrite({ type: "task.complete", recordId: taskId, baseVersion: version, base: { status: task.status } }, "tasks");
	return null;
}

export function addLinkDeliverable(title: string, url: string) {
	return act(() => fetchJson(() => api.api.v1.deliverables.$post({ json: { projectId: projectId(), title, kind: "link", url } })));
}

/** Records a review decision through the outbox (works offline; shown as pending until sent). */
export async function reviewDeliverable(deliverableId: string, decision: ReviewDecision, comment: string): Promise<ProblemView | null> {
	const deliverable = project.value?.deliverables.find((d) => d.id === deliverableId);
	const version = records.value.get(`deliverables:${deliverableId}`)?.version;
	if (!deliverable || version === undefined) {
		return act(() =>
			fetchJson(() => api.api.v1.deliverables[":id"].reviews.$post({ param: { id: deliverableId }, json: { decision, comment } })),
		);
	}
	await queueWrite(
		{
			type: "deliverable.review",
			recordId: deliverableId,
			baseVersion: version,
			base: { status: deliverable.status },
			changes: { decision, comment },
		},
		"deliverables",
	);
	return null;
}
