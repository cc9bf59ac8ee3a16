/**
 * Rejects request bodies over the limit with a 413 problem before any handler reads them. JSON bodies
 * get 1 MiB; a message attachment gets ATTACHMENT_MAX_BYTES; document uploads (a one-request file, or
 * one multipart part) get MAX_SINGLE_UPLOAD_BYTES.
 */

import { bodyLimit } from "hono/body-limit";
import { createMiddleware } from "hono/factory";
import { MAX_SINGLE_UPLOAD_BYTES } from "../../schema/dto/documents";
import { ATTACHMENT_MAX_BYTES } from "../../schema/messaging";
import { problems } from "../lib/problem";

/** JSON API bodies: 1 MiB is far above any form, far below abuse. */
export const API_BODY_LIMIT = 1024 * 1024;

function limitOf(maxSize: number) {
	return bodyLimit({
		maxSize,
		onError: () => {
			throw problems.tooLarge(maxSize);
		},
	});
}

const jsonBodyLimit = limitOf(API_BODY_LIMIT);
const attachmentBodyLimit = limitOf(ATTACHMENT_MAX_BYTES);
const uploadBodyLimit = limitOf(MAX_SINGLE_UPLOAD_BYTES);

/** Message attachment uploads carry a small file (schema/messaging.ts), not JSON. */
const ATTACHMENT_UPLOAD = /^\/api\/v1\/threads\/[^/]+\/attachments$/;
/** The routes whose body is a document's bytes. */
const DOCUMENT_UPLOADS = [/^\/api\/v1\/clients\/[^/]+\/documents$/, /^\/api\/v1\/document-uploads\/[^/]+\/parts\/[^/]+$/];

export const apiBodyLimit = createMiddleware(async function apiBodyLimit(c, next) {
	if (ATTACHMENT_UPLOAD.test(c.req.path)) return attachmentBodyLimit(c, next);
	const isUpload = (c.req.method === "POST" || c.req.method === "PUT") && DOCUMENT_UPLOADS.some((p) => p.test(c.req.path));
	return isUpload ? uploadBodyLimit(c, next) : jsonBodyLimit(c, next);
});
