/**
 * Accounts at outside identity providers (Google, Microsoft, GitHub) linked to a tenant's users.
 * A link is per tenant: the same Google account may be linked to one user on each agency.
 */
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { tenants } from "./tenants";
import { users } from "./users";

export const OAUTH_PROVIDERS = ["google", "microsoft", "github"] as const;
export type OAuthProvider = (typeof OAUTH_PROVIDERS)[number];

export const oauthAccounts = sqliteTable(
	"oauth_accounts",
	{
		id: text("id").primaryKey(),
		tenantId: text("tenant_id")
			.notNull()
			.references(() => tenants.id, { onDelete: "cascade" }),
		userId: text("user_id")
			.notNull()
			.references(() => users.id, { onDelete: "cascade" }),
		provider: text("provider", { enum: OAUTH_PROVIDERS }).notNull(),
		/** The provider's stable user id (`sub`, or GitHub's numeric id). */
		providerUserId: text("provider_user_id").notNull(),
		/** The verified address the provider gave when the link was made. */
		email: text("email").notNull(),
		createdAt: integer("created_at").notNull(),
		lastUsedAt: integer("last_used_at"),
	},
	(t) => [
		uniqueIndex("oauth_accounts_tenant_provider_subject_unique").on(t.tenantId, t.provider, t.providerUserId),
		uniqueIndex("oauth_accounts_tenant_user_provider_unique").on(t.tenantId, t.userId, t.provider),
		index("oauth_accounts_tenant_user_idx").on(t.tenantId, t.userId),
	],
);
