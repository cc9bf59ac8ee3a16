/**
 * `?ref=CODE` attribution on the platform host: landing with a referral link remembers the code
 * and the landing time in localStorage for the programme's window (30 days), so an agency that
 * signs up later on the same browser is still attributed. A newer link replaces an older one.
 */
import { REFERRAL_CODE_PATTERN, REFERRAL_WINDOW_MS } from "../../../schema/referral-program";

const STORAGE_KEY = "atrium.referral";

export type StoredReferral = { code: string; landedAt: number };

function read(): StoredReferral | null {
	try {
		const value = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? "null") as StoredReferral | null;
		return value && typeof value.code === "string" && typeof value.landedAt === "number" ? value : null;
	} catch {
		return null;
	}
}

/** Remembers `?ref=` from the current address (if any) and answers the referral still inside the window. */
export function currentReferral(now = Date.now()): StoredReferral | null {
	const fromLink = new URLSearchParams(window.location.search).get("ref")?.trim().toUpperCase();
	if (fromLink && REFERRAL_CODE_PATTERN.test(fromLink)) {
		const stored = read();
		if (stored?.code !== fromLink) {
			try {
				localStorage.setItem(STORAGE_KEY, JSON.stringify({ code: fromLink, landedAt: now }));
			} catch {
				// Private mode without storage: the code still applies to this visit.
				return { code: fromLink, landedAt: now };
			}
		}
	}
	const stored = read();
	if (stored && now - stored.landedAt > REFERRAL_WINDOW_MS) {
		localStorage.removeItem(STORAGE_KEY);
		return null;
	}
	return stored;
}

/** Forgets the referral once it has been used (the agency exists). */
export function forgetReferral(): void {
	try {
		localStorage.removeItem(STORAGE_KEY);
	} catch {
		// Nothing stored.
	}
}
