/**
 * Who is here: the host (platform or which agency) and the signed-in user, as signals, with the
 * actions that change them. Components read these; only these actions write them.
 */
import { computed, signal } from "@preact/signals";
import type { HostContext, MeResponse, SignupBody, SignupResponse } from "../../../schema/dto/auth";
import { isStaffRole } from "../../../schema/permissions";
import { api } from "../api/client";
import { OFFLINE_PROBLEM, type ProblemView, type ResponseLike, readProblem } from "../api/problem";

export type SessionStatus = "loading" | "ready" | "unknown-host" | "unreachable";

export const host = signal<HostContext | null>(null);
export const me = signal<MeResponse | null>(null);
export const sessionStatus = signal<SessionStatus>("loading");

export const tenant = computed(() => (host.value?.kind === "tenant" ? host.value.tenant : null));
export const isPlatformHost = computed(() => host.value?.kind === "platform");
export const isSignedIn = computed(() => me.value !== null);
export const isStaff = computed(() => (me.value ? isStaffRole(me.value.role) : false));

/** Cache of API reads kept by the service worker; cleared on sign-out so nothing of this user stays. */
export const API_CACHE = "atrium-api";

export type ActionResult<T> = { ok: true; value: T } | { ok: false; problem: ProblemView };

/** Sends a request; a network failure or an error status becomes a problem to show. */
async function send<R extends ResponseLike>(
	run: () => Promise<R>,
): Promise<{ ok: true; response: R } | { ok: false; problem: ProblemView }> {
	try {
		const response = await run();
		return response.ok ? { ok: true, response } : { ok: false, problem: await readProblem(response) };
	} catch {
		return { ok: false, problem: OFFLINE_PROBLEM };
	}
}

/** Loads the host and, on an agency's host, the signed-in user. */
export async function loadSession(): Promise<void> {
	try {
		const hostResponse = await api.api.v1.host.$get();
		if (hostResponse.status === 404) {
			sessionStatus.value = "unknown-host";
			return;
		}
		if (hostResponse.status !== 200) throw new Error("host lookup failed");
		host.value = await hostResponse.json();
		if (host.value.kind === "tenant") {
			const meResponse = await api.api.v1.me.$get();
			me.value = meResponse.status === 200 ? await meResponse.json() : null;
		}
		sessionStatus.value = "ready";
	} catch {
		sessionStatus.value = "unreachable";
	}
}

async function signedIn(run: () => ReturnType<typeof api.api.v1.auth.login.$post>): Promise<ActionResult<MeResponse>> {
	const result = await send(run);
	if (!result.ok) return result;
	const response = result.response;
	if (response.status !== 200) return { ok: false, problem: await readProblem(response) };
	me.value = await response.json();
	return { ok: true, value: me.value };
}

export function signIn(email: string, password: string): Promise<ActionResult<MeResponse>> {
	return signedIn(() => api.api.v1.auth.login.$post({ json: { email, password } }));
}

export function redeemHandoff(token: string): Promise<ActionResult<MeResponse>> {
	return signedIn(() => api.api.v1.auth.handoff.$post({ json: { token } }));
}

export async function signUp(body: SignupBody): Promise<ActionResult<SignupResponse>> {
	const result = await send(() => api.api.v1.auth.signup.$post({ json: body }));
	if (!result.ok) return result;
	const response = result.response;
	if (response.status !== 201) return { ok: false, problem: await readProblem(response) };
	return { ok: true, value: await response.json() };
}

export async function signOut(): Promise<void> {
	try {
		await api.api.v1.auth.logout.$post();
	} finally {
		me.value = null;
		if ("caches" in window) await caches.delete(API_CACHE);
	}
}
