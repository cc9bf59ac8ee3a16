/** The lock state TenantGate reports for an account key (see durable-objects/account-locks.ts). */
export type LockState = { locked: true; lockedUntil: number; failures: number } | { locked: false; failures: number };
