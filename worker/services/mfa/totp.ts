/**
 * TOTP authenticators (RFC 6238: SHA-1, 30 s, 6 digits, through @oslojs/otp). Enrolment stores an
 * unconfirmed secret; the first right code turns it on. A code is accepted one step either side of
 * now, and never for a time step at or before the last one used, so no code works twice. The
 * secret is stored encrypted (worker/lib/secret-keys.ts); a row from before encryption, or sealed
 * under an older key, is resealed the first time it is read.
 */

import { decodeBase32IgnorePadding, encodeBase32UpperCaseNoPadding } from "@oslojs/encoding";
import { createTOTPKeyURI, verifyHOTP } from "@oslojs/otp";
import { and, eq, isNotNull, isNull, lt, or } from "drizzle-orm";
import { renderSVG } from "uqr";
import { totpCredentials } from "../../../schema/index";
import type { TenantScope } from "../../lib/db";
import { problems } from "../../lib/problem";
import { openStoredSecret, sealStoredSecret, secretContext } from "../../lib/secret-keys";

export const TOTP_PERIOD_SECONDS = 30;
const DIGITS = 6;

export function timeStep(now: number): number {
	return Math.floor(now / 1000 / TOTP_PERIOD_SECONDS);
}

export type TotpEnrolment = { secret: string; otpauthUri: string; qrSvg: string };

/** Starts (or restarts) enrolment with a fresh secret; refused while a confirmed authenticator exists. */
export async function startTotpEnrolment(
	scope: TenantScope,
	user: { id: string; email: string },
	issuer: string,
	now = Date.now(),
): Promise<TotpEnrolment> {
	const [current] = await scope.db
		.select({ confirmedAt: totpCredentials.confirmedAt })
		.from(totpCredentials)
		.where(scope.where(totpCredentials, eq(totpCredentials.userId, user.id)))
		.limit(1);
	if (current?.confirmedAt) throw problems.conflict("totp", "is already on; turn it off first to enrol a new authenticator");
	const key = new Uint8Array(20);
	crypto.getRandomValues(key);
	const secret = encodeBase32UpperCaseNoPadding(key);
	await scope.delete(totpCredentials, eq(totpCredentials.userId, user.id));
	const sealed = await sealStoredSecret(secret, secretContext.totp(scope.tenantId, user.id));
	await scope.insert(totpCredentials, { userId: user.id, secret: sealed, createdAt: now });
	const otpauthUri = createTOTPKeyURI(issuer, user.email, key, TOTP_PERIOD_SECONDS, DIGITS);
	return { secret, otpauthUri, qrSvg: renderSVG(otpauthUri, { border: 2 }) };
}

/** The time step a code matches (one step of drift allowed either way), or null. */
function matchingStep(secret: string, code: string, now: number): number | null {
	const key = decodeBase32IgnorePadding(secret);
	const current = timeStep(now);
	for (const step of [current, current - 1, current + 1]) {
		if (verifyHOTP(key, BigInt(step), DIGITS, code)) return step;
	}
	return null;
}

/** Checks a code against the user's pending or confirmed secret and marks its step used; true if accepted. */
async function acceptCode(scope: TenantScope, userId: string, code: string, confirmed: boolean, now: number): Promise<boolean> {
	const state = confirmed ? isNotNull(totpCredentials.confirmedAt) : isNull(totpCredentials.confirmedAt);
	const [row] = await scope.db
		.select({ secret: totpCredentials.secret })
		.from(totpCredentials)
		.where(scope.where(totpCredentials, eq(totpCredentials.userId, userId), state))
		.limit(1);
	if (!row) return false;
	const context = secretContext.totp(scope.tenantId, userId);
	const secret = await openStoredSecret(row.secret, context);
	if (secret.needsReseal) {
		const resealed = await sealStoredSecret(secret.plaintext, context);
		await scope.update(totpCredentials, { secret: resealed }, eq(totpCredentials.userId, userId), eq(totpCredentials.secret, row.secret));
	}
	const step = matchingStep(secret.plaintext, code, now);
	if (step === null) return false;
	// One statement decides: a concurrent or repeated use of the same step updates nothing.
	const updated = await scope
		.update(
			totpCredentials,
			{ lastUsedStep: step, ...(confirmed ? {} : { confirmedAt: now }) },
			eq(totpCredentials.userId, userId),
			state,
			or(isNull(totpCredentials.lastUsedStep), lt(totpCredentials.lastUsedStep, step)),
		)
		.returning({ userId: totpCredentials.userId });
	return updated.length === 1;
}

/** Confirms a pending enrolment with its first code; true when MFA is now on. */
export function confirmTotpEnrolment(scope: TenantScope, userId: string, code: string, now = Date.now()): Promise<boolean> {
	return acceptCode(scope, userId, code, false, now);
}

/** Verifies a code of the user's confirmed authenticator (each time step once). */
export function verifyTotpCode(scope: TenantScope, userId: string, code: string, now = Date.now()): Promise<boolean> {
	return acceptCode(scope, userId, code, true, now);
}

export async function removeTotp(scope: TenantScope, userId: string): Promise<void> {
	await scope.delete(totpCredentials, and(eq(totpCredentials.userId, userId)));
}
