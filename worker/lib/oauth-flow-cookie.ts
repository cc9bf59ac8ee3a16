/**
 * The short-lived cookie that binds an OAuth redirect to the browser that started it: state,
 * PKCE verifier, nonce, where to go next, and (for linking) which user asked. HttpOnly, host-only,
 * SameSite=Lax (it must come back on the provider's top-level redirect), ten minutes, and only
 * sent to the OAuth paths. It is deleted when the callback reads it, so it works once.
 */
import { decodeBase64urlIgnorePadding, encodeBase64urlNoPadding } from "@oslojs/encoding";
import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { z } from "zod";
import type { AppEnv } from "../env";

export const OAUTH_FLOW_COOKIE = "atrium_oauth";
export const OAUTH_FLOW_TTL_MS = 10 * 60_000;
const PATH = "/api/v1/auth/";

export const OAuthFlow = z.object({
	/** Which flow: `oauth:<provider>` or `sso`. */
	kind: z.string().max(40),
	tenantId: z.string().max(64),
	state: z.string().max(200),
	verifier: z.string().max(200),
	nonce: z.string().max(200),
	next: z.string().max(2000),
	intent: z.enum(["sign_in", "link", "test"]),
	/** The signed-in user who asked to link (intent link or test). */
	userId: z.string().max(64).nullable(),
	expiresAt: z.number().int(),
});
export type OAuthFlow = z.infer<typeof OAuthFlow>;

function secure(c: Context<AppEnv>): boolean {
	return c.env.ENVIRONMENT !== "development" || new URL(c.req.url).protocol === "https:";
}

export function setOAuthFlowCookie(c: Context<AppEnv>, flow: OAuthFlow): void {
	setCookie(c, OAUTH_FLOW_COOKIE, encodeBase64urlNoPadding(new TextEncoder().encode(JSON.stringify(flow))), {
		httpOnly: true,
		secure: secure(c),
		sameSite: "Lax",
		path: PATH,
		maxAge: OAUTH_FLOW_TTL_MS / 1000,
	});
}

/** The flow this browser started, read and cleared; null when missing, unreadable or expired. */
export function takeOAuthFlowCookie(c: Context<AppEnv>, now = Date.now()): OAuthFlow | null {
	const raw = getCookie(c, OAUTH_FLOW_COOKIE);
	if (raw === undefined) return null;
	deleteCookie(c, OAUTH_FLOW_COOKIE, { httpOnly: true, secure: secure(c), sameSite: "Lax", path: PATH });
	try {
		const parsed = OAuthFlow.safeParse(JSON.parse(new TextDecoder().decode(decodeBase64urlIgnorePadding(raw))));
		return parsed.success && parsed.data.expiresAt > now ? parsed.data : null;
	} catch {
		return null;
	}
}
