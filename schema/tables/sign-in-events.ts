/** Every sign-in attempt, successful or not, with where it came from. */
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { tenants } from "./tenants";

export const SIGN_IN_METHODS = ["password", "handoff", "totp", "recovery_code", "passkey", "oauth", "sso"] as const;
/** `mfa_required`: the password was right and a second step was asked for; `locked`: refused unchecked while the account is locked. */
export const SIGN_IN_OUTCOMES = [
	"success",
	"invalid_credentials",
	"rate_limited",
	"invalid_token",
	"locked",
	"mfa_required",
	"invalid_code",
] as const;

export const signInEvents = sqliteTable(
	"sign_in_events",
	{
		id: text("id").primaryKey(),
		tenantId: text("tenant_id")
			.notNull()
			.references(() => tenants.id, { onDelete: "cascade" }),
		/** Set when the attempt matched an account of this tenant. */
		userId: text("user_id"),
		email: text("email"),
		method: text("method", { enum: SIGN_IN_METHODS }).notNull(),
		outcome: text("outcome", { enum: SIGN_IN_OUTCOMES }).notNull(),
		ip: text("ip"),
		userAgent: text("user_agent"),
		/** Approximate place ("Berlin, DE") from request.cf, when Cloudflare supplied it. */
		place: text("place"),
		createdAt: integer("created_at").notNull(),
	},
	(t) => [index("sign_in_events_tenant_time_idx").on(t.tenantId, t.createdAt), index("sign_in_events_user_idx").on(t.tenantId, t.userId)],
);

export type SignInEvent = typeof signInEvents.$inferSelect;
