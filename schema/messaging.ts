/**
 * Messaging vocabulary and the live wire protocol between the PWA and the MessagingHub Durable
 * Object: what a socket may send (parsed with zod, then an exhaustive switch) and every event it
 * may receive.
 */
import { z } from "zod";
import type { MessageDtoT } from "./dto/messaging";

/** Defaults of a tenant's messaging settings. */
export const MESSAGING_DEFAULTS = { minimumTier: null, unreadEmailMinutes: 15 } as const;

/** Attachments: at most this many bytes, of these types. */
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;
export const ATTACHMENT_TYPES = [
	"application/pdf",
	"image/png",
	"image/jpeg",
	"image/gif",
	"image/webp",
	"text/plain",
	"text/csv",
	"application/zip",
	"application/vnd.openxmlformats-officedocument.wordprocessingml.document",
	"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
	"application/vnd.openxmlformats-officedocument.presentationml.presentation",
] as const;

export const MESSAGE_MAX_CHARS = 5000;

/** Frames a socket sends. */
export const ClientFrame = z.discriminatedUnion("type", [
	z.strictObject({
		type: z.literal("post"),
		/** Client-generated id: a re-sent message is stored once. */
		id: z.uuid(),
		body: z.string().max(MESSAGE_MAX_CHARS),
		attachmentId: z.uuid().optional(),
	}),
	z.strictObject({ type: z.literal("typing") }),
	z.strictObject({ type: z.literal("read"), messageId: z.uuid() }),
]);
export type ClientFrameT = z.infer<typeof ClientFrame>;

// The close codes live in a zod-free module: the app shell reads them without loading zod.
export { SOCKET_CLOSE, type SocketCloseT } from "./socket-close";

export type PresenceUser = { userId: string; name: string };

/** Events a socket receives. */
export type ServerEvent =
	/** Sent once on connecting to a thread: who else is here now. */
	| { type: "hello"; threadId: string; online: PresenceUser[] }
	| { type: "message"; threadId: string; message: MessageDtoT }
	| { type: "message-updated"; threadId: string; message: MessageDtoT }
	| { type: "typing"; threadId: string; user: PresenceUser }
	| { type: "presence"; threadId: string; user: PresenceUser; online: boolean }
	| { type: "read"; threadId: string; userId: string; messageId: string; readAt: number }
	/** To every socket of the thread's audience: something changed the caller's unread counts. */
	| { type: "unread"; threadId: string }
	/** A frame was refused; `id` is the refused post's id. */
	| { type: "error"; status: number; title: string; detail: string; id?: string };
