/**
 * Passkeys as signals and actions: the account's list, adding (the browser's create ceremony),
 * renaming and removing one, and signing in with one as first or second factor. The WebAuthn
 * browser helpers load only when a ceremony starts, so they cost the first page nothing.
 */
import { signal } from "@preact/signals";
import type { PublicKeyCredentialCreationOptionsJSON, PublicKeyCredentialRequestOptionsJSON } from "@simplewebauthn/browser";
import type { PasskeyView } from "../../../schema/dto/passkeys";
import { api } from "../api/client";
import { fetchJson } from "../api/fetch-json";
import type { ProblemView } from "../api/problem";
import { type Result, send } from "../api/request";
import { refreshMe, type SignInOutcome, startSession } from "./session";

export const passkeys = signal<PasskeyView[] | null>(null);

const CANCELLED: ProblemView = {
	status: 0,
	title: "Cancelled",
	detail: "The passkey prompt was closed or timed out. Try again when you are ready.",
	fields: {},
	retryAfterSeconds: null,
};

/** Whether this browser can use passkeys at all. */
export function passkeysSupported(): boolean {
	return typeof window !== "undefined" && typeof window.PublicKeyCredential === "function";
}

/**
 * The ceremony options of an options route. The wire declares them as an opaque record (they are
 * @simplewebauthn/server's output, handed unchanged to @simplewebauthn/browser), so this is the one
 * place their library type is asserted.
 */
async function optionsFrom<T>(request: Promise<Result<{ options: Record<string, unknown> }>>): Promise<Result<T>> {
	const result = await request;
	if (!result.ok) return result;
	return { ok: true, value: result.value.options as T };
}

async function authenticate(options: PublicKeyCredentialRequestOptionsJSON) {
	const { startAuthentication } = await import("@simplewebauthn/browser");
	try {
		return await startAuthentication({ optionsJSON: options });
	} catch {
		return null;
	}
}

export async function loadPasskeys(): Promise<void> {
	const result = await fetchJson(() => api.api.v1.me.passkeys.$get());
	if (result.ok) passkeys.value = result.value.passkeys;
}

export async function addPasskey(name: string): Promise<Result<PasskeyView>> {
	const options = await optionsFrom<PublicKeyCredentialCreationOptionsJSON>(fetchJson(() => api.api.v1.me.passkeys.options.$post()));
	if (!options.ok) return options;
	const { startRegistration } = await import("@simplewebauthn/browser");
	let credential: Awaited<ReturnType<typeof startRegistration>>;
	try {
		credential = await startRegistration({ optionsJSON: options.value });
	} catch {
		return { ok: false, problem: CANCELLED };
	}
	const result = await fetchJson(() => api.api.v1.me.passkeys.$post({ json: { name, credential } }));
	if (!result.ok) return result;
	const view = result.value;
	passkeys.value = [...(passkeys.value ?? []), view];
	// A passkey satisfies the agency's MFA policy: /me's mfaSetupRequired may have changed.
	await refreshMe();
	return { ok: true, value: view };
}

export async function renamePasskey(id: string, name: string): Promise<Result<null>> {
	const result = await fetchJson(() => api.api.v1.me.passkeys[":id"].$patch({ param: { id }, json: { name } }));
	if (!result.ok) return result;
	const view = result.value;
	passkeys.value = (passkeys.value ?? []).map((p) => (p.id === id ? view : p));
	return { ok: true, value: null };
}

export async function removePasskey(id: string): Promise<Result<null>> {
	const result = await send(() => api.api.v1.me.passkeys[":id"].$delete({ param: { id } }));
	if (!result.ok) return result;
	passkeys.value = (passkeys.value ?? []).filter((p) => p.id !== id);
	return { ok: true, value: null };
}

/** Username-less sign-in: the browser offers the passkeys it holds for this agency. */
export async function signInWithPasskey(): Promise<Result<SignInOutcome>> {
	const options = await optionsFrom<PublicKeyCredentialRequestOptionsJSON>(fetchJson(() => api.api.v1.auth.passkey.options.$post()));
	if (!options.ok) return options;
	const credential = await authenticate(options.value);
	if (!credential) return { ok: false, problem: CANCELLED };
	return startSession(() => api.api.v1.auth.passkey.$post({ json: { credential } }));
}

/** The second sign-in step answered with one of the account's passkeys. */
export async function secondFactorWithPasskey(challenge: string): Promise<Result<SignInOutcome>> {
	const options = await optionsFrom<PublicKeyCredentialRequestOptionsJSON>(
		fetchJson(() => api.api.v1.auth.login.mfa.passkey.options.$post({ json: { challenge } })),
	);
	if (!options.ok) return options;
	const credential = await authenticate(options.value);
	if (!credential) return { ok: false, problem: CANCELLED };
	return startSession(() => api.api.v1.auth.login.mfa.passkey.$post({ json: { challenge, credential } }));
}
