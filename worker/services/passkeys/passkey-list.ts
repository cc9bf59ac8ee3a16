/**
 * The signed-in account's passkeys: list, rename, remove. Removing one needs a fresh sign-in (a
 * session opened within FRESH_SIGN_IN_MS), so a session stolen later cannot strip the account of
 * its passkeys; and the last way to sign in cannot be removed.
 */
import { and, asc, eq } from "drizzle-orm";
import type { PasskeyView } from "../../../schema/dto/passkeys";
import { type Passkey, passkeys, sessions } from "../../../schema/index";
import type { SessionAuth } from "../../env";
import type { TenantScope } from "../../lib/db";
import { Problem, problems } from "../../lib/problem";
import { recordAudit, userActor } from "../audit/audit-log";
import { type RequestOrigin, refreshCachedUser } from "../sessions/sessions";
import { countSignInWays } from "./sign-in-ways";

export const FRESH_SIGN_IN_MS = 10 * 60_000;

export function toPasskeyView(row: Pick<Passkey, "id" | "name" | "createdAt" | "lastUsedAt" | "backedUp">): PasskeyView {
	return { id: row.id, name: row.name, createdAt: row.createdAt, lastUsedAt: row.lastUsedAt, backedUp: row.backedUp };
}

export async function listPasskeys(scope: TenantScope, userId: string): Promise<PasskeyView[]> {
	const rows = await scope.db
		.select()
		.from(passkeys)
		.where(scope.where(passkeys, eq(passkeys.userId, userId)))
		.orderBy(asc(passkeys.createdAt));
	return rows.map(toPasskeyView);
}

export async function renamePasskey(
	scope: TenantScope,
	auth: SessionAuth,
	id: string,
	name: string,
	origin: RequestOrigin,
): Promise<PasskeyView> {
	const [row] = await scope.update(passkeys, { name }, eq(passkeys.id, id), eq(passkeys.userId, auth.user.id)).returning();
	if (!row) throw problems.notFound("No such passkey on your account.");
	await recordAudit(scope, {
		action: "passkey.renamed",
		actor: userActor(auth.user),
		target: { type: "passkey", id },
		detail: { name },
		...origin,
	});
	return toPasskeyView(row);
}

/** Whether the current session was opened recently enough for a sensitive change. */
export async function requireFreshSignIn(scope: TenantScope, auth: SessionAuth, what: string, now = Date.now()): Promise<void> {
	const [session] = await scope.db
		.select({ createdAt: sessions.createdAt })
		.from(sessions)
		.where(scope.where(sessions, and(eq(sessions.id, auth.sessionId), eq(sessions.userId, auth.user.id))))
		.limit(1);
	if (!session || now - session.createdAt > FRESH_SIGN_IN_MS) {
		throw new Problem(
			403,
			"fresh-sign-in-required",
			"Sign in again first",
			`To ${what}, sign out and sign in again, then retry within ${FRESH_SIGN_IN_MS / 60_000} minutes.`,
		);
	}
}

export async function removePasskey(
	scope: TenantScope,
	auth: SessionAuth,
	id: string,
	origin: RequestOrigin,
	now = Date.now(),
): Promise<void> {
	const [row] = await scope.db
		.select({ id: passkeys.id, name: passkeys.name })
		.from(passkeys)
		.where(scope.where(passkeys, eq(passkeys.id, id), eq(passkeys.userId, auth.user.id)))
		.limit(1);
	if (!row) throw problems.notFound("No such passkey on your account.");
	await requireFreshSignIn(scope, auth, "remove a passkey", now);
	if ((await countSignInWays(scope, auth.user.id)) <= 1) {
		throw problems.conflict("passkey", "is your only way to sign in; add a password or another passkey first");
	}
	await scope.delete(passkeys, eq(passkeys.id, id), eq(passkeys.userId, auth.user.id));
	refreshCachedUser(scope.tenantId, auth.user.id);
	await recordAudit(scope, {
		action: "passkey.removed",
		actor: userActor(auth.user),
		target: { type: "passkey", id },
		detail: { name: row.name },
		...origin,
	});
}
