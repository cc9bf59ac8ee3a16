/**
 * Each tenant's account-security policy (unverified access, MFA requirement), read on every
 * signed-in API request and therefore cached per isolate (worker/lib/identity-cache.ts, 30 s). A change made
 * through this isolate applies here at once; other isolates follow within the TTL.
 */
import type { SecurityPolicy } from "../../../schema/dto/account-security";
import { tenantSecurityPolicies } from "../../../schema/index";
import { isStaffRole, type Role } from "../../../schema/permissions";
import type { SessionAuth } from "../../env";
import type { TenantScope } from "../../lib/db";
import { policyCache } from "../../lib/identity-cache";

export const DEFAULT_POLICY: SecurityPolicy = { unverifiedAccess: "full", mfaRequired: "off" };

export async function securityPolicyOf(scope: TenantScope): Promise<SecurityPolicy> {
	const cached = policyCache.get(scope.tenantId);
	if (cached) return cached;
	const [row] = await scope.db
		.select({ unverifiedAccess: tenantSecurityPolicies.unverifiedAccess, mfaRequired: tenantSecurityPolicies.mfaRequired })
		.from(tenantSecurityPolicies)
		.where(scope.where(tenantSecurityPolicies))
		.limit(1);
	const policy = row ?? DEFAULT_POLICY;
	policyCache.set(scope.tenantId, policy);
	return policy;
}

export async function updateSecurityPolicy(scope: TenantScope, patch: Partial<SecurityPolicy>, now = Date.now()): Promise<SecurityPolicy> {
	const next = { ...(await securityPolicyOf(scope)), ...patch };
	await scope
		.insert(tenantSecurityPolicies, { ...next, updatedAt: now })
		.onConflictDoUpdate({ target: tenantSecurityPolicies.tenantId, set: { ...next, updatedAt: now } });
	policyCache.delete(scope.tenantId);
	return next;
}

/** Whether the policy requires a second factor of someone with this role. */
export function policyCovers(policy: SecurityPolicy, role: Role): boolean {
	return policy.mfaRequired === "everyone" || (policy.mfaRequired === "staff" && isStaffRole(role));
}

/**
 * Whether the policy requires MFA of this person and they have none yet. A confirmed TOTP
 * authenticator or a passkey counts: a passkey signs in with user verification (two factors in
 * one), and under the policy a password sign-in of a passkey holder asks for it as the second step.
 */
export function mfaSetupRequired(policy: SecurityPolicy, auth: SessionAuth): boolean {
	if (auth.mfaEnabled || auth.hasPasskey) return false;
	return policyCovers(policy, auth.role);
}

export type SecondFactorMethod = "totp" | "recovery_code" | "passkey";

/**
 * The second-step methods a password or provider sign-in must ask for; empty when none is needed.
 * TOTP on: always (code, recovery code, and passkeys if any). No TOTP but passkeys: only when the
 * policy covers the person, so the policy's second factor is really asked for.
 */
export function secondFactorsFor(
	account: { mfaEnabled: boolean; hasPasskey: boolean; role: Role },
	policy: SecurityPolicy,
): SecondFactorMethod[] {
	const methods: SecondFactorMethod[] = account.mfaEnabled ? ["totp", "recovery_code"] : [];
	if (account.hasPasskey && (account.mfaEnabled || policyCovers(policy, account.role))) methods.push("passkey");
	return methods;
}
