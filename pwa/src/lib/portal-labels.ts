/** How portal states and dates read to people. */
import type { CrmAccessLevel } from "../../../schema/crm";
import type { ClientStatus, DeliverableStatus, MilestoneStatus, ProjectStatus } from "../../../schema/portal";

export const CLIENT_STATUS_LABELS: Record<ClientStatus, string> = {
	pending_setup: "Pending setup",
	active: "Active",
	paused: "Paused",
	archived: "Archived",
};

export const PROJECT_STATUS_LABELS: Record<ProjectStatus, string> = {
	planned: "Planned",
	active: "Active",
	on_hold: "On hold",
	completed: "Completed",
	archived: "Archived",
};

export const MILESTONE_STATUS_LABELS: Record<MilestoneStatus, string> = {
	pending: "Not started",
	in_progress: "In progress",
	completed: "Completed",
};

export const DELIVERABLE_STATUS_LABELS: Record<DeliverableStatus, string> = {
	pending_review: "Waiting for review",
	approved: "Approved",
	changes_requested: "Changes requested",
};

/** What each CRM access level lets a client's people do in their own CRM workspace. */
export const CRM_ACCESS_LABELS: Record<CrmAccessLevel, string> = {
	none: "No access",
	read: "View contacts, deals and leads",
	manage: "View and manage contacts, deals and leads",
};
