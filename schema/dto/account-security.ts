/** Wire shapes of account security: sessions, sign-in history, password and email changes, TOTP and the tenant's security policy. */
import { z } from "zod";
import { MFA_POLICIES, UNVERIFIED_ACCESS } from "../tables/security-policies";
import { SIGN_IN_METHODS, SIGN_IN_OUTCOMES } from "../tables/sign-in-events";
import { EmailedTokenSchema, EmailSchema, PasswordSchema, requireOneFactor, SecondFactorFields, TotpCodeSchema } from "./auth";

export const DeviceView = z.object({
	browser: z.string().nullable(),
	os: z.string().nullable(),
	device: z.enum(["desktop", "mobile", "tablet", "unknown"]),
	label: z.string().meta({ example: "Firefox on Windows" }),
});

export const SessionView = z
	.object({
		/** A public id for revoking; it is not the session token and cannot be turned into one. */
		id: z.string(),
		device: DeviceView,
		place: z.string().nullable(),
		ip: z.string().nullable(),
		lastSeenAt: z.number().int(),
		createdAt: z.number().int(),
		current: z.boolean(),
	})
	.meta({ id: "Session" });
export type SessionView = z.infer<typeof SessionView>;

export const SessionList = z.object({ sessions: z.array(SessionView) }).meta({ id: "SessionList" });
export type SessionList = z.infer<typeof SessionList>;

export const RevokedCount = z.object({ revoked: z.number().int() }).meta({ id: "RevokedCount" });

export const SignInEventView = z
	.object({
		id: z.string(),
		userId: z.string().nullable(),
		email: z.string().nullable(),
		method: z.enum(SIGN_IN_METHODS),
		outcome: z.enum(SIGN_IN_OUTCOMES),
		ip: z.string().nullable(),
		place: z.string().nullable(),
		device: DeviceView,
		createdAt: z.number().int(),
	})
	.meta({ id: "SignInEvent" });
export type SignInEventView = z.infer<typeof SignInEventView>;

export const SignInPage = z.object({ events: z.array(SignInEventView), nextCursor: z.string().nullable() }).meta({ id: "SignInPage" });
export type SignInPage = z.infer<typeof SignInPage>;

export const SignInCursor = z
	.string()
	.regex(/^[0-9a-f-]{36}$/, "must be a cursor returned by this endpoint")
	.optional();
export const PageLimit = z.coerce
	.number()
	.int("must be a whole number")
	.min(1, "must be at least 1")
	.max(100, "must be at most 100")
	.default(20);

export const SecurityPolicy = z
	.object({ unverifiedAccess: z.enum(UNVERIFIED_ACCESS), mfaRequired: z.enum(MFA_POLICIES) })
	.meta({ id: "SecurityPolicy" });
export type SecurityPolicy = z.infer<typeof SecurityPolicy>;

export const SecurityPolicyPatch = z
	.strictObject({ unverifiedAccess: z.enum(UNVERIFIED_ACCESS).optional(), mfaRequired: z.enum(MFA_POLICIES).optional() })
	.meta({ id: "SecurityPolicyPatch" });

export const ChangePasswordBody = z
	.strictObject({
		currentPassword: z.string().min(1, "is required").max(200, "must be at most 200 characters"),
		newPassword: PasswordSchema,
	})
	.meta({ id: "ChangePasswordBody" });

export const ChangeEmailBody = z
	.strictObject({ newEmail: EmailSchema, currentPassword: z.string().min(1, "is required").max(200, "must be at most 200 characters") })
	.meta({ id: "ChangeEmailBody" });

export const PasswordResetRequestBody = z.strictObject({ email: EmailSchema }).meta({ id: "PasswordResetRequestBody" });
export const PasswordResetCompleteBody = z
	.strictObject({ token: EmailedTokenSchema, password: PasswordSchema })
	.meta({ id: "PasswordResetCompleteBody" });

export const Accepted = z.object({ message: z.string() }).meta({ id: "Accepted" });

export const TotpEnrolment = z
	.object({
		/** Base32 secret for typing into an authenticator by hand. */
		secret: z.string(),
		otpauthUri: z.string(),
		/** The otpauth URI as a QR code, an SVG document. */
		qrSvg: z.string(),
	})
	.meta({ id: "TotpEnrolment" });

export const TotpCodeBody = z.strictObject({ code: TotpCodeSchema }).meta({ id: "TotpCodeBody" });
export const FreshSecondFactorBody = z.strictObject(SecondFactorFields).superRefine(requireOneFactor).meta({ id: "FreshSecondFactorBody" });

export const RecoveryCodes = z
	.object({ recoveryCodes: z.array(z.string()).meta({ description: "Shown once; each works once" }) })
	.meta({ id: "RecoveryCodes" });

export const MfaStatus = z.object({ totpEnabled: z.boolean(), recoveryCodesLeft: z.number().int() }).meta({ id: "MfaStatus" });
