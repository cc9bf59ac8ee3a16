/** How portal states and dates read to people. */
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

// Made on first use, not when the module loads: the first formatter loads the locale's date
// patterns (tens of ms on a phone), which would delay the start page's first paint.
let dateFormat: Intl.DateTimeFormat | null = null;

/**
 * Makes the formatter now. A page calls it (when idle) while its data is on the way, so the
 * locale's patterns load in a task of their own, not inside the render that shows the data.
 */
export function prepareDateFormat(): Intl.DateTimeFormat {
	dateFormat ??= new Intl.DateTimeFormat(undefined, { dateStyle: "medium" });
	return dateFormat;
}

export function formatDate(ms: number | null | undefined): string {
	if (ms == null) return "No date";
	return prepareDateFormat().format(ms);
}

/** A `<input type="date">` value as the start of that day, local time (null when empty). */
export function dateInputToMs(value: string): number | null {
	if (!value) return null;
	const ms = new Date(`${value}T00:00`).getTime();
	return Number.isFinite(ms) ? ms : null;
}
