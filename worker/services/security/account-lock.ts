/**
 * Account lockout, as the rest of the Worker sees it: the state lives in the tenant's TenantGate
 * (durable-objects/account-locks.ts), keyed by the normalised email so known and unknown addresses
 * behave alike. This replaces the old per-account token bucket.
 */
import type { LockState } from "../../../schema/account-lock";
import type { GateNamespace } from "./rate-limits";

export function accountLockKey(normalizedEmail: string): string {
	return `sign-in:account:${normalizedEmail}`;
}

export function lockStatus(gates: GateNamespace, tenantId: string, normalizedEmail: string): Promise<LockState> {
	return gates.getByName(tenantId).lockStatus(accountLockKey(normalizedEmail));
}

export function recordFailedPassword(gates: GateNamespace, tenantId: string, normalizedEmail: string) {
	return gates.getByName(tenantId).recordFailedPassword(accountLockKey(normalizedEmail));
}

/** Clears failures and any lock; true when the account was locked. */
export function clearFailedPasswords(gates: GateNamespace, tenantId: string, normalizedEmail: string): Promise<boolean> {
	return gates.getByName(tenantId).clearFailedPasswords(accountLockKey(normalizedEmail));
}

/** Seconds until a lock ends, at least 1. */
export function lockRetryAfterSeconds(state: Extract<LockState, { locked: true }>, now = Date.now()): number {
	return Math.max(1, Math.ceil((state.lockedUntil - now) / 1000));
}
