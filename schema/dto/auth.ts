/** Wire shapes of sign-up, sign-in, hand-off and the signed-in identity (`/api/v1/me`). */
import { z } from "zod";
import { PERMISSIONS, ROLES } from "../permissions";
import { REFERRAL_CODE_PATTERN } from "../referral-program";
import { isReservedSlug } from "../reserved-slugs";
import { PublicBrand } from "./branding";
import { PersonName, Profile } from "./profile";

export const SlugSchema = z
	.string()
	.trim()
	.toLowerCase()
	.min(3, "must be at least 3 characters")
	.max(32, "must be at most 32 characters")
	.regex(/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/, "may contain only lower-case letters, digits and inner hyphens")
	.refine((s) => !isReservedSlug(s), "is reserved")
	.meta({ description: "Sub-domain of the agency: lower-case letters, digits, hyphens", example: "acme" });

export const EmailSchema = z
	.string()
	.trim()
	.max(254, "must be at most 254 characters")
	.pipe(z.email("must be a valid email address"))
	.meta({ example: "owner@acme.test" });

/** Length rules only (NIST SP 800-63B): long passphrases welcome, no composition rules. */
export const PasswordSchema = z
	.string()
	.min(10, "must be at least 10 characters")
	.max(200, "must be at most 200 characters")
	.meta({ example: "correct horse battery" });

export const SignupBody = z
	.strictObject({
		agencyName: z.string().trim().min(2, "must be at least 2 characters").max(100, "must be at most 100 characters"),
		slug: SlugSchema,
		name: PersonName,
		email: EmailSchema,
		password: PasswordSchema,
		/** A referral code (from a `?ref=` link or typed); checked at sign-up, 422 naming it when not valid. */
		referralCode: z.string().trim().regex(REFERRAL_CODE_PATTERN, "is not a valid referral code").optional(),
		/**
		 * The landing token the platform issued when the `?ref=` link was opened
		 * (`POST /api/v1/referrals/landing`): the link counts for the programme's window from then.
		 * Without one (or with one for another code), the landing is the sign-up itself.
		 */
		referralLanding: z.string().max(1000, "is not a referral landing token").optional(),
		/** Deprecated and ignored: a landing time the client states is never trusted (see `referralLanding`). */
		referralLandedAt: z.number().int().min(0).optional().meta({ deprecated: true }),
	})
	.meta({ id: "SignupBody" });
export type SignupBody = z.infer<typeof SignupBody>;

export const LoginBody = z
	.strictObject({
		email: EmailSchema,
		password: z.string().min(1, "is required").max(200, "must be at most 200 characters"),
	})
	.meta({ id: "LoginBody" });
export type LoginBody = z.infer<typeof LoginBody>;

export const HandoffBody = z
	.strictObject({
		token: z.string().min(20, "is not a valid hand-off token").max(100, "is not a valid hand-off token"),
	})
	.meta({ id: "HandoffBody" });

export const TenantSummary = z.object({ id: z.string(), slug: z.string(), name: z.string() }).meta({ id: "TenantSummary" });
export type TenantSummary = z.infer<typeof TenantSummary>;

export const MeResponse = z
	.object({
		user: z.object({ id: z.string(), email: z.string(), name: z.string() }),
		tenant: TenantSummary,
		/** The built-in role: owner, admin and staff get the agency workspace, clients the portal. */
		role: z.enum(ROLES),
		/** Everything this user may do (their custom role's permissions if they have one, else their role's); the app shows what these allow. */
		permissions: z.array(z.enum(PERMISSIONS)),
		/** The account's email address has been confirmed through an emailed link. */
		emailVerified: z.boolean(),
		/** The account signs in with a TOTP code as well as its password. */
		mfaEnabled: z.boolean(),
		/** The agency requires MFA of this account and it has none yet: everything but enrolment answers 403 until it does. */
		mfaSetupRequired: z.boolean(),
		/** The person's time zone, locale and avatar (PATCH /api/v1/me): what the app formats dates with. */
		profile: Profile,
	})
	.meta({ id: "Me" });
export type MeResponse = z.infer<typeof MeResponse>;

export const SignupResponse = z
	.object({
		tenant: TenantSummary,
		/** The tenant's own address, e.g. http://acme.localhost:8787/ */
		url: z.string(),
		/** Opens the tenant host and signs the owner in once; the token is in the fragment, never sent to servers in logs. */
		handoffUrl: z.string(),
	})
	.meta({ id: "SignupResponse" });
export type SignupResponse = z.infer<typeof SignupResponse>;

/** What the host the app is loaded from is: the platform (sign-up) or one agency (sign-in). */
export const HostContext = z
	.discriminatedUnion("kind", [
		z.object({ kind: z.literal("platform") }),
		z.object({ kind: z.literal("tenant"), tenant: TenantSummary, brand: PublicBrand }),
	])
	.meta({ id: "HostContext" });
export type HostContext = z.infer<typeof HostContext>;

/** The first step of sign-in for an account with MFA: no session yet, a challenge to answer at /auth/login/mfa. */
export const MfaChallengeResponse = z
	.object({
		mfaRequired: z.literal(true),
		/** Opaque, single-use, valid five minutes, only on this agency's host. */
		challenge: z.string(),
		/** Ways to answer: a TOTP code, a recovery code, and (when the account has one) a passkey. */
		methods: z.array(z.enum(["totp", "recovery_code", "passkey"])),
	})
	.meta({ id: "MfaChallenge" });
export type MfaChallengeResponse = z.infer<typeof MfaChallengeResponse>;

export const LoginResponse = z.union([MeResponse, MfaChallengeResponse]).meta({ id: "LoginResponse" });
export type LoginResponse = z.infer<typeof LoginResponse>;

export const TotpCodeSchema = z
	.string()
	.trim()
	.regex(/^\d{6}$/, "must be the 6-digit code from your authenticator app")
	.meta({ example: "123456" });
export const RecoveryCodeSchema = z
	.string()
	.trim()
	.regex(/^[a-z2-7]{5}-?[a-z2-7]{5}$/i, "must be one of your recovery codes (like abcde-fghij)")
	.meta({ example: "abcde-fghij" });

/** A TOTP code or a recovery code: exactly one of the two fields. */
export const SecondFactorFields = { code: TotpCodeSchema.optional(), recoveryCode: RecoveryCodeSchema.optional() };

export function requireOneFactor(value: { code?: string | undefined; recoveryCode?: string | undefined }, ctx: z.RefinementCtx): void {
	if ((value.code === undefined) === (value.recoveryCode === undefined)) {
		ctx.addIssue({ code: "custom", path: ["code"], message: "give either code or recoveryCode, not both or neither" });
	}
}

/** The factor a validated body carries, as the services take it. */
export function secondFactorOf(value: {
	code?: string | undefined;
	recoveryCode?: string | undefined;
}): { code: string } | { recoveryCode: string } {
	return value.code !== undefined ? { code: value.code } : { recoveryCode: value.recoveryCode ?? "" };
}

export const LoginMfaBody = z
	.strictObject({
		challenge: z.string().min(20, "is not a valid challenge").max(100, "is not a valid challenge"),
		...SecondFactorFields,
	})
	.superRefine(requireOneFactor)
	.meta({ id: "LoginMfaBody" });
export type LoginMfaBody = z.infer<typeof LoginMfaBody>;

/** A single-use emailed token (verify email, reset password, unlock). */
export const EmailedTokenSchema = z.string().regex(/^[a-z2-7]{32}$/, "is not a valid link token");
export const TokenBody = z.strictObject({ token: EmailedTokenSchema }).meta({ id: "TokenBody" });
