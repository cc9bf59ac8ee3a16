/**
 * `?ref=CODE` attribution on the platform host: landing with a referral link asks the platform to
 * stamp the landing (`POST /api/v1/referrals/landing`, a sealed token with the server's time) and
 * remembers the code and that token in localStorage for the programme's window (30 days), so an
 * agency that signs up later on the same browser is still attributed. The token, not this
 * browser's clock, is what the server reads the landing time from; the local time only prunes the
 * memory. A newer link replaces an older one.
 */
import { REFERRAL_CODE_PATTERN, REFERRAL_WINDOW_MS } from "../../../schema/referral-program";
import { api } from "../api/client";

const STORAGE_KEY = "atrium.referral";

/** `landing`: the platform's token for this code, or null until (or unless) it arrived. */
export type StoredReferral = { code: string; landedAt: number; landing: string | null };

/** Without storage (private mode) the referral of this visit lives here. */
let unstored: StoredReferral | null = null;

function read(): StoredReferral | null {
	try {
		const value = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? "null") as Partial<StoredReferral> | null;
		if (!value || typeof value.code !== "string" || typeof value.landedAt !== "number") return unstored;
		return { code: value.code, landedAt: value.landedAt, landing: typeof value.landing === "string" ? value.landing : null };
	} catch {
		return unstored;
	}
}

function write(referral: StoredReferral): void {
	unstored = referral;
	try {
		localStorage.setItem(STORAGE_KEY, JSON.stringify(referral));
	} catch {
		// Private mode without storage: the referral still applies to this visit.
	}
}

/** Asks the platform to stamp this landing; keeps the token if the code is still the remembered one. */
async function stampLanding(code: string): Promise<void> {
	try {
		const res = await api.api.v1.referrals.landing.$post({ json: { code } });
		if (!res.ok) return;
		const { landing } = await res.json();
		const stored = read();
		if (stored?.code === code) write({ ...stored, landing });
	} catch {
		// Offline: the sign-up itself counts as the landing.
	}
}

/** Remembers `?ref=` from the current address (if any) and answers the referral still inside the window. */
export function currentReferral(now = Date.now()): StoredReferral | null {
	const fromLink = new URLSearchParams(window.location.search).get("ref")?.trim().toUpperCase();
	if (fromLink && REFERRAL_CODE_PATTERN.test(fromLink) && read()?.code !== fromLink) {
		write({ code: fromLink, landedAt: now, landing: null });
		void stampLanding(fromLink);
	}
	const stored = read();
	if (stored && now - stored.landedAt > REFERRAL_WINDOW_MS) {
		forgetReferral();
		return null;
	}
	return stored;
}

/** The platform's landing token for `code`, if this browser holds one (read at sign-up time: it may arrive late). */
export function landingTokenFor(code: string): string | null {
	const stored = read();
	return stored?.code === code ? stored.landing : null;
}

/** Forgets the referral once it has been used (the agency exists). */
export function forgetReferral(): void {
	unstored = null;
	try {
		localStorage.removeItem(STORAGE_KEY);
	} catch {
		// Nothing stored.
	}
}
