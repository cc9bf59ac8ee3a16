/**
 * Whether a live messaging socket may still act, asked of the database now rather than trusted from
 * the moment it connected: its session still exists and has not expired (idle or absolute), its person is still a
 * member whose role reads messages, still sees the same clients (the socket's audience tag was fixed
 * when it connected) and still sees the thread it watches. The MessagingHub asks before every frame
 * and whenever a revocation asks it to re-check a person; a "no" closes the socket with the reason.
 */
import { and, eq } from "drizzle-orm";
import { memberships, roles, sessions, users } from "../../../schema/index";
import { SOCKET_CLOSE, type SocketCloseT } from "../../../schema/messaging";
import { effectivePermissions } from "../../../schema/permissions";
import type { TenantScope } from "../../lib/db";
import { Problem } from "../../lib/problem";
import { type ClientAccess, clientAccessFor } from "../portal/client-access";
import { securityPolicyOf } from "../security/security-policy";
import { SESSION_ABSOLUTE_TTL_MS } from "../sessions/sessions";
import { parsePermissionList } from "../team/members";
import { audienceTagOf, type SocketIdentity } from "./live";
import { getVisibleThread } from "./threads";

export type SocketVerdict = { ok: true; access: ClientAccess; canWrite: boolean } | { ok: false; close: SocketCloseT };

const refused = (close: SocketCloseT): SocketVerdict => ({ ok: false, close });

export async function socketAccessNow(scope: TenantScope, identity: SocketIdentity, now = Date.now()): Promise<SocketVerdict> {
	const [row] = await scope.db
		.select({
			expiresAt: sessions.expiresAt,
			createdAt: sessions.createdAt,
			role: memberships.role,
			customPermissions: roles.permissions,
			emailVerifiedAt: users.emailVerifiedAt,
		})
		.from(sessions)
		.innerJoin(users, and(eq(users.id, sessions.userId), eq(users.tenantId, sessions.tenantId)))
		.innerJoin(memberships, and(eq(memberships.userId, sessions.userId), eq(memberships.tenantId, sessions.tenantId)))
		.leftJoin(roles, and(eq(roles.id, memberships.customRoleId), eq(roles.tenantId, memberships.tenantId)))
		.where(scope.where(sessions, eq(sessions.id, identity.sessionId), eq(sessions.userId, identity.userId)))
		.limit(1);
	// No row: the session was signed out or revoked, or its person is no longer a member.
	if (!row || row.expiresAt <= now || row.createdAt + SESSION_ABSOLUTE_TTL_MS <= now) return refused(SOCKET_CLOSE.sessionEnded);
	const permissions = effectivePermissions(row.role, parsePermissionList(row.customPermissions));
	if (!permissions.has("messages:read")) return refused(SOCKET_CLOSE.accessRemoved);
	const access = await clientAccessFor(scope, { user: { id: identity.userId }, permissions });
	if (audienceTagOf(access) !== audienceTagOf(identity.access)) return refused(SOCKET_CLOSE.accessRemoved);
	if (identity.threadId) {
		try {
			await getVisibleThread(scope, access, identity.threadId);
		} catch (error) {
			if (error instanceof Problem && error.status === 404) return refused(SOCKET_CLOSE.accessRemoved);
			throw error;
		}
	}
	// The account policy's read-only mode for unconfirmed emails applies to socket posts as to REST writes.
	const readOnly = row.emailVerifiedAt === null && (await securityPolicyOf(scope)).unverifiedAccess === "read_only";
	return { ok: true, access, canWrite: permissions.has("messages:write") && !readOnly };
}
