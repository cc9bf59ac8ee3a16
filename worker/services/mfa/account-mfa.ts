/**
 * A user managing their own TOTP: enrol, confirm (which turns MFA on and issues recovery codes),
 * regenerate recovery codes and turn MFA off, the last two only with a fresh code.
 */
import { count, eq } from "drizzle-orm";
import { recoveryCodes, totpCredentials } from "../../../schema/index";
import type { AuthContext } from "../../env";
import type { TenantScope } from "../../lib/db";
import { problems } from "../../lib/problem";
import { recordAudit, userActor } from "../audit/audit-log";
import { type RequestOrigin, refreshCachedUser } from "../sessions/sessions";
import { removeRecoveryCodes, replaceRecoveryCodes, useRecoveryCode } from "./recovery-codes";
import { confirmTotpEnrolment, removeTotp, verifyTotpCode } from "./totp";

export type FreshFactor = { code: string } | { recoveryCode: string };

const wrongCode = (path: string) => problems.validation([{ path, message: "is not right, or was already used" }]);

export async function mfaStatus(scope: TenantScope, userId: string): Promise<{ totpEnabled: boolean; recoveryCodesLeft: number }> {
	const [[totp], [codes]] = await Promise.all([
		scope.db
			.select({ confirmedAt: totpCredentials.confirmedAt })
			.from(totpCredentials)
			.where(scope.where(totpCredentials, eq(totpCredentials.userId, userId)))
			.limit(1),
		scope.db
			.select({ n: count() })
			.from(recoveryCodes)
			.where(scope.where(recoveryCodes, eq(recoveryCodes.userId, userId))),
	]);
	return { totpEnabled: Boolean(totp?.confirmedAt), recoveryCodesLeft: codes?.n ?? 0 };
}

export async function confirmTotp(
	scope: TenantScope,
	auth: AuthContext,
	code: string,
	origin: RequestOrigin,
	now = Date.now(),
): Promise<string[]> {
	if (!(await confirmTotpEnrolment(scope, auth.user.id, code, now))) throw wrongCode("code");
	const codes = await replaceRecoveryCodes(scope, auth.user.id, now);
	refreshCachedUser(scope.tenantId, auth.user.id);
	await recordAudit(scope, {
		action: "mfa.totp_enabled",
		actor: userActor(auth.user),
		target: { type: "user", id: auth.user.id },
		...origin,
	});
	return codes;
}

/** Checks a fresh TOTP code or recovery code of a user whose MFA is on (409 when it is off). */
async function requireFreshFactor(scope: TenantScope, auth: AuthContext, factor: FreshFactor, now: number): Promise<void> {
	if (!(await mfaStatus(scope, auth.user.id)).totpEnabled) throw problems.conflict("totp", "is not on");
	const ok =
		"code" in factor
			? await verifyTotpCode(scope, auth.user.id, factor.code, now)
			: await useRecoveryCode(scope, auth.user.id, factor.recoveryCode);
	if (!ok) throw wrongCode("code" in factor ? "code" : "recoveryCode");
}

export async function disableTotp(
	scope: TenantScope,
	auth: AuthContext,
	factor: FreshFactor,
	origin: RequestOrigin,
	now = Date.now(),
): Promise<void> {
	await requireFreshFactor(scope, auth, factor, now);
	await Promise.all([removeTotp(scope, auth.user.id), removeRecoveryCodes(scope, auth.user.id)]);
	refreshCachedUser(scope.tenantId, auth.user.id);
	await recordAudit(scope, {
		action: "mfa.totp_disabled",
		actor: userActor(auth.user),
		target: { type: "user", id: auth.user.id },
		...origin,
	});
}

export async function regenerateRecoveryCodes(
	scope: TenantScope,
	auth: AuthContext,
	code: string,
	origin: RequestOrigin,
	now = Date.now(),
): Promise<string[]> {
	await requireFreshFactor(scope, auth, { code }, now);
	const codes = await replaceRecoveryCodes(scope, auth.user.id, now);
	await recordAudit(scope, {
		action: "mfa.recovery_codes_regenerated",
		actor: userActor(auth.user),
		target: { type: "user", id: auth.user.id },
		...origin,
	});
	return codes;
}
