/** Records every sign-in attempt, whatever its outcome. */
import { signInEvents } from "../../../schema/index";
import type { SIGN_IN_METHODS, SIGN_IN_OUTCOMES } from "../../../schema/tables/sign-in-events";
import type { TenantScope } from "../../lib/db";
import { newId } from "../../lib/ids";
import type { RequestOrigin } from "../sessions/sessions";

export type SignInAttempt = {
	userId: string | null;
	email: string | null;
	method: (typeof SIGN_IN_METHODS)[number];
	outcome: (typeof SIGN_IN_OUTCOMES)[number];
} & RequestOrigin;

export async function recordSignIn(scope: TenantScope, attempt: SignInAttempt, now = Date.now()): Promise<void> {
	await scope.insert(signInEvents, { id: newId(now), createdAt: now, ...attempt });
}
