/**
 * What a person can be notified of, on which channels, and what is on until they change it. The
 * notification centre's preferences are this matrix; features notify through one service that
 * reads it (worker/services/notifications/notify.ts).
 */
export const NOTIFICATION_CHANNELS = ["in_app", "email", "push"] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

export const NOTIFICATION_EVENTS = [
	"milestone_completed",
	"deliverable_added",
	"ticket_reply",
	"announcement",
	"survey_requested",
	"download_ready",
	"onboarding_completed",
] as const;
export type NotificationEvent = (typeof NOTIFICATION_EVENTS)[number];

export const NOTIFICATION_EVENT_LABELS: Record<NotificationEvent, string> = {
	milestone_completed: "A milestone of your project is completed",
	deliverable_added: "A deliverable is ready for your review",
	ticket_reply: "A reply on a support ticket",
	announcement: "An announcement from your agency",
	survey_requested: "A short survey after a milestone",
	download_ready: "A bulk download you asked for is ready (or could not be made)",
	onboarding_completed: "A client finished onboarding",
};

/** Every event is on for every channel until the person turns it off. */
export const DEFAULT_CHANNEL_ON: Record<NotificationChannel, boolean> = { in_app: true, email: true, push: true };
