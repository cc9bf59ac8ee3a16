/** Rejects request bodies over the limit with a 413 problem before any handler reads them. */
import { bodyLimit } from "hono/body-limit";
import { problems } from "../lib/problem";

/** JSON API bodies: 1 MiB is far above any form, far below abuse. */
export const API_BODY_LIMIT = 1024 * 1024;

export const apiBodyLimit = bodyLimit({
	maxSize: API_BODY_LIMIT,
	onError: () => {
		throw problems.tooLarge(API_BODY_LIMIT);
	},
});
