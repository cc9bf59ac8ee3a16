/**
 * First in the chain: gives the request an id (echoed as `X-Request-Id`), a structured logger bound
 * to it, and a drizzle handle; logs one line per request when the log level is `info`.
 */
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../env";
import { createDb } from "../lib/db";
import { createLogger } from "../lib/logger";

const REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/;

export const requestContext = createMiddleware<AppEnv>(async function requestContext(c, next) {
	const incoming = c.req.header("X-Request-Id");
	const requestId = incoming && REQUEST_ID.test(incoming) ? incoming : crypto.randomUUID();
	const log = createLogger({ requestId });
	c.set("requestId", requestId);
	c.set("log", log);
	c.set("db", createDb(c.env.DB));
	c.set("auth", null);
	const started = Date.now();
	await next();
	c.header("X-Request-Id", requestId);
	if (c.env.LOG_LEVEL !== "warn") {
		log.info("request", { method: c.req.method, path: c.req.path, status: c.res.status, ms: Date.now() - started });
	}
});
