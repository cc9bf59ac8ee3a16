/**
 * The sync registry: every synced table's source and every mutation a device may send. Another area
 * plugs in by adding its source and handlers here and its change-log triggers to a migration
 * (docs/OFFLINE-SYNC.md, "Adding a table").
 */
import type { SyncEntity, SyncMutationT } from "../../../schema/dto/sync";
import type { MutationHandler, SyncSource } from "./source";
import { clientsSource, updateClientMutation } from "./sources/clients";
import { deliverableReviewsSource, deliverablesSource, reviewDeliverableMutation } from "./sources/deliverables";
import { documentsSource, foldersSource, versionsSource } from "./sources/documents";
import { messagesSource, sendMessageMutation, threadsSource } from "./sources/messaging";
import { milestonesSource, updateMilestoneMutation } from "./sources/milestones";
import { notificationsSource, readNotificationMutation } from "./sources/notifications";
import { projectsSource, updateProjectMutation } from "./sources/projects";
import { completeTaskMutation, createTaskMutation, tasksSource, updateTaskMutation } from "./sources/tasks";

export const SYNC_SOURCES: readonly SyncSource[] = [
	clientsSource,
	projectsSource,
	milestonesSource,
	tasksSource,
	deliverablesSource,
	deliverableReviewsSource,
	threadsSource,
	messagesSource,
	foldersSource,
	documentsSource,
	versionsSource,
	notificationsSource,
];

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
