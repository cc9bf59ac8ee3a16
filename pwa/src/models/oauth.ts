/**
 * Sign-in with outside providers as signals and actions: which providers this agency offers, the
 * account's linked providers, linking (a full-page trip to the provider) and unlinking, and the
 * sentences for the reasons a provider sign-in can be refused.
 */
import { signal } from "@preact/signals";
import { api } from "../api/client";
import { fetchJson } from "../api/fetch-json";
import { type Result, send } from "../api/request";

export type OAuthProvider = "google" | "microsoft" | "github";
export type LinkedAccount = { provider: OAuthProvider; email: string; createdAt: number; lastUsedAt: number | null };

export const PROVIDER_NAMES: Record<OAuthProvider, string> = { google: "Google", microsoft: "Microsoft", github: "GitHub" };

export const offeredProviders = signal<OAuthProvider[]>([]);
export const linkedAccounts = signal<{ accounts: LinkedAccount[]; available: OAuthProvider[] } | null>(null);

const REFUSALS: Record<string, string> = {
	"invalid-state": "That sign-in took too long or was started in another window. Try again.",
	"provider-refused": "The provider did not confirm who you are. Try again.",
	"unverified-email": "Your address at that provider is not verified, so we cannot match it to an account here.",
	"no-account": "No account here uses that address. Ask the agency for an invitation, or sign in another way.",
	"already-linked": "That provider account is already linked to someone, or yours already has one of that provider.",
	"not-signed-in": "Sign in first, then link the provider from your security settings.",
};

export function refusalMessage(reason: string | undefined): string | null {
	if (!reason) return null;
	return REFUSALS[reason] ?? "Signing in with that provider did not work. Try again.";
}

/** The address that starts a provider sign-in, keeping where to go afterwards. */
export function startUrl(provider: OAuthProvider, next: string | undefined): string {
	const query = next ? `?next=${encodeURIComponent(next)}` : "";
	return `/api/v1/auth/oauth/${provider}/start${query}`;
}

export async function loadOfferedProviders(): Promise<void> {
	const result = await fetchJson(() => api.api.v1.auth.oauth.providers.$get());
	if (result.ok) offeredProviders.value = result.value.providers;
}

export async function loadLinkedAccounts(): Promise<void> {
	const result = await fetchJson(() => api.api.v1.me.oauth.$get());
	if (result.ok) linkedAccounts.value = result.value;
}

/** Asks for the provider URL and goes there; the provider sends the browser back to the security page. */
export async function linkProvider(provider: OAuthProvider): Promise<Result<null>> {
	const result = await fetchJson(() => api.api.v1.me.oauth[":provider"].link.$post({ param: { provider } }));
	if (!result.ok) return result;
	window.location.assign(result.value.url);
	return { ok: true, value: null };
}

export async function unlinkProvider(provider: OAuthProvider): Promise<Result<null>> {
	const result = await send(() => api.api.v1.me.oauth[":provider"].$delete({ param: { provider } }));
	if (!result.ok) return result;
	await loadLinkedAccounts();
	return { ok: true, value: null };
}
