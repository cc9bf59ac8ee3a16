/**
 * Rejects request bodies over the limit with a 413 problem before any handler reads them. JSON bodies
 * get 1 MiB; document uploads (a one-request file, or one multipart part) get MAX_SINGLE_UPLOAD_BYTES.
 */

import { bodyLimit } from "hono/body-limit";
import { createMiddleware } from "hono/factory";
import { MAX_SINGLE_UPLOAD_BYTES } from "../../schema/dto/documents";
import { problems } from "../lib/problem";

/** JSON API bodies: 1 MiB is far above any form, far below abuse. */
export const API_BODY_LIMIT = 1024 * 1024;

const jsonBodyLimit = bodyLimit({
	maxSize: API_BODY_LIMIT,
	onError: () => {
		throw problems.tooLarge(API_BODY_LIMIT);
	},
});

const uploadBodyLimit = bodyLimit({
	maxSize: MAX_SINGLE_UPLOAD_BYTES,
	onError: () => {
		throw problems.tooLarge(MAX_SINGLE_UPLOAD_BYTES);
	},
});

/** The routes whose body is a file's bytes. */
const UPLOAD_PATHS = [/^\/api\/v1\/clients\/[^/]+\/documents$/, /^\/api\/v1\/document-uploads\/[^/]+\/parts\/[^/]+$/];

export const apiBodyLimit = createMiddleware(async function apiBodyLimit(c, next) {
	const isUpload = (c.req.method === "POST" || c.req.method === "PUT") && UPLOAD_PATHS.some((p) => p.test(c.req.path));
	return isUpload ? uploadBodyLimit(c, next) : jsonBodyLimit(c, next);
});
