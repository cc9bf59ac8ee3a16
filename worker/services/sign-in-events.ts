/** Records every sign-in attempt, whatever its outcome. */
import { signInEvents } from "../../schema/index";
import type { SIGN_IN_METHODS, SIGN_IN_OUTCOMES } from "../../schema/tables/sign-in-events";
import type { Database } from "../env";
import { newId } from "../lib/ids";
import type { RequestOrigin } from "./sessions";

export type SignInAttempt = {
	tenantId: string;
	userId: string | null;
	email: string | null;
	method: (typeof SIGN_IN_METHODS)[number];
	outcome: (typeof SIGN_IN_OUTCOMES)[number];
} & RequestOrigin;

export async function recordSignIn(db: Database, attempt: SignInAttempt, now = Date.now()): Promise<void> {
	await db.insert(signInEvents).values({ id: newId(now), createdAt: now, ...attempt });
}
