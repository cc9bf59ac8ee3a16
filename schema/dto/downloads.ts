/** Wire shapes of the deliverables download centre: what was delivered (filterable) and bulk-download archives. */
import { z } from "zod";
import { ARCHIVE_MAX_ITEMS, ARCHIVE_STATUSES } from "../downloads";
import { DELIVERABLE_KINDS, DELIVERABLE_STATUSES } from "../portal";
import { IdParam } from "./portal";

const Millis = z.coerce
	.number()
	.int("must be milliseconds since the epoch")
	.min(0, "must not be negative")
	.max(8_640_000_000_000_000, "is too far in the future");

/** Which deliverables: by client (staff only narrows; a client user always gets their own), project, status, type and delivery date. */
export const DeliveredFilter = z
	.strictObject({
		clientId: IdParam.optional(),
		projectId: IdParam.optional(),
		status: z.enum(DELIVERABLE_STATUSES).optional(),
		kind: z.enum(DELIVERABLE_KINDS).optional(),
		/** Delivered at or after (ms since the epoch). */
		from: Millis.optional(),
		/** Delivered before (ms since the epoch). */
		to: Millis.optional(),
	})
	.superRefine((f, ctx) => {
		if (f.from !== undefined && f.to !== undefined && f.to <= f.from)
			ctx.addIssue({ code: "custom", path: ["to"], message: "must be after from" });
	})
	.meta({ id: "DeliveredFilter" });

export const DeliveredQuery = DeliveredFilter.safeExtend({
	cursor: z
		.string()
		.max(500)
		.regex(/^[A-Za-z0-9_-]+$/, "must be a cursor returned by this endpoint")
		.optional(),
	limit: z.coerce.number().int("must be a whole number").min(1, "must be at least 1").max(100, "must be at most 100").default(50),
});

export const DeliveredFile = z
	.object({ documentId: z.string(), name: z.string(), size: z.number().int(), contentType: z.string() })
	.meta({ id: "DeliveredFile" });

export const DeliveredItem = z
	.object({
		id: z.string(),
		title: z.string(),
		kind: z.enum(DELIVERABLE_KINDS),
		status: z.enum(DELIVERABLE_STATUSES),
		url: z.string().nullable(),
		file: DeliveredFile.nullable(),
		projectId: z.string(),
		projectName: z.string(),
		clientId: z.string(),
		clientName: z.string(),
		createdAt: z.number(),
		updatedAt: z.number(),
	})
	.meta({ id: "DeliveredItem" });

export const DeliveredPage = z.object({ items: z.array(DeliveredItem), nextCursor: z.string().nullable() }).meta({ id: "DeliveredPage" });

export const ArchiveRequestBody = z
	.strictObject({
		/** These deliverables (each must be one you may see)… */
		deliverableIds: z
			.array(IdParam)
			.min(1, "must name at least one deliverable")
			.max(ARCHIVE_MAX_ITEMS, `must name at most ${ARCHIVE_MAX_ITEMS} deliverables`)
			.optional(),
		/** …or every deliverable matching this filter. */
		filter: DeliveredFilter.optional(),
	})
	.superRefine((body, ctx) => {
		if (!body.deliverableIds === !body.filter) {
			ctx.addIssue({ code: "custom", path: ["deliverableIds"], message: "give either deliverableIds or filter (not both)" });
		}
	})
	.meta({ id: "ArchiveRequestBody" });

export const ArchiveDto = z
	.object({
		id: z.string(),
		status: z.enum(ARCHIVE_STATUSES),
		fileCount: z.number().int().nullable(),
		linkCount: z.number().int().nullable(),
		size: z.number().int().nullable(),
		/** Why it failed, when it did. */
		error: z.string().nullable(),
		createdAt: z.number(),
		readyAt: z.number().nullable(),
		expiresAt: z.number().nullable(),
		/** Where to download it while it is ready (same origin, signed-in). */
		downloadUrl: z.string().nullable(),
	})
	.meta({ id: "DeliverableArchive" });

export const ArchiveList = z.object({ archives: z.array(ArchiveDto) }).meta({ id: "DeliverableArchiveList" });
