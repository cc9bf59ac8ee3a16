/**
 * Message attachments: a small file (ATTACHMENT_MAX_BYTES, ATTACHMENT_TYPES) uploaded to R2 under
 * the tenant and thread, then posted with a message. Only people who can read the thread can
 * download it. Large multipart documents belong to the documents area, not here.
 */
import { eq, isNull } from "drizzle-orm";
import { messageAttachments } from "../../../schema/index";
import { ATTACHMENT_MAX_BYTES, ATTACHMENT_TYPES } from "../../../schema/messaging";
import type { TenantScope } from "../../lib/db";
import { newId } from "../../lib/ids";
import { Problem, problems } from "../../lib/problem";
import type { ClientAccess } from "../portal/client-access";
import { assertCanPost, getVisibleThread } from "./threads";

export function attachmentObjectKey(tenantId: string, threadId: string, attachmentId: string): string {
	return `tenants/${tenantId}/messages/${threadId}/${attachmentId}`;
}

/** A file name safe to store and to put in Content-Disposition. */
function cleanFileName(raw: string): string {
	const name = raw
		.replace(/[\\/]/g, "_")
		.replace(/[^\p{L}\p{N} ._()-]/gu, "")
		.trim()
		.slice(0, 200);
	return name || "file";
}

export type UploadInput = { fileName: string; contentType: string; body: ReadableStream | ArrayBuffer; size: number };

export async function storeAttachment(
	files: R2Bucket,
	scope: TenantScope,
	access: ClientAccess,
	threadId: string,
	input: UploadInput,
	now = Date.now(),
) {
	const thread = await getVisibleThread(scope, access, threadId);
	await assertCanPost(scope, thread);
	if (!(ATTACHMENT_TYPES as readonly string[]).includes(input.contentType)) {
		throw new Problem(
			415,
			"unsupported-media-type",
			"This kind of file cannot be attached",
			`Attach one of: ${ATTACHMENT_TYPES.join(", ")}.`,
			{
				errors: [{ path: "Content-Type", message: "is not an allowed attachment type" }],
			},
		);
	}
	if (input.size > ATTACHMENT_MAX_BYTES) throw problems.tooLarge(ATTACHMENT_MAX_BYTES);
	if (input.size === 0) throw problems.validation([{ path: "body", message: "must not be empty" }]);
	const id = newId(now);
	const objectKey = attachmentObjectKey(scope.tenantId, threadId, id);
	await files.put(objectKey, input.body, { httpMetadata: { contentType: input.contentType } });
	const fileName = cleanFileName(input.fileName);
	await scope.insert(messageAttachments, {
		id,
		threadId,
		uploaderUserId: access.userId,
		fileName,
		contentType: input.contentType,
		size: input.size,
		objectKey,
		createdAt: now,
		updatedAt: now,
	});
	return { id, fileName, contentType: input.contentType, size: input.size };
}

/** The attachment's bytes and headers, for someone who can read its thread; 404 otherwise. */
export async function readAttachment(files: R2Bucket, scope: TenantScope, access: ClientAccess, threadId: string, attachmentId: string) {
	await getVisibleThread(scope, access, threadId);
	const [row] = await scope.db
		.select()
		.from(messageAttachments)
		.where(scope.where(messageAttachments, eq(messageAttachments.id, attachmentId), isNull(messageAttachments.deletedAt)))
		.limit(1);
	// An attachment not yet posted is visible only to its uploader.
	if (!row || row.threadId !== threadId || (row.messageId === null && row.uploaderUserId !== access.userId)) {
		throw problems.notFound("There is no attachment with this id.");
	}
	const object = await files.get(row.objectKey);
	if (!object) throw problems.notFound("The file of this attachment is gone.");
	return { object, row };
}
