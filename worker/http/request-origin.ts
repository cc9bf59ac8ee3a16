/**
 * Where a request came from, for sessions and sign-in records. Only Cloudflare's own IP header is
 * trusted; the approximate place comes from Cloudflare's `request.cf` (absent locally).
 */
import type { Context } from "hono";
import type { AppEnv } from "../env";
import type { RequestOrigin } from "../services/sessions/sessions";

export function requestOrigin(c: Context<AppEnv>): RequestOrigin {
	return {
		ip: c.req.header("CF-Connecting-IP") ?? null,
		userAgent: c.req.header("User-Agent")?.slice(0, 512) ?? null,
		place: placeOf(c.req.raw.cf),
	};
}

/** "Berlin, DE", "DE", or null when Cloudflare did not say. */
export function placeOf(cf: unknown): string | null {
	if (!cf || typeof cf !== "object") return null;
	const { city, country } = cf as { city?: unknown; country?: unknown };
	const parts = [city, country].filter((p): p is string => typeof p === "string" && p.length > 0 && p !== "XX" && p !== "T1");
	return parts.length > 0 ? parts.join(", ").slice(0, 120) : null;
}
