/**
 * The platform operator's sign-in: the OPERATOR_TOKEN kept in this tab's sessionStorage only (gone
 * when the tab closes, or on "Sign out"), and the one way the console calls the operator API with it.
 */
import { computed, signal } from "@preact/signals";
import type { ProblemView } from "../api/problem";
import { type Result, send } from "../api/request";

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

/** Calls an operator route with a token (the stored one unless given); a JSON body is sent as JSON. */
export async function operatorCall<T>(path: string, init: { method?: string; body?: unknown; token?: string } = {}): Promise<Result<T>> {
	const token = init.token ?? operatorToken.value ?? "";
	const headers: Record<string, string> = { Authorization: `Bearer ${token}` };
	if (init.body !== undefined) headers["Content-Type"] = "application/json";
	const result = await send(() =>
		fetch(path, {
			method: init.method ?? "GET",
			headers,
			body: init.body === undefined ? undefined : JSON.stringify(init.body),
			credentials: "omit",
		}),
	);
	if (!result.ok) {
		// The token stopped working (rotated elsewhere): back to the sign-in form with the reason.
		if (result.problem.status === 401 && init.token === undefined) signOutOperator(result.problem);
		return result;
	}
	return { ok: true, value: (result.value.status === 204 ? null : await result.value.json()) as T };
}

/** What the console just did, read out by its live region ("Coupon LAUNCH created."). */
export const operatorAnnouncement = signal("");

/** Why the operator was signed out (a rejected token), shown on the sign-in form. */
export const signedOutBecause = signal<ProblemView | null>(null);

/** Checks the token against the API; kept for this tab only when it works. */
export async function signInOperator(token: string): Promise<Result<null>> {
	const check = await operatorCall<unknown>("/api/operator/agencies?limit=1", { token });
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
