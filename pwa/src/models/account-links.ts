/**
 * The signed-out account flows reached from emailed links (verify email, reset password, unlock):
 * reading the token from `?token=` and removing it from the address bar at once, and the calls.
 */
import { api } from "../api/client";
import type { ResponseLike } from "../api/problem";
import { type Result, send } from "../api/request";

/** Takes `?token=` from the address and replaces the address without it (and without a history entry). */
export function takeUrlToken(): string | null {
	const params = new URLSearchParams(window.location.search);
	const token = params.get("token");
	if (token === null) return null;
	params.delete("token");
	const rest = params.toString();
	window.history.replaceState(window.history.state, "", window.location.pathname + (rest ? `?${rest}` : "") + window.location.hash);
	return token;
}

/** Runs a call whose success body does not matter. */
async function done(call: () => Promise<ResponseLike>): Promise<Result<null>> {
	const result = await send(call);
	return result.ok ? { ok: true, value: null } : result;
}

export function verifyEmail(token: string): Promise<Result<null>> {
	return done(() => api.api.v1.auth["verify-email"].$post({ json: { token } }));
}

export function unlockAccount(token: string): Promise<Result<null>> {
	return done(() => api.api.v1.auth.unlock.$post({ json: { token } }));
}

export function requestPasswordReset(email: string): Promise<Result<null>> {
	return done(() => api.api.v1.auth["password-reset"].request.$post({ json: { email } }));
}

export function completePasswordReset(token: string, password: string): Promise<Result<null>> {
	return done(() => api.api.v1.auth["password-reset"].complete.$post({ json: { token, password } }));
}
