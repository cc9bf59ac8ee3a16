/** The notification centre's contract: a person's notifications, marking them read, and their preferences. */
import { z } from "zod";
import { NOTIFICATION_CHANNELS, NOTIFICATION_EVENTS } from "../notification-events";

export const NotificationDto = z
	.object({
		id: z.string(),
		event: z.enum(NOTIFICATION_EVENTS),
		title: z.string(),
		body: z.string(),
		url: z.string(),
		createdAt: z.number().int(),
		readAt: z.number().int().nullable(),
	})
	.meta({ id: "Notification" });
export type NotificationDto = z.infer<typeof NotificationDto>;

export const NotificationListQuery = z.strictObject({
	unread: z.enum(["true", "false"]).optional(),
	cursor: z.string().max(200, "must be at most 200 characters").optional(),
	limit: z.coerce.number().int("must be a whole number").min(1, "must be at least 1").max(100, "must be at most 100").default(30),
});

export const NotificationPage = z
	.object({ notifications: z.array(NotificationDto), unreadCount: z.number().int(), nextCursor: z.string().nullable() })
	.meta({ id: "NotificationPage" });
export type NotificationPage = z.infer<typeof NotificationPage>;

export const MarkReadBody = z
	.strictObject({
		ids: z.array(z.string().min(1).max(64)).min(1, "must name at least one notification").max(200, "must be at most 200").optional(),
		all: z.literal(true).optional(),
	})
	.refine((body) => (body.ids === undefined) !== (body.all === undefined), { message: "give either ids or all: true", path: ["ids"] })
	.meta({ id: "MarkNotificationsRead" });

export const UnreadCount = z.object({ unreadCount: z.number().int() }).meta({ id: "NotificationUnreadCount" });

const ChannelMap = z.strictObject(
	Object.fromEntries(NOTIFICATION_CHANNELS.map((c) => [c, z.boolean()])) as Record<(typeof NOTIFICATION_CHANNELS)[number], z.ZodBoolean>,
);

export const NotificationPreferences = z
	.object({
		preferences: z.record(z.enum(NOTIFICATION_EVENTS), ChannelMap),
		labels: z.record(z.enum(NOTIFICATION_EVENTS), z.string()),
	})
	.meta({ id: "NotificationPreferences" });
export type NotificationPreferences = z.infer<typeof NotificationPreferences>;

export const UpdateNotificationPreferences = z
	.strictObject({
		changes: z
			.array(z.strictObject({ event: z.enum(NOTIFICATION_EVENTS), channel: z.enum(NOTIFICATION_CHANNELS), enabled: z.boolean() }))
			.min(1, "must change at least one preference")
			.max(50, "must be at most 50 changes"),
	})
	.meta({ id: "UpdateNotificationPreferences" });
