/**
 * Each tenant's account-security policy (unverified access, MFA requirement), read on every
 * signed-in API request and therefore cached per isolate (worker/lib/identity-cache.ts, 30 s). A change made
 * through this isolate applies here at once; other isolates follow within the TTL.
 */
import type { SecurityPolicy } from "../../schema/dto/account-security";
import { tenantSecurityPolicies } from "../../schema/index";
import { isStaffRole } from "../../schema/permissions";
import type { SessionAuth } from "../env";
import type { TenantScope } from "../lib/db";
import { policyCache } from "../lib/identity-cache";

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

/** Whether the policy requires MFA of this person and they have none yet. */
export function mfaSetupRequired(policy: SecurityPolicy, auth: SessionAuth): boolean {
	if (auth.mfaEnabled) return false;
	return policy.mfaRequired === "everyone" || (policy.mfaRequired === "staff" && isStaffRole(auth.role));
}
