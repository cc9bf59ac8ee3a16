/** Wire shapes of passkeys: ceremony options, the browser's credential responses, and the account's passkey list. */
import { z } from "zod";

const Base64Url = z
	.string()
	.max(16_384, "is too long")
	.regex(/^[A-Za-z0-9_-]*$/, "must be base64url");

/** The extension results the server reads; others are dropped. */
const ExtensionResults = z
	.object({ credProps: z.object({ rk: z.boolean().optional() }).optional(), appid: z.boolean().optional() })
	.default({});

/** What `navigator.credentials.create()` returned, as @simplewebauthn/browser serialises it. */
export const RegistrationCredential = z
	.object({
		id: Base64Url.min(1, "is required"),
		rawId: Base64Url.min(1, "is required"),
		type: z.literal("public-key"),
		response: z.object({
			clientDataJSON: Base64Url.min(1, "is required"),
			attestationObject: Base64Url.min(1, "is required"),
			/** "internal", "hybrid", "usb"…: hints for later ceremonies, stored as given. */
			transports: z.array(z.string().max(32, "is too long")).max(10, "has too many entries").optional(),
		}),
		authenticatorAttachment: z.enum(["platform", "cross-platform"]).optional(),
		clientExtensionResults: ExtensionResults,
	})
	.meta({ id: "RegistrationCredential" });
export type RegistrationCredential = z.infer<typeof RegistrationCredential>;

/** What `navigator.credentials.get()` returned, as @simplewebauthn/browser serialises it. */
export const AuthenticationCredential = z
	.object({
		id: Base64Url.min(1, "is required"),
		rawId: Base64Url.min(1, "is required"),
		type: z.literal("public-key"),
		response: z.object({
			clientDataJSON: Base64Url.min(1, "is required"),
			authenticatorData: Base64Url.min(1, "is required"),
			signature: Base64Url.min(1, "is required"),
			userHandle: Base64Url.optional(),
		}),
		authenticatorAttachment: z.enum(["platform", "cross-platform"]).optional(),
		clientExtensionResults: ExtensionResults,
	})
	.meta({ id: "AuthenticationCredential" });
export type AuthenticationCredential = z.infer<typeof AuthenticationCredential>;

export const PasskeyName = z.string().trim().min(1, "is required").max(60, "must be at most 60 characters");

/** WebAuthn options to hand to @simplewebauthn/browser (`optionsJSON`). */
export const WebAuthnOptions = z
	.object({ options: z.record(z.string(), z.unknown()) })
	.meta({ id: "WebAuthnOptions", description: "PublicKeyCredentialCreationOptionsJSON or PublicKeyCredentialRequestOptionsJSON" });

export const AddPasskeyBody = z.strictObject({ name: PasskeyName, credential: RegistrationCredential }).meta({ id: "AddPasskeyBody" });
export const RenamePasskeyBody = z.strictObject({ name: PasskeyName }).meta({ id: "RenamePasskeyBody" });
export const PasskeySignInBody = z.strictObject({ credential: AuthenticationCredential }).meta({ id: "PasskeySignInBody" });
export const PasskeyMfaOptionsBody = z
	.strictObject({ challenge: z.string().min(20, "is not a valid challenge").max(100, "is not a valid challenge") })
	.meta({ id: "PasskeyMfaOptionsBody" });
export const PasskeyMfaBody = z
	.strictObject({
		challenge: z.string().min(20, "is not a valid challenge").max(100, "is not a valid challenge"),
		credential: AuthenticationCredential,
	})
	.meta({ id: "PasskeyMfaBody" });

export const PasskeyView = z
	.object({
		id: z.string(),
		name: z.string(),
		createdAt: z.number().int(),
		lastUsedAt: z.number().int().nullable(),
		/** Synced by its provider (iCloud Keychain, Google Password Manager…) rather than bound to one device. */
		backedUp: z.boolean(),
	})
	.meta({ id: "Passkey" });
export type PasskeyView = z.infer<typeof PasskeyView>;

export const PasskeyList = z.object({ passkeys: z.array(PasskeyView) }).meta({ id: "PasskeyList" });
