/** The shapes of the Referrals API. */
import { z } from "@hono/zod-openapi";

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
