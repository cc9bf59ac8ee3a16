/** Wire shapes of per-agency single sign-on (OpenID Connect). */
import { z } from "zod";

export const SsoDomainName = z
	.string()
	.trim()
	.toLowerCase()
	.max(253, "must be at most 253 characters")
	.regex(/^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, "must be a domain like acme.com");

export const SsoSettingsBody = z
	.strictObject({
		/** The OpenID Provider's issuer; discovery is fetched from `<issuer>/.well-known/openid-configuration`. */
		issuer: z.string().trim().max(500, "must be at most 500 characters").pipe(z.url("must be a URL like https://login.acme.com")),
		clientId: z.string().trim().min(1, "is required").max(500, "must be at most 500 characters"),
		/** Required the first time; omit it to keep the stored one. Never returned. */
		clientSecret: z.string().min(1, "is required").max(2000, "must be at most 2000 characters").optional(),
		domains: z.array(SsoDomainName).min(1, "needs at least one domain").max(20, "may list at most 20 domains"),
	})
	.meta({ id: "SsoSettingsBody" });
export type SsoSettingsBody = z.infer<typeof SsoSettingsBody>;

/** Switch SSO on or off, and/or set the owner's approval for members ranking above the configurer. */
export const SsoEnabledBody = z
	.strictObject({
		enabled: z.boolean().optional(),
		/** An owner's approval that SSO may sign in members whose role ranks above the owner who configured it. */
		allowPrivilegedUsers: z.boolean().optional(),
	})
	.refine((b) => b.enabled !== undefined || b.allowPrivilegedUsers !== undefined, {
		message: "give enabled or allowPrivilegedUsers",
		path: ["enabled"],
	})
	.meta({ id: "SsoEnabledBody" });

export const SsoDomainParams = z.object({ domain: SsoDomainName });

/** One SSO email domain's proof of control: the DNS TXT record to publish and its state. */
export const SsoDomainState = z
	.object({
		domain: z.string(),
		status: z.enum(["pending", "verified"]),
		txtName: z.string(),
		/** Null for a list saved before proofs existed: save the settings again to get one. */
		txtValue: z.string().nullable(),
		verifiedAt: z.number().int().nullable(),
		lastCheckedAt: z.number().int().nullable(),
		lastCheckError: z.string().nullable(),
	})
	.meta({ id: "SsoDomainState" });
export type SsoDomainState = z.infer<typeof SsoDomainState>;

export const SsoSettings = z
	.object({
		/** Whether the agency's plan includes SSO. */
		planAllows: z.boolean(),
		configured: z.boolean(),
		issuer: z.string().nullable(),
		clientId: z.string().nullable(),
		/** A secret is stored; its value is never returned. */
		hasClientSecret: z.boolean(),
		domains: z.array(z.string()),
		enabled: z.boolean(),
		testedAt: z.number().int().nullable(),
		/** Each domain's DNS proof; SSO can be switched on only when all are verified. */
		domainStates: z.array(SsoDomainState),
		/** The owner who last saved the settings (SSO never signs in someone ranking above them without approval). */
		configuredBy: z.object({ id: z.string(), email: z.string().nullable() }).nullable(),
		/** An owner approved SSO sign-in of members ranking above the configurer. */
		allowPrivilegedUsers: z.boolean(),
		/** Whether the viewer may change these settings: owners only. */
		canManage: z.boolean(),
	})
	.meta({ id: "SsoSettings" });
export type SsoSettings = z.infer<typeof SsoSettings>;

export const SsoPublic = z.object({ enabled: z.boolean() }).meta({ id: "SsoPublic" });
