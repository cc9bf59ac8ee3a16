/**
 * Referrals: each agency's referral code, and one row per agency that signed up through a code
 * (owned by the referrer, so the referrer's page reads its own rows). The referred agency's id is
 * unique: an agency is referred at most once, and its reward is granted at most once.
 */
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { tenants } from "./tenants";

export const referralCodes = sqliteTable(
	"referral_codes",
	{
		tenantId: text("tenant_id")
			.primaryKey()
			.references(() => tenants.id, { onDelete: "cascade" }),
		/** Upper-case letters and digits, e.g. `K7M2Q9XA`. */
		code: text("code").notNull(),
		createdAt: integer("created_at").notNull(),
	},
	(t) => [uniqueIndex("referral_codes_code_unique").on(t.code)],
);

export const referrals = sqliteTable(
	"referrals",
	{
		/** The referrer: the agency whose code was used. */
		tenantId: text("tenant_id")
			.notNull()
			.references(() => tenants.id, { onDelete: "cascade" }),
		referredTenantId: text("referred_tenant_id")
			.primaryKey()
			.references(() => tenants.id, { onDelete: "cascade" }),
		code: text("code").notNull(),
		/** When the visitor landed with `?ref=` (ms), as the sign-up page reported it. */
		landedAt: integer("landed_at").notNull(),
		signedUpAt: integer("signed_up_at").notNull(),
		/** The first paid invoice of the referred agency: the conversion. */
		convertedAt: integer("converted_at"),
		convertedInvoiceId: text("converted_invoice_id"),
		/** Credits granted to the referrer for this conversion (once). */
		rewardCredits: integer("reward_credits"),
	},
	(t) => [index("referrals_referrer_time_idx").on(t.tenantId, t.signedUpAt)],
);

export type ReferralRow = typeof referrals.$inferSelect;
