/**
 * Builds a project page (and the projects list) from the device's synced records, with the
 * outbox's pending writes laid over them, so the pages work offline and show unsent changes.
 */
import type { DeliverableWithReviewsT, MilestoneT, ProjectDetailT, ProjectSummaryT, TaskT } from "../../../schema/dto/portal";
import { projectProgress } from "../../../schema/progress";
import type { OutboxEntry, StoredRecord } from "../sync/local-store";
import type { NetworkRecord } from "../sync/newer-records";

type Records = ReadonlyMap<string, StoredRecord>;
type Review = DeliverableWithReviewsT["reviews"][number];

/** What the network adds that sync does not carry: whom tasks may go to (members, and pending invitees). */
export type ProjectExtras = Pick<ProjectDetailT, "assignees"> & Partial<Pick<ProjectDetailT, "invitees">>;

function ofEntity<T>(records: Records, entity: string, where: (r: Record<string, unknown>) => boolean): T[] {
	const out: T[] = [];
	for (const stored of records.values()) if (stored.entity === entity && where(stored.record)) out.push(stored.record as T);
	return out;
}

function byCreated(a: { createdAt: number; id: string }, b: { createdAt: number; id: string }): number {
	return a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1);
}

/** Lays unsent writes over the records: what the user did offline shows at once. */
function overlay(
	tasks: TaskT[],
	deliverables: DeliverableWithReviewsT[],
	timeline: MilestoneT[],
	outbox: readonly OutboxEntry[],
	author: string,
) {
	for (const { mutation: m, createdAt } of outbox) {
		const task = tasks.find((t) => t.id === m.recordId);
		if (task && m.type === "task.complete") Object.assign(task, { status: "done", completedAt: createdAt });
		if (task && m.type === "task.update") Object.assign(task, m.changes);
		const milestone = timeline.find((x) => x.id === m.recordId);
		if (milestone && m.type === "milestone.update") Object.assign(milestone, m.changes);
		const deliverable = deliverables.find((d) => d.id === m.recordId);
		if (deliverable && m.type === "deliverable.review") {
			const changes = m.changes as { decision: Review["decision"]; comment?: string };
			deliverable.status = changes.decision;
			deliverable.reviews = [
				...deliverable.reviews,
				{
					id: m.id,
					deliverableId: deliverable.id,
					authorUserId: null,
					authorName: author,
					decision: changes.decision,
					comment: changes.comment ?? "",
					createdAt,
					updatedAt: createdAt,
					deletedAt: null,
				},
			];
		}
	}
}

/** The synced records in a network answer of one project (for the store-first loader, models/store-first.ts). */
export function projectRecords(network: ProjectDetailT): NetworkRecord[] {
	const out: NetworkRecord[] = [{ entity: "projects", record: network.project }];
	for (const milestone of network.timeline) out.push({ entity: "milestones", record: milestone });
	for (const task of network.tasks) out.push({ entity: "tasks", record: task });
	for (const { reviews, ...deliverable } of network.deliverables) {
		out.push({ entity: "deliverables", record: deliverable });
		for (const review of reviews) out.push({ entity: "deliverable_reviews", record: review });
	}
	return out;
}

/** The synced records in the projects list. */
export function projectListRecords(list: readonly ProjectSummaryT[]): NetworkRecord[] {
	return list.map(({ clientName: _name, progress: _progress, ...project }) => ({ entity: "projects", record: project }));
}

export function projectFromStore(
	records: Records,
	outbox: readonly OutboxEntry[],
	projectId: string,
	extras: ProjectExtras | undefined,
	author: string,
): ProjectDetailT | null {
	const stored = records.get(`projects:${projectId}`);
	if (!stored) return null;
	const project = structuredClone(stored.record) as ProjectDetailT["project"];
	const client = records.get(`clients:${project.clientId}`)?.record as { id: string; name: string } | undefined;
	const inProject = (r: Record<string, unknown>) => r.projectId === projectId;
	const timeline = structuredClone(ofEntity<MilestoneT>(records, "milestones", inProject)).sort(
		(a, b) => a.position - b.position || (a.id < b.id ? -1 : 1),
	);
	const tasks = structuredClone(ofEntity<TaskT>(records, "tasks", inProject)).sort(byCreated);
	const deliverables: DeliverableWithReviewsT[] = structuredClone(ofEntity<DeliverableWithReviewsT>(records, "deliverables", inProject))
		.sort((a, b) => -byCreated(a, b))
		.map((d) => ({
			...d,
			reviews: structuredClone(ofEntity<Review>(records, "deliverable_reviews", (r) => r.deliverableId === d.id)).sort(byCreated),
		}));
	overlay(tasks, deliverables, timeline, outbox, author);
	return {
		project,
		client: { id: project.clientId, name: client?.name ?? "" },
		progress: projectProgress(timeline, tasks),
		timeline,
		tasks,
		deliverables,
		assignees: extras?.assignees ?? [],
		invitees: extras?.invitees ?? [],
	};
}

/**
 * The projects list from the store (with a network list laid over it), newest first. A project the
 * store does not hold (only the network knows it yet) keeps the network's client name and progress.
 */
export function projectsFromStore(
	records: Records,
	outbox: readonly OutboxEntry[],
	network: readonly ProjectSummaryT[] = [],
	synced: (key: string) => boolean = () => true,
): ProjectSummaryT[] {
	const fromNetwork = new Map(network.map((p) => [p.id, p]));
	const projects = ofEntity<ProjectSummaryT>(records, "projects", () => true).sort((a, b) => -byCreated(a, b));
	return projects.map((p) => {
		const known = fromNetwork.get(p.id);
		if (known && !synced(`projects:${p.id}`)) return { ...known, ...p, clientName: known.clientName, progress: known.progress };
		const detail = projectFromStore(records, outbox, p.id, undefined, "");
		return { ...p, clientName: detail?.client.name ?? "", progress: detail?.progress ?? projectProgress([], []) };
	});
}
