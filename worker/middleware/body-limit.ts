/** Rejects request bodies over the limit with a 413 problem before any handler reads them. */
import { bodyLimit } from "hono/body-limit";
import { createMiddleware } from "hono/factory";
import { ATTACHMENT_MAX_BYTES } from "../../schema/messaging";
import { problems } from "../lib/problem";

/** JSON API bodies: 1 MiB is far above any form, far below abuse. */
export const API_BODY_LIMIT = 1024 * 1024;

const jsonBodyLimit = bodyLimit({
	maxSize: API_BODY_LIMIT,
	onError: () => {
		throw problems.tooLarge(API_BODY_LIMIT);
	},
});

/** Message attachment uploads carry a small file (schema/messaging.ts), not JSON. */
const ATTACHMENT_UPLOAD = /^\/api\/v1\/threads\/[^/]+\/attachments$/;
const attachmentBodyLimit = bodyLimit({
	maxSize: ATTACHMENT_MAX_BYTES,
	onError: () => {
		throw problems.tooLarge(ATTACHMENT_MAX_BYTES);
	},
});

export const apiBodyLimit = createMiddleware(async function apiBodyLimit(c, next) {
	return ATTACHMENT_UPLOAD.test(c.req.path) ? attachmentBodyLimit(c, next) : jsonBodyLimit(c, next);
});
