/** Wire shapes of OAuth sign-in: the providers offered, the account's linked providers, and the callback's query. */
import { z } from "zod";
import { OAUTH_PROVIDERS } from "../tables/oauth-accounts";

export const OAuthProviderParam = z.object({ provider: z.enum(OAUTH_PROVIDERS) });

export const OAuthProviders = z
	.object({ providers: z.array(z.enum(OAUTH_PROVIDERS)).meta({ description: "Providers with credentials configured, in display order" }) })
	.meta({ id: "OAuthProviders" });

export const OAuthStartQuery = z.object({
	/** A path on this host to land on after sign-in; anything else becomes `/`. */
	next: z.string().max(2000, "is too long").optional(),
});

export const OAuthCallbackQuery = z.object({
	code: z.string().max(4096, "is too long").optional(),
	state: z.string().max(200, "is too long").optional(),
	error: z.string().max(200, "is too long").optional(),
});

export const LinkedAccount = z
	.object({
		provider: z.enum(OAUTH_PROVIDERS),
		email: z.string(),
		createdAt: z.number().int(),
		lastUsedAt: z.number().int().nullable(),
	})
	.meta({ id: "LinkedAccount" });

export const LinkedAccounts = z
	.object({ accounts: z.array(LinkedAccount), available: z.array(z.enum(OAUTH_PROVIDERS)) })
	.meta({ id: "LinkedAccounts" });

export const OAuthRedirect = z.object({ url: z.string() }).meta({ id: "OAuthRedirect" });
