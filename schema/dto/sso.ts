/** Wire shapes of per-agency single sign-on (OpenID Connect). */
import { z } from "zod";

const Domain = z
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
		domains: z.array(Domain).min(1, "needs at least one domain").max(20, "may list at most 20 domains"),
	})
	.meta({ id: "SsoSettingsBody" });
export type SsoSettingsBody = z.infer<typeof SsoSettingsBody>;

export const SsoEnabledBody = z.strictObject({ enabled: z.boolean() }).meta({ id: "SsoEnabledBody" });

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
	})
	.meta({ id: "SsoSettings" });
export type SsoSettings = z.infer<typeof SsoSettings>;

export const SsoPublic = z.object({ enabled: z.boolean() }).meta({ id: "SsoPublic" });
