/**
 * Single sign-on as signals and actions: the agency's settings (owners save, verify domains, test,
 * switch on and off, approve privileged sign-ins; admins read), whether the sign-in page offers
 * SSO, and sentences for SSO refusals.
 */
import { signal } from "@preact/signals";
import type { SsoSettings } from "../../../schema/dto/sso";
import { api } from "../api/client";
import { fetchJson } from "../api/fetch-json";
import type { Result } from "../api/request";

export const ssoSettings = signal<SsoSettings | null>(null);
export const ssoOffered = signal(false);

const REFUSALS: Record<string, string> = {
	"invalid-state": "That sign-in took too long or was started in another window. Try again.",
	"provider-refused": "Your organisation's sign-in service did not confirm who you are.",
	"domain-not-allowed": "That address is not in the domains set up for single sign-on here.",
	"domain-not-verified": "That address's domain has not been verified for single sign-on yet. Sign in with your password.",
	"role-not-allowed": "Your role can't sign in through single sign-on here. Sign in with your password or passkey.",
	"no-account": "No account here uses that address. Ask for an invitation.",
	"not-signed-in": "Sign in first, then start the test again.",
	"sso-off": "Single sign-on is switched off here.",
};

export function ssoRefusalMessage(reason: string | undefined): string | null {
	if (!reason) return null;
	return REFUSALS[reason] ?? "Single sign-on did not work. Try again.";
}

export function ssoStartUrl(next: string | undefined): string {
	return `/api/v1/auth/sso/start${next ? `?next=${encodeURIComponent(next)}` : ""}`;
}

export async function loadSsoOffered(): Promise<void> {
	const result = await fetchJson(() => api.api.v1.auth.sso.$get());
	if (result.ok) ssoOffered.value = result.value.enabled;
}

export async function loadSsoSettings(): Promise<void> {
	const result = await fetchJson(() => api.api.v1.tenant.sso.$get());
	if (result.ok) ssoSettings.value = result.value;
}

export async function saveSsoSettings(input: {
	issuer: string;
	clientId: string;
	clientSecret?: string;
	domains: string[];
}): Promise<Result<null>> {
	const result = await fetchJson(() => api.api.v1.tenant.sso.$put({ json: input }));
	if (!result.ok) return result;
	ssoSettings.value = result.value;
	return { ok: true, value: null };
}

export async function setSsoEnabled(enabled: boolean): Promise<Result<null>> {
	const result = await fetchJson(() => api.api.v1.tenant.sso.$patch({ json: { enabled } }));
	if (!result.ok) return result;
	ssoSettings.value = result.value;
	return { ok: true, value: null };
}

/** The owner's approval that SSO may sign in members whose role ranks above the owner who configured it. */
export async function setSsoPrivilegedApproval(allowPrivilegedUsers: boolean): Promise<Result<null>> {
	const result = await fetchJson(() => api.api.v1.tenant.sso.$patch({ json: { allowPrivilegedUsers } }));
	if (!result.ok) return result;
	ssoSettings.value = result.value;
	return { ok: true, value: null };
}

/** Checks one SSO domain's DNS TXT record; the settings come back with its new state (and the reason when still pending). */
export async function verifySsoDomain(domain: string): Promise<Result<null>> {
	const result = await fetchJson(() => api.api.v1.tenant.sso.domains[":domain"].verify.$post({ param: { domain } }));
	if (!result.ok) return result;
	ssoSettings.value = result.value;
	return { ok: true, value: null };
}

/** Goes to the IdP for a test sign-in; it sends the browser back to this page. */
export async function startSsoTest(): Promise<Result<null>> {
	const result = await fetchJson(() => api.api.v1.tenant.sso.test.$post());
	if (!result.ok) return result;
	window.location.assign(result.value.url);
	return { ok: true, value: null };
}
