/**
 * Live channels follow access, not the moment of connection. Every service that revokes or narrows
 * someone's access (sign-out, a revoked session, a password reset, a removed member, a changed role,
 * an unlinked client person) tells the tenant's MessagingHub here, in the same call; the hub closes
 * or re-checks that person's messaging sockets and ends the assistant reply streams of their
 * sessions at once. The hub also re-checks the session and access before every socket frame, so a
 * hub call that fails (logged here, never failing the revocation itself) still lets nothing through.
 */
import { and, eq, gt } from "drizzle-orm";
import { sessions } from "../../../schema/index";
import type { TenantScope } from "../../lib/db";
import { SESSION_ABSOLUTE_TTL_MS } from "./sessions";

/** The binding through which revocations reach live channels (the Worker's env has it). */
export type LiveChannels = { MESSAGING_HUB: Env["MESSAGING_HUB"] };

/** Why a person's channels end: their session is over, or they may no longer see what is there. */
export type EndReason = "sessionEnded" | "accessRemoved";

async function tellHub(what: string, call: () => Promise<unknown>): Promise<void> {
	try {
		await call();
	} catch (error) {
		console.error(`live-access: ${what} failed`, String(error));
	}
}

/** Ends the live channels of these sessions (signed out or revoked). */
export function endLiveSessions(live: LiveChannels, tenantId: string, sessionIds: readonly string[]): Promise<void> {
	if (sessionIds.length === 0) return Promise.resolve();
	return tellHub("closing sessions", () => live.MESSAGING_HUB.getByName(tenantId).closeForSessions([...sessionIds]));
}

/** Ends every live channel of a person, but those of `exceptSessionId` (the session that asked, when it stays). */
export function endLiveUser(
	live: LiveChannels,
	tenantId: string,
	userId: string,
	options: { reason: EndReason; exceptSessionId?: string | undefined },
): Promise<void> {
	return tellHub("closing a person's channels", () =>
		live.MESSAGING_HUB.getByName(tenantId).closeForUser(userId, {
			reason: options.reason,
			exceptSessionId: options.exceptSessionId ?? null,
		}),
	);
}

/** Re-checks these people's open channels against their access now (role or client link changed). */
export function recheckLiveUsers(live: LiveChannels, tenantId: string, userIds: readonly string[]): Promise<void> {
	if (userIds.length === 0) return Promise.resolve();
	return tellHub("re-checking people", () => live.MESSAGING_HUB.getByName(tenantId).refreshUsers([...userIds]));
}

/** Whether the session (by its hash id) still exists and has not expired (idle or absolute), read from the database (no cache). */
export async function sessionIsLive(scope: TenantScope, sessionId: string, now = Date.now()): Promise<boolean> {
	const [row] = await scope.db
		.select({ id: sessions.id })
		.from(sessions)
		.where(
			scope.where(
				sessions,
				and(eq(sessions.id, sessionId), gt(sessions.expiresAt, now), gt(sessions.createdAt, now - SESSION_ABSOLUTE_TTL_MS)),
			),
		)
		.limit(1);
	return row !== undefined;
}
