/**
 * Recovery codes: ten random codes shown once; only their SHA-256 is stored, and using one
 * deletes it, so each works exactly once.
 */
import { encodeBase32LowerCaseNoPadding } from "@oslojs/encoding";
import { eq } from "drizzle-orm";
import { recoveryCodes } from "../../../schema/index";
import type { TenantScope } from "../../lib/db";
import { tokenId } from "../../lib/tokens";

export const RECOVERY_CODE_COUNT = 10;

/** Lower-case, without spaces or dashes: how codes are compared. */
function normalizeCode(code: string): string {
	return code.toLowerCase().replace(/[\s-]/g, "");
}

function newCode(): string {
	const bytes = new Uint8Array(8);
	crypto.getRandomValues(bytes);
	const raw = encodeBase32LowerCaseNoPadding(bytes).slice(0, 10);
	return `${raw.slice(0, 5)}-${raw.slice(5)}`;
}

/** Replaces the user's codes with a fresh set and returns it (the only time the codes are readable). */
export async function replaceRecoveryCodes(scope: TenantScope, userId: string, now = Date.now()): Promise<string[]> {
	const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newCode);
	await scope.db.batch([
		scope.delete(recoveryCodes, eq(recoveryCodes.userId, userId)),
		...codes.map((code) => scope.insert(recoveryCodes, { id: tokenId(normalizeCode(code)), userId, createdAt: now })),
	]);
	return codes;
}

/** Uses a code up; true when it was one of the user's unused codes. */
export async function useRecoveryCode(scope: TenantScope, userId: string, code: string): Promise<boolean> {
	const used = await scope
		.delete(recoveryCodes, eq(recoveryCodes.id, tokenId(normalizeCode(code))), eq(recoveryCodes.userId, userId))
		.returning({ id: recoveryCodes.id });
	return used.length === 1;
}

export async function removeRecoveryCodes(scope: TenantScope, userId: string): Promise<void> {
	await scope.delete(recoveryCodes, eq(recoveryCodes.userId, userId));
}
