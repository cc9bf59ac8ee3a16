/** Wire shapes of the messaging API: threads, messages, attachments, read marks and settings. */
import { z } from "zod";
import { SERVICE_TIERS } from "../portal";
import { IdParam } from "./portal";

const Cursor = z
	.string()
	.max(500)
	.regex(/^[A-Za-z0-9_-]+$/, "must be a cursor returned by this endpoint");
const Limit = z.coerce.number().int("must be a whole number").min(1, "must be at least 1").max(100, "must be at most 100").default(30);

export const AttachmentDto = z
	.object({ id: z.string(), fileName: z.string(), contentType: z.string(), size: z.number() })
	.meta({ id: "MessageAttachment" });

export const MessageDto = z
	.object({
		id: z.string(),
		threadId: z.string(),
		authorUserId: z.string().nullable(),
		authorName: z.string(),
		body: z.string(),
		createdAt: z.number(),
		updatedAt: z.number(),
		editedAt: z.number().nullable(),
		deletedAt: z.number().nullable(),
		attachment: AttachmentDto.nullable(),
	})
	.meta({ id: "ThreadMessage" });
export type MessageDtoT = z.infer<typeof MessageDto>;

export const ThreadDto = z
	.object({
		id: z.string(),
		clientId: z.string(),
		clientName: z.string(),
		projectId: z.string().nullable(),
		projectName: z.string().nullable(),
		subject: z.string(),
		createdAt: z.number(),
		updatedAt: z.number(),
		deletedAt: z.number().nullable(),
		lastMessageAt: z.number(),
		/** Messages by others the caller has not read. */
		unreadCount: z.number(),
		/** Whether the client's service tier includes messaging; when false, `blockedReason` says why. */
		canPost: z.boolean(),
		blockedReason: z.string().nullable(),
	})
	.meta({ id: "MessageThread" });
export type ThreadDtoT = z.infer<typeof ThreadDto>;

export const ThreadListQuery = z.strictObject({
	clientId: IdParam.optional(),
	projectId: IdParam.optional(),
	cursor: Cursor.optional(),
	limit: Limit,
});

export const ThreadPage = z.object({ threads: z.array(ThreadDto), nextCursor: z.string().nullable() }).meta({ id: "ThreadPage" });

export const CreateThreadBody = z.strictObject({
	/** Optional client-generated id: creating again with it returns the same thread. */
	id: IdParam.optional(),
	clientId: IdParam,
	projectId: IdParam.optional(),
	subject: z.string().trim().min(1, "is required").max(200, "must be at most 200 characters"),
});

export const MessageListQuery = z.strictObject({ cursor: Cursor.optional(), limit: Limit });

/** Newest first; `reads` are where each other participant has read up to (for "Seen"). */
export const MessagePage = z
	.object({
		messages: z.array(MessageDto),
		nextCursor: z.string().nullable(),
		reads: z.array(z.object({ userId: z.string(), name: z.string(), messageId: z.string(), readAt: z.number() })),
	})
	.meta({ id: "MessagePage" });

export const PostMessageBody = z
	.strictObject({
		/** Client-generated id: a re-sent message is stored once. */
		id: IdParam,
		body: z.string().trim().max(5000, "must be at most 5000 characters").default(""),
		attachmentId: IdParam.optional(),
	})
	.refine((b) => b.body.length > 0 || b.attachmentId !== undefined, { path: ["body"], message: "is required without an attachment" });

export const EditMessageBody = z.strictObject({
	body: z.string().trim().min(1, "is required").max(5000, "must be at most 5000 characters"),
});

export const MarkReadBody = z.strictObject({ messageId: IdParam });
export const ReadMark = z.object({ messageId: z.string(), readAt: z.number() }).meta({ id: "ReadMark" });

export const UnreadSummary = z
	.object({ total: z.number(), threads: z.array(z.object({ threadId: z.string(), unreadCount: z.number() })) })
	.meta({ id: "UnreadSummary" });

export const MessagingSettingsDto = z
	.object({ minimumTier: z.enum(SERVICE_TIERS).nullable(), unreadEmailMinutes: z.number() })
	.meta({ id: "MessagingSettings" });

export const UpdateMessagingSettingsBody = z
	.strictObject({
		minimumTier: z.enum(SERVICE_TIERS).nullable().optional(),
		unreadEmailMinutes: z.number().int("must be a whole number").min(1, "must be at least 1").max(720, "must be at most 720").optional(),
	})
	.refine((b) => Object.keys(b).length > 0, { path: ["body"], message: "must change at least one setting" });
