/**
 * The one way a sign-in ends in a session, whatever proved the user (password, hand-off, TOTP,
 * recovery code): open the session, record the attempt and the audit event, clear failed-password
 * counts, and alert the user by email when the device is new to them.
 */
import type { SIGN_IN_METHODS } from "../../../schema/tables/sign-in-events";
import type { SessionAuth } from "../../env";
import { enqueue } from "../../lib/jobs";
import { describeUserAgent, deviceLabel } from "../../lib/user-agent";
import { recordAudit } from "../audit/audit-log";
import { clearFailedPasswords } from "../security/account-lock";
import { noteDevice } from "../security/known-devices";
import { recordSignIn } from "../security/sign-in-events";
import { createSession, type NewSession, type RequestOrigin } from "../sessions/sessions";
import { type MemberAccount, sessionAuthOf } from "../team/members";
import type { AuthDeps } from "./auth-deps";

export type SignInResult = { auth: SessionAuth; session: NewSession };

export async function completeSignIn(
	deps: AuthDeps,
	account: MemberAccount,
	method: (typeof SIGN_IN_METHODS)[number],
	origin: RequestOrigin,
	now = Date.now(),
): Promise<SignInResult> {
	const { scope } = deps;
	const session = await createSession(scope, { userId: account.id, ...origin }, now);
	const [isNewDevice] = await Promise.all([
		noteDevice(scope, account.id, origin, now),
		recordSignIn(scope, { userId: account.id, email: account.emailNormalized, method, outcome: "success", ...origin }, now),
		recordAudit(scope, {
			action: "auth.sign_in",
			actor: { userId: account.id, label: account.email },
			target: { type: "session", id: session.publicId },
			detail: { method },
			...origin,
		}),
		clearFailedPasswords(deps.gates, scope.tenantId, account.emailNormalized),
	]);
	if (isNewDevice) {
		await enqueue(deps.jobs, {
			type: "account-email",
			tenantId: scope.tenantId,
			userId: account.id,
			kind: "new_device",
			idempotencyKey: `new-device:${session.publicId}`,
			signIn: { device: deviceLabel(describeUserAgent(origin.userAgent)), place: origin.place ?? null, ip: origin.ip, at: now },
		});
	}
	return { session, auth: sessionAuthOf(account, session.id, scope.tenantId) };
}
