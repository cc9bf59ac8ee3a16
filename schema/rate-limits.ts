/** Token-bucket rules shared by the Worker (which names them) and TenantGate (which enforces them). */
export type BucketRule = {
	/** Most tokens the bucket holds: the burst allowed. */
	capacity: number;
	/** Tokens added back per second. */
	refillPerSecond: number;
};

export type TakeResult = { allowed: true; remaining: number } | { allowed: false; retryAfterMs: number };

export const RATE_RULES = {
	/** Sign-in attempts from one IP address against one tenant: 20 at once, then one every 3 s. */
	signInPerIp: { capacity: 20, refillPerSecond: 1 / 3 },
	/** Verification emails one user may ask for: 3 at once, then one every 10 minutes. */
	verificationEmailPerUser: { capacity: 3, refillPerSecond: 1 / 600 },
	/** Password-reset requests from one IP address: 10 at once, then one a minute. */
	passwordResetPerIp: { capacity: 10, refillPerSecond: 1 / 60 },
	/** Password-reset requests for one email: 3 at once, then one every 10 minutes. */
	passwordResetPerEmail: { capacity: 3, refillPerSecond: 1 / 600 },
	/** Agency sign-ups from one IP address: 5 at once, then one every 10 minutes. */
	signUpPerIp: { capacity: 5, refillPerSecond: 1 / 600 },
	/** Referral-link landings stamped for one IP address on the platform: 20 at once, then one every 6 s. */
	referralLandingPerIp: { capacity: 20, refillPerSecond: 1 / 6 },
	/** Requests made with one API key: 120 at once, then two a second. */
	apiKeyRequests: { capacity: 120, refillPerSecond: 2 },
	/** Password guesses on one document share link: 10 at once, then one every 30 s. */
	sharePasswordGuesses: { capacity: 10, refillPerSecond: 1 / 30 },
	/** Lead form submissions from one IP address to one agency: 10 at once, then one a minute. */
	leadFormPerIp: { capacity: 10, refillPerSecond: 1 / 60 },
	/** Submissions to one lead form from everywhere: 60 at once, then one a second. */
	leadFormPerForm: { capacity: 60, refillPerSecond: 1 },
} as const satisfies Record<string, BucketRule>;
