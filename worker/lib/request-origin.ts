/** Where a request came from, for sessions and sign-in records. Only Cloudflare's own IP header is trusted. */
import type { Context } from "hono";
import type { AppEnv } from "../env";
import type { RequestOrigin } from "../services/sessions";

export function requestOrigin(c: Context<AppEnv>): RequestOrigin {
	return {
		ip: c.req.header("CF-Connecting-IP") ?? null,
		userAgent: c.req.header("User-Agent")?.slice(0, 512) ?? null,
	};
}
