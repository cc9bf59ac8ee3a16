/**
 * Cloudflare Turnstile server-side verification: POST `<TURNSTILE_URL>/turnstile/v0/siteverify`
 * with the secret, the widget's token and the visitor's IP, as documented
 * (https://developers.cloudflare.com/turnstile/get-started/server-side-validation/). The base URL
 * is one setting, so development and tests talk to the local verifier (tests/fakes/turnstile.ts).
 */
import type { Bindings } from "../../../env";

export const DEFAULT_TURNSTILE_URL = "https://challenges.cloudflare.com";

export type TurnstileSettings = { siteKey: string; secretKey: string; baseUrl: string };

/** Siteverify's documented answer (only the members Atrium reads). */
type SiteverifyResponse = { success: boolean; "error-codes"?: string[] };

export type TurnstileVerdict = { ok: true } | { ok: false; errorCodes: string[] };

/** The deployment's Turnstile keys, or null when it has none (the check is then off). */
export function turnstileSettings(
	env: Pick<Bindings, "TURNSTILE_SITE_KEY" | "TURNSTILE_SECRET_KEY" | "TURNSTILE_URL">,
): TurnstileSettings | null {
	if (!env.TURNSTILE_SITE_KEY || !env.TURNSTILE_SECRET_KEY) return null;
	return {
		siteKey: env.TURNSTILE_SITE_KEY,
		secretKey: env.TURNSTILE_SECRET_KEY,
		baseUrl: (env.TURNSTILE_URL || DEFAULT_TURNSTILE_URL).replace(/\/+$/, ""),
	};
}

/**
 * Asks siteverify whether `token` is a fresh, unspent widget token. A missing or oversized token
 * fails without a call (the documented maximum is 2048 characters); a network error or an answer
 * that is not siteverify's fails closed.
 */
export async function verifyTurnstile(
	settings: TurnstileSettings,
	token: string | undefined,
	remoteIp: string | null,
	idempotencyKey: string,
): Promise<TurnstileVerdict> {
	if (!token) return { ok: false, errorCodes: ["missing-input-response"] };
	if (token.length > 2048) return { ok: false, errorCodes: ["invalid-input-response"] };
	const body = new URLSearchParams({ secret: settings.secretKey, response: token, idempotency_key: idempotencyKey });
	if (remoteIp) body.set("remoteip", remoteIp);
	try {
		const res = await fetch(`${settings.baseUrl}/turnstile/v0/siteverify`, { method: "POST", body });
		const answer = (await res.json()) as SiteverifyResponse;
		if (answer.success === true) return { ok: true };
		return { ok: false, errorCodes: Array.isArray(answer["error-codes"]) ? answer["error-codes"] : ["internal-error"] };
	} catch {
		return { ok: false, errorCodes: ["internal-error"] };
	}
}
