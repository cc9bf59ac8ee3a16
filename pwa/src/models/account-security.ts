/**
 * The account's own security as signals and actions: sessions, sign-in history, MFA state and
 * the calls that change them (password, email, verification, TOTP). Components only read the
 * signals and call these actions.
 */
import { signal } from "@preact/signals";
import type { SessionView, SignInEventView } from "../../../schema/dto/account-security";
import { api } from "../api/client";
import { fetchJson } from "../api/fetch-json";
import { type Result, send } from "../api/request";
import { refreshMe } from "./session";

export const sessions = signal<SessionView[] | null>(null);
export const signIns = signal<SignInEventView[] | null>(null);
export const signInsCursor = signal<string | null>(null);
export const mfa = signal<{ totpEnabled: boolean; recoveryCodesLeft: number } | null>(null);

export async function loadSessions(): Promise<Result<null>> {
	const result = await fetchJson(() => api.api.v1.me.sessions.$get());
	if (result.ok) sessions.value = result.value.sessions;
	return result.ok ? { ok: true, value: null } : result;
}

export async function revokeSession(id: string): Promise<Result<null>> {
	const result = await send(() => api.api.v1.me.sessions[":id"].$delete({ param: { id } }));
	if (result.ok) sessions.value = (sessions.value ?? []).filter((s) => s.id !== id);
	return result.ok ? { ok: true, value: null } : result;
}

export async function revokeOtherSessions(): Promise<Result<number>> {
	const result = await fetchJson(() => api.api.v1.me.sessions["revoke-others"].$post());
	if (!result.ok) return result;
	sessions.value = (sessions.value ?? []).filter((s) => s.current);
	return { ok: true, value: result.value.revoked };
}

export async function loadSignIns(more = false): Promise<Result<null>> {
	const cursor = more ? (signInsCursor.value ?? undefined) : undefined;
	const result = await fetchJson(() => api.api.v1.me["sign-ins"].$get({ query: { limit: "10", ...(cursor ? { cursor } : {}) } }));
	if (!result.ok) return result;
	signIns.value = more ? [...(signIns.value ?? []), ...result.value.events] : result.value.events;
	signInsCursor.value = result.value.nextCursor;
	return { ok: true, value: null };
}

export async function loadMfa(): Promise<void> {
	const result = await fetchJson(() => api.api.v1.me.mfa.$get());
	if (result.ok) mfa.value = result.value;
}

export function changePassword(currentPassword: string, newPassword: string): Promise<Result<{ revoked: number }>> {
	return fetchJson(() => api.api.v1.me.password.$post({ json: { currentPassword, newPassword } }));
}

export function changeEmail(newEmail: string, currentPassword: string): Promise<Result<{ message: string }>> {
	return fetchJson(() => api.api.v1.me.email.$post({ json: { newEmail, currentPassword } }));
}

export function resendVerification(): Promise<Result<{ message: string }>> {
	return fetchJson(() => api.api.v1.me.email.verification.$post());
}

export function startTotpEnrolment(): Promise<Result<{ secret: string; otpauthUri: string; qrSvg: string }>> {
	return fetchJson(() => api.api.v1.me.mfa.totp.enrol.$post());
}

export async function confirmTotp(code: string): Promise<Result<string[]>> {
	const result = await fetchJson(() => api.api.v1.me.mfa.totp.confirm.$post({ json: { code } }));
	if (!result.ok) return result;
	await Promise.all([refreshMe(), loadMfa()]);
	return { ok: true, value: result.value.recoveryCodes };
}

export async function disableTotp(factor: { code: string } | { recoveryCode: string }): Promise<Result<null>> {
	const result = await send(() => api.api.v1.me.mfa.totp.$delete({ json: factor }));
	if (!result.ok) return result;
	await Promise.all([refreshMe(), loadMfa()]);
	return { ok: true, value: null };
}

export async function regenerateRecoveryCodes(code: string): Promise<Result<string[]>> {
	const result = await fetchJson(() => api.api.v1.me.mfa["recovery-codes"].$post({ json: { code } }));
	if (!result.ok) return result;
	await loadMfa();
	return { ok: true, value: result.value.recoveryCodes };
}
