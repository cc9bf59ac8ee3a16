/**
 * Referral codes and sign-up attribution: each agency gets one code (made on first use), a
 * sign-up that names a code within the window is attributed to its agency once, and the
 * referrer's page counts sign-ups, conversions and credits earned. Self-referral is refused,
 * comparing mailboxes rather than addresses (`ann+x@`, `a.nn@gmail.com` are Ann), and the landing
 * time is the server's own (./referral-landing.ts), never one the client states.
 */
import { desc, eq, inArray } from "drizzle-orm";
import { referralCodes, referrals, tenants, users } from "../../../schema/index";
import { REFERRAL_PROGRAM, REFERRAL_WINDOW_MS } from "../../../schema/referral-program";
import type { ReferralsOverview } from "../../../schema/referrals";
import type { Database } from "../../env";
import type { TenantScope } from "../../lib/db";
import { problems } from "../../lib/problem";
import { mailboxKey } from "./mailbox-key";
import { readReferralLanding } from "./referral-landing";

/** Crockford-style alphabet without look-alikes (0/O, 1/I/L). */
const ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
const CODE_LENGTH = 8;

function randomCode(): string {
	const bytes = crypto.getRandomValues(new Uint8Array(CODE_LENGTH));
	return Array.from(bytes, (b) => ALPHABET[b % ALPHABET.length]).join("");
}

/** The agency's referral code, created the first time it is asked for. */
export async function ensureReferralCode(scope: TenantScope, now = Date.now()): Promise<string> {
	for (let attempt = 0; attempt < 3; attempt += 1) {
		const [row] = await scope.db.select().from(referralCodes).where(scope.where(referralCodes)).limit(1);
		if (row) return row.code;
		try {
			await scope.insert(referralCodes, { code: randomCode(), createdAt: now }).onConflictDoNothing({ target: referralCodes.tenantId });
		} catch (error) {
			// Another agency drew the same code (unique index): draw again.
			if (!String(error).includes("UNIQUE constraint failed")) throw error;
		}
	}
	throw new Error("could not allocate a referral code");
}

const refused = (message: string) => problems.validation([{ path: "referralCode", message }]);

export type ReferralAttribution = { referrerTenantId: string; code: string; landedAt: number };

/**
 * Checks a code given at sign-up before anything is written: 422 naming `referralCode` when it
 * names no active agency, when the link was opened longer ago than the window (by the server's
 * landing token for this code; without one the landing is now), or when the new owner's mailbox
 * is one of the referring agency's people's (self-referral).
 */
export async function resolveReferral(
	db: Database,
	input: { code: string; landing?: string | undefined; email: string },
	now = Date.now(),
): Promise<ReferralAttribution> {
	const code = input.code.trim().toUpperCase();
	const [row] = await db
		.select({ tenantId: referralCodes.tenantId, status: tenants.status })
		.from(referralCodes)
		.innerJoin(tenants, eq(tenants.id, referralCodes.tenantId))
		.where(eq(referralCodes.code, code))
		.limit(1);
	if (row?.status !== "active") throw refused("is not a valid referral code");
	const landing = input.landing ? await readReferralLanding(input.landing) : null;
	const landedAt = landing?.code === code ? Math.min(landing.landedAt, now) : now;
	if (now - landedAt > REFERRAL_WINDOW_MS) throw refused(`has expired: referral links count for ${REFERRAL_PROGRAM.windowDays} days`);
	if (await isReferrersMailbox(db, row.tenantId, input.email)) throw refused("cannot be used by a member of the referring agency");
	return { referrerTenantId: row.tenantId, code, landedAt };
}

/** Whether an address reaches the same mailbox as anyone's in the referring agency (its owner, staff or clients). */
export async function isReferrersMailbox(db: Database, referrerTenantId: string, email: string): Promise<boolean> {
	const key = mailboxKey(email);
	const people = await db.select({ email: users.email }).from(users).where(eq(users.tenantId, referrerTenantId));
	return people.some((person) => mailboxKey(person.email) === key);
}

/** The row that attributes a new agency to its referrer (written in the sign-up batch). */
export function attributionInsert(db: Database, referredTenantId: string, attribution: ReferralAttribution, now: number) {
	return db.insert(referrals).values({
		tenantId: attribution.referrerTenantId,
		referredTenantId,
		code: attribution.code,
		landedAt: attribution.landedAt,
		signedUpAt: now,
	});
}

/** What the referrer sees: its code and link, the programme's terms, and every agency it referred. */
export async function referralsOverview(scope: TenantScope, platformOrigin: string): Promise<ReferralsOverview> {
	const code = await ensureReferralCode(scope);
	const rows = await scope.db
		.select({
			referredTenantId: referrals.referredTenantId,
			signedUpAt: referrals.signedUpAt,
			convertedAt: referrals.convertedAt,
			rewardCredits: referrals.rewardCredits,
		})
		.from(referrals)
		.where(scope.where(referrals))
		.orderBy(desc(referrals.signedUpAt))
		.limit(200);
	const names = rows.length
		? await scope.db
				.select({ id: tenants.id, name: tenants.name })
				.from(tenants)
				.where(
					inArray(
						tenants.id,
						rows.map((r) => r.referredTenantId),
					),
				)
		: [];
	const nameOf = new Map(names.map((n) => [n.id, n.name]));
	const converted = rows.filter((r) => r.convertedAt !== null);
	return {
		code,
		link: `${platformOrigin}/signup?ref=${code}`,
		discountPercent: REFERRAL_PROGRAM.discountPercent,
		rewardCredits: REFERRAL_PROGRAM.rewardCredits,
		windowDays: REFERRAL_PROGRAM.windowDays,
		signUps: rows.length,
		conversions: converted.length,
		creditsEarned: converted.reduce((sum, r) => sum + (r.rewardCredits ?? 0), 0),
		referrals: rows.map((r) => ({
			agencyName: nameOf.get(r.referredTenantId) ?? "Closed agency",
			signedUpAt: r.signedUpAt,
			convertedAt: r.convertedAt,
			rewardCredits: r.rewardCredits,
		})),
	};
}
