/** Each tenant's account-security policy: what unverified accounts may do, and who must use MFA. A tenant without a row has the defaults. */
import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { tenants } from "./tenants";

export const UNVERIFIED_ACCESS = ["full", "read_only"] as const;
export const MFA_POLICIES = ["off", "staff", "everyone"] as const;

export const tenantSecurityPolicies = sqliteTable("tenant_security_policies", {
	tenantId: text("tenant_id")
		.primaryKey()
		.references(() => tenants.id, { onDelete: "cascade" }),
	unverifiedAccess: text("unverified_access", { enum: UNVERIFIED_ACCESS }).notNull().default("full"),
	mfaRequired: text("mfa_required", { enum: MFA_POLICIES }).notNull().default("off"),
	updatedAt: integer("updated_at").notNull(),
});
