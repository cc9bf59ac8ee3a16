/** Wire shapes of offline sync: the change feed a device pulls and the outbox batch it pushes (docs/OFFLINE-SYNC.md). */
import { z } from "zod";
import { parseHlc } from "../hlc";
import { SYNC_ENTITIES } from "../sync-tables";
import {
	CreateTaskFields,
	IdParam,
	ReviewBody,
	UpdateClientBody,
	UpdateMilestoneBody,
	UpdateProjectBody,
	UpdateTaskFields,
} from "./portal";

/** The synced tables, named as in the database: one descriptor each in schema/sync-tables.ts. */
export { SYNC_ENTITIES, type SyncEntity } from "../sync-tables";

export const SyncQuery = z.strictObject({
	cursor: z
		.string()
		.max(500)
		.regex(/^[A-Za-z0-9_-]+$/, "must be a cursor returned by this endpoint")
		.optional(),
	limit: z.coerce.number().int("must be a whole number").min(1, "must be at least 1").max(500, "must be at most 500").default(200),
});

const SyncRecord = z.record(z.string(), z.unknown());

export const SyncChangeDto = z
	.object({
		entity: z.enum(SYNC_ENTITIES),
		id: z.string(),
		/** The change sequence of this version of the record: send it back as `baseVersion`. */
		version: z.number().int(),
		/** A tombstone: the record was deleted, or you may no longer see it. */
		deleted: z.boolean(),
		record: SyncRecord.nullable(),
	})
	.meta({ id: "SyncChange" });

export const SyncPage = z
	.object({
		changes: z.array(SyncChangeDto),
		nextCursor: z.string(),
		hasMore: z.boolean(),
		/** True when the cursor was for other access (e.g. you moved to another client): drop local data first. */
		reset: z.boolean(),
		/** The server's hybrid logical clock: fold it into the device's clock. */
		serverHlc: z.string(),
	})
	.meta({ id: "SyncPage" });

const Hlc = z.string().refine((s) => parseHlc(s) !== null, "must be a hybrid logical clock timestamp");
const DeviceId = z
	.string()
	.min(8, "must be at least 8 characters")
	.max(64, "must be at most 64 characters")
	.regex(/^[A-Za-z0-9_-]+$/, "must be letters, digits, - or _");
/** As REST's PostMessageBody (attachments are uploaded online and are not sent through sync). */
const MessageText = z.string().trim().min(1, "is required").max(5000, "must be at most 5000 characters");
const BaseValue = z.union([z.string(), z.number(), z.null()]);

const common = {
	/** The mutation id the device made (a UUID). */
	id: IdParam,
	/** The device's sequence number, contiguous from 1. */
	seq: z.number().int("must be a whole number").min(1, "must be at least 1"),
	hlc: Hlc,
	recordId: IdParam,
	/** The `version` of the record the device edited. */
	baseVersion: z.number().int().min(0).optional(),
	/** The values the device saw for the fields it changes (per-field conflict detection). */
	base: z.record(z.string(), BaseValue).optional(),
};

export const SyncMutation = z.discriminatedUnion("type", [
	z.strictObject({ ...common, type: z.literal("task.create"), changes: CreateTaskFields.omit({ id: true, assigneeInvitationId: true }) }),
	z.strictObject({ ...common, type: z.literal("task.update"), changes: UpdateTaskFields.omit({ assigneeInvitationId: true }) }),
	z.strictObject({ ...common, type: z.literal("task.complete") }),
	z.strictObject({ ...common, type: z.literal("milestone.update"), changes: UpdateMilestoneBody }),
	z.strictObject({ ...common, type: z.literal("deliverable.review"), changes: ReviewBody }),
	z.strictObject({ ...common, type: z.literal("project.update"), changes: UpdateProjectBody }),
	z.strictObject({ ...common, type: z.literal("client.update"), changes: UpdateClientBody }),
	/** A message written offline; `recordId` is its client-generated id (stored once, however often sent). */
	z.strictObject({
		...common,
		type: z.literal("message.send"),
		changes: z.strictObject({ threadId: IdParam, body: MessageText }),
	}),
	/** Marks one of the user's own notifications read. */
	z.strictObject({ ...common, type: z.literal("notification.read") }),
]);
export type SyncMutationT = z.infer<typeof SyncMutation>;

export const SyncPushBody = z
	.strictObject({
		deviceId: DeviceId,
		mutations: z.array(SyncMutation).min(1, "must hold at least one mutation").max(100, "must hold at most 100 mutations"),
	})
	.superRefine((body, ctx) => {
		body.mutations.forEach((m, i) => {
			const previous = body.mutations[i - 1];
			if (previous && m.seq !== previous.seq + 1) {
				ctx.addIssue({
					code: "custom",
					path: ["mutations", i, "seq"],
					message: `must be ${previous.seq + 1} (one more than the mutation before)`,
				});
			}
		});
	})
	.meta({ id: "SyncPushBody" });

export const MUTATION_OUTCOMES = ["applied", "merged", "conflict", "rejected"] as const;

export const SyncMutationResult = z
	.object({
		id: z.string(),
		seq: z.number().int(),
		outcome: z.enum(MUTATION_OUTCOMES),
		/** Per field: what happened to it (`applied`, `server-kept`, `lww-lost`, `merged-text`). */
		fields: z.record(z.string(), z.string()),
		/** The record as the server now holds it (with `entity` and `version`); null when it cannot be shown. */
		entity: z.enum(SYNC_ENTITIES).nullable(),
		version: z.number().int().nullable(),
		record: SyncRecord.nullable(),
		/** For `rejected`: the problem the REST route would have answered (status, detail, field errors). */
		problem: z
			.object({
				status: z.number().int(),
				detail: z.string(),
				errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
			})
			.nullable(),
	})
	.meta({ id: "SyncMutationResult" });

export const SyncPushResult = z.object({ results: z.array(SyncMutationResult), serverHlc: z.string() }).meta({ id: "SyncPushResult" });

export type SyncMutationResultT = z.infer<typeof SyncMutationResult>;
export type SyncChangeT = z.infer<typeof SyncChangeDto>;
export type SyncPageT = z.infer<typeof SyncPage>;
