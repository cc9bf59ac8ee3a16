/**
 * The sync registry: every synced table's source and every mutation a device may send. The tables
 * and their order come from the descriptors (schema/sync-tables.ts, which also generate the
 * change-log triggers); SOURCES is keyed by entity, so a descriptor without a source does not
 * compile (docs/ARCHITECTURE.md, "Adding a synced table").
 */
import type { SyncEntity, SyncMutationT } from "../../../schema/dto/sync";
import { SYNCED_TABLES } from "../../../schema/sync-tables";
import type { MutationHandler, SyncSource, SyncSourceParts } from "./source";
import { clientsSource, updateClientMutation } from "./sources/clients";
import { deliverableReviewsSource, deliverablesSource, reviewDeliverableMutation } from "./sources/deliverables";
import { documentsSource, foldersSource, versionsSource } from "./sources/documents";
import { messagesSource, sendMessageMutation, threadsSource } from "./sources/messaging";
import { milestonesSource, updateMilestoneMutation } from "./sources/milestones";
import { notificationsSource, readNotificationMutation } from "./sources/notifications";
import { projectsSource, updateProjectMutation } from "./sources/projects";
import { completeTaskMutation, createTaskMutation, tasksSource, updateTaskMutation } from "./sources/tasks";

const SOURCES: { readonly [E in SyncEntity]: SyncSourceParts } = {
	clients: clientsSource,
	projects: projectsSource,
	milestones: milestonesSource,
	tasks: tasksSource,
	deliverables: deliverablesSource,
	deliverable_reviews: deliverableReviewsSource,
	message_threads: threadsSource,
	thread_messages: messagesSource,
	document_folders: foldersSource,
	documents: documentsSource,
	document_versions: versionsSource,
	notifications: notificationsSource,
};

export const SYNC_SOURCES: readonly SyncSource[] = SYNCED_TABLES.map((t) => ({ entity: t.entity, ...SOURCES[t.entity] }));

type Handlers = { [T in SyncMutationT["type"]]: MutationHandler<T> };

export const MUTATION_HANDLERS: Handlers = {
	"task.create": createTaskMutation,
	"task.update": updateTaskMutation,
	"task.complete": completeTaskMutation,
	"milestone.update": updateMilestoneMutation,
	"deliverable.review": reviewDeliverableMutation,
	"project.update": updateProjectMutation,
	"client.update": updateClientMutation,
	"message.send": sendMessageMutation,
	"notification.read": readNotificationMutation,
};

export function sourceOf(entity: SyncEntity): SyncSource | undefined {
	return SYNC_SOURCES.find((s) => s.entity === entity);
}
