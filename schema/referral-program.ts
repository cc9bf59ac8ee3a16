/** The referral programme's terms (no runtime imports: the PWA reads them too). */

export const REFERRAL_PROGRAM = {
	/** The referred agency's first subscription Checkout: percent off its first charged invoice. */
	discountPercent: 20,
	/** Credits granted to the referrer when the referred agency pays its first invoice. */
	rewardCredits: 1_000,
	/** A `?ref=` link counts if the agency signs up within this many days of landing. */
	windowDays: 30,
} as const;

export const REFERRAL_WINDOW_MS = REFERRAL_PROGRAM.windowDays * 86_400_000;

/** What a typed or linked code may look like before it is looked up (codes are issued as eight upper-case characters). */
export const REFERRAL_CODE_PATTERN = /^[A-Za-z0-9]{6,16}$/;
