/**
 * The platform operator's sign-in: the OPERATOR_TOKEN kept in this tab's sessionStorage only (gone
 * when the tab closes, or on "Sign out"), and the one way the console calls the operator API with it.
 */
import { computed, signal } from "@preact/signals";
import type { ClientRequestOptions } from "hono/client";
import { operatorApi } from "../api/client";
import { fetchJson, type SuccessBody } from "../api/fetch-json";
import type { ProblemView, ResponseLike } from "../api/problem";
import type { Result } from "../api/request";

const STORAGE_KEY = "atrium.operatorToken";

function storedToken(): string | null {
	try {
		return sessionStorage.getItem(STORAGE_KEY);
	} catch {
		return null;
	}
}

export const operatorToken = signal<string | null>(storedToken());
export const isOperatorSignedIn = computed(() => operatorToken.value !== null);

/**
 * Calls an operator route through the typed client with a token (the stored one unless given) and
 * no cookies: `operatorCall((options) => operatorApi.api.operator.coupons.$get({}, options))`.
 */
export async function operatorCall<R extends ResponseLike>(
	call: (options: ClientRequestOptions) => Promise<R>,
	token?: string,
): Promise<Result<SuccessBody<R>>> {
	const options: ClientRequestOptions = {
		headers: { Authorization: `Bearer ${token ?? operatorToken.value ?? ""}` },
	};
	const result = await fetchJson(() => call(options));
	// The token stopped working (rotated elsewhere): back to the sign-in form with the reason.
	if (!result.ok && result.problem.status === 401 && token === undefined) signOutOperator(result.problem);
	return result;
}

/** What the console just did, read out by its live region ("Coupon LAUNCH created."). */
export const operatorAnnouncement = signal("");

/** Why the operator was signed out (a rejected token), shown on the sign-in form. */
export const signedOutBecause = signal<ProblemView | null>(null);

/** Checks the token against the API; kept for this tab only when it works. */
export async function signInOperator(token: string): Promise<Result<null>> {
	const check = await operatorCall((options) => operatorApi.api.operator.agencies.$get({ query: { limit: "1" } }, options), token);
	if (!check.ok) return check;
	try {
		sessionStorage.setItem(STORAGE_KEY, token);
	} catch {
		// Storage refused (private mode): the token lives in memory for this page only.
	}
	signedOutBecause.value = null;
	operatorToken.value = token;
	return { ok: true, value: null };
}

export function signOutOperator(reason: ProblemView | null = null): void {
	try {
		sessionStorage.removeItem(STORAGE_KEY);
	} catch {
		// Nothing stored.
	}
	signedOutBecause.value = reason;
	operatorToken.value = null;
}
