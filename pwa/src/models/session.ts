/**
 * Who is here: the host (the platform, or which agency) and the signed-in user, as signals, with
 * the actions that change them. Components read these signals; only these actions write them.
 */
import { batch, computed, effect, signal } from "@preact/signals";
import type { HostContext, MeResponse, MfaChallengeResponse } from "../../../schema/dto/auth";
import { isStaffRole, type Permission } from "../../../schema/permissions";
import { api } from "../api/client";
import { clearApiCache, forgetCachedMe, warmApiCache } from "../api/offline-cache";
import { readProblem } from "../api/problem";
import { type Result, send } from "../api/request";
import { datePreferences } from "../lib/date-format";

/** `loading` until the host is known; `unknown-host` when no agency lives here; `unreachable` when offline with nothing saved. */
export type SessionStatus = "loading" | "ready" | "unknown-host" | "unreachable";

export const host = signal<HostContext | null>(null);
export const me = signal<MeResponse | null>(null);
export const status = signal<SessionStatus>("loading");

/** The agency this host belongs to (null on the platform host). */
export const tenant = computed(() => (host.value?.kind === "tenant" ? host.value.tenant : (me.value?.tenant ?? null)));
export const isPlatformHost = computed(() => host.value?.kind === "platform");
export const isSignedIn = computed(() => me.value !== null);
/** Owners, admins and staff get the agency workspace; clients get the portal. */
export const isStaff = computed(() => (me.value ? isStaffRole(me.value.role) : false));
/** What the signed-in user may do, from /me (an answer cached before permissions existed counts as none). */
export const permissions = computed<ReadonlySet<Permission>>(() => new Set(me.value?.permissions ?? []));
/** Whether the signed-in user has a permission: what decides which areas and controls they see. */
export function can(permission: Permission): boolean {
	return permissions.value.has(permission);
}
// Dates and times follow the person's profile (PATCH /api/v1/me); an answer cached before profiles existed has none: the browser's.
effect(() => {
	const profile = me.value?.profile;
	datePreferences.value = { locale: profile?.locale ?? null, timeZone: profile?.timeZone ?? null };
});

export const firstName = computed(() => me.value?.user.name.trim().split(/\s+/)[0] ?? "");

/**
 * Loads the host and the signed-in user in parallel. Offline, the service worker answers both
 * from its cache, so a signed-in user still gets their app.
 */
export async function loadSession(): Promise<void> {
	const [hostResult, meResult] = await Promise.all([send(() => api.api.v1.host.$get()), send(() => api.api.v1.me.$get())]);
	if (!hostResult.ok) {
		status.value = hostResult.problem.status === 404 ? "unknown-host" : "unreachable";
		return;
	}
	const hostContext = hostResult.value.status === 200 ? await hostResult.value.json() : null;
	const user = hostContext?.kind === "tenant" && meResult.ok && meResult.value.status === 200 ? await meResult.value.json() : null;
	// Signed out or expired elsewhere: an earlier answer must not sign anyone in offline later.
	if (!meResult.ok && meResult.problem.status === 401) void forgetCachedMe();
	batch(() => {
		host.value = hostContext;
		me.value = user;
		status.value = hostContext ? "ready" : "unreachable";
	});
}

/** Once a service worker controls the page, saves the identity reads so the next start works offline. */
export function saveForOffline(): void {
	void warmApiCache();
}

/** Signed in, or (for an account with MFA) asked for a second step with a challenge to answer. */
export type SignInOutcome =
	| { kind: "signed-in"; me: MeResponse }
	| { kind: "mfa"; challenge: string; methods: MfaChallengeResponse["methods"] };

type SignInCall = () =>
	| ReturnType<typeof api.api.v1.auth.login.$post>
	| ReturnType<typeof api.api.v1.auth.handoff.$post>
	| ReturnType<typeof api.api.v1.auth.passkey.$post>
	| ReturnType<typeof api.api.v1.auth.login.mfa.passkey.$post>;

/** Runs a sign-in call; a 200 with an identity signs the app in, one with `mfaRequired` asks for the second step. */
export async function startSession(call: SignInCall): Promise<Result<SignInOutcome>> {
	const result = await send(call);
	if (!result.ok) return result;
	if (result.value.status !== 200) return { ok: false, problem: await readProblem(result.value) };
	const body = await result.value.json();
	if ("mfaRequired" in body) return { ok: true, value: { kind: "mfa", challenge: body.challenge, methods: body.methods } };
	me.value = body;
	void warmApiCache();
	return { ok: true, value: { kind: "signed-in", me: body } };
}

/** Password sign-in on an agency's host; may answer with an MFA challenge instead of a session. */
export function signIn(email: string, password: string): Promise<Result<SignInOutcome>> {
	return startSession(() => api.api.v1.auth.login.$post({ json: { email, password } }));
}

/** The second sign-in step: the challenge plus a TOTP code or a recovery code. */
export function signInWithSecondFactor(
	challenge: string,
	factor: { code: string } | { recoveryCode: string },
): Promise<Result<SignInOutcome>> {
	return startSession(() => api.api.v1.auth.login.mfa.$post({ json: { challenge, ...factor } }));
}

/** Re-reads `/me` (after verifying an email or turning MFA on, for example). */
export async function refreshMe(): Promise<void> {
	const result = await send(() => api.api.v1.me.$get());
	if (result.ok && result.value.status === 200) me.value = await result.value.json();
}

/** Redeems the one-time hand-off token a new agency owner arrives with from sign-up. */
export function redeemHandoff(token: string): Promise<Result<SignInOutcome>> {
	return startSession(() => api.api.v1.auth.handoff.$post({ json: { token } }));
}

/**
 * Ends the session on the server, then forgets the user on this device: the signals and the
 * service worker's cached `/api/v1/me`. `leave` runs in the same tick as the signals change, so
 * the page switches to its destination in one render. Offline it refuses: the session cookie is
 * HttpOnly, so only the server can end it, and a sign-out that did not happen must not look done.
 */
export async function signOut(leave: () => void): Promise<Result<null>> {
	const result = await send(() => api.api.v1.auth.logout.$post());
	// 401: the session had already ended elsewhere, which is what the user wants.
	if (!result.ok && result.problem.status !== 401) return result;
	await clearApiCache();
	// This user's synced records and unsent writes leave the device with them.
	await import("./sync").then((sync) => sync.wipeOfflineData());
	batch(() => {
		me.value = null;
		leave();
	});
	return { ok: true, value: null };
}
