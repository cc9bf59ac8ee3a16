/** The shapes of the Referrals API. */
import { z } from "@hono/zod-openapi";
import { REFERRAL_CODE_PATTERN } from "./referral-program";

export const Referral = z
	.object({
		agencyName: z.string(),
		signedUpAt: z.number().int(),
		convertedAt: z.number().int().nullable(),
		rewardCredits: z.number().int().nullable(),
	})
	.meta({ id: "Referral" });

export const ReferralsOverview = z
	.object({
		code: z.string(),
		link: z.string(),
		discountPercent: z.number().int(),
		rewardCredits: z.number().int(),
		windowDays: z.number().int(),
		signUps: z.number().int(),
		conversions: z.number().int(),
		creditsEarned: z.number().int(),
		referrals: z.array(Referral),
	})
	.meta({ id: "ReferralsOverview" });
export type ReferralsOverview = z.infer<typeof ReferralsOverview>;

/** `POST /api/v1/referrals/landing`: a visitor opened a referral link with this code. */
export const ReferralLandingBody = z
	.strictObject({ code: z.string().trim().regex(REFERRAL_CODE_PATTERN, "is not a valid referral code") })
	.meta({ id: "ReferralLandingBody" });

/** The sealed landing token to send back at sign-up as `referralLanding`, and the server's landing time. */
export const ReferralLandingToken = z.object({ landing: z.string(), landedAt: z.number().int() }).meta({ id: "ReferralLandingToken" });
export type ReferralLandingToken = z.infer<typeof ReferralLandingToken>;
