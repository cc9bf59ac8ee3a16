/**
 * Managing an agency's members: list them, change a member's role or custom role, remove a member.
 * The last owner can be neither demoted nor removed (checked in the same statement that writes, so
 * two owners demoting each other at once cannot leave the agency without one). A change reaches the
 * member's very next request: their cached sessions are dropped, a removed member's sessions deleted
 * and their client links removed. It reaches their open live channels at once too: a removed
 * member's sockets and assistant streams close, a re-roled member's sockets are re-checked.
 */
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import type { MemberView, UpdateMemberBody } from "../../../schema/dto/members";
import { clientMembers, memberships, roles, users } from "../../../schema/index";
import { effectivePermissions, sortPermissions } from "../../../schema/permissions";
import type { AuthContext } from "../../env";
import type { TenantScope } from "../../lib/db";
import { forgetCachedMember } from "../../lib/identity-cache";
import { Problem, problems } from "../../lib/problem";
import { actorOf, recordAudit } from "../audit/audit-log";
import { assertSeatFor } from "../billing/entitlements";
import { endLiveUser, type LiveChannels, recheckLiveUsers } from "../sessions/live-access";
import { invalidateUserSessions, type RequestOrigin } from "../sessions/sessions";
import { findMemberById, parsePermissionList } from "./members";
import { assertMayAssign, assertMayManageMember } from "./privileges";
import { findCustomRole } from "./role-lookup";

type Deps = { scope: TenantScope; actor: AuthContext; origin: RequestOrigin; live: LiveChannels };

const lastOwner = () =>
	new Problem(409, "last-owner", "The agency needs an owner", "This is the last owner. Make someone else an owner first.", {
		errors: [{ path: "role", message: "the last owner cannot be demoted or removed" }],
	});

/** `(other owners) > 0` for the tenant, evaluated inside the writing statement. */
function anotherOwnerExists(scope: TenantScope, userId: string) {
	return sql`(SELECT count(*) FROM ${memberships} WHERE ${memberships.tenantId} = ${scope.tenantId} AND ${memberships.role} = 'owner' AND ${memberships.userId} <> ${userId}) > 0`;
}

export async function listMembers(scope: TenantScope): Promise<MemberView[]> {
	const rows = await scope.db
		.select({
			userId: users.id,
			name: users.name,
			email: users.email,
			role: memberships.role,
			customRoleId: roles.id,
			customRoleName: roles.name,
			customPermissions: roles.permissions,
			joinedAt: memberships.createdAt,
		})
		.from(memberships)
		.innerJoin(users, and(eq(users.id, memberships.userId), eq(users.tenantId, memberships.tenantId)))
		.leftJoin(roles, and(eq(roles.id, memberships.customRoleId), eq(roles.tenantId, memberships.tenantId)))
		.where(scope.where(memberships))
		.orderBy(asc(memberships.createdAt), asc(users.id))
		.limit(1000);
	return rows.map((r) => ({
		userId: r.userId,
		name: r.name,
		email: r.email,
		role: r.role,
		customRole: r.customRoleId && r.customRoleName ? { id: r.customRoleId, name: r.customRoleName } : null,
		permissions: sortPermissions(effectivePermissions(r.role, parsePermissionList(r.customPermissions))),
		joinedAt: r.joinedAt,
	}));
}

async function memberOrNotFound(scope: TenantScope, userId: string) {
	const member = await findMemberById(scope, userId);
	if (!member) throw problems.notFound("There is no such member in this agency.");
	return member;
}

export async function updateMember(deps: Deps, userId: string, body: UpdateMemberBody): Promise<MemberView> {
	const { scope, actor } = deps;
	const target = await memberOrNotFound(scope, userId);
	assertMayManageMember(actor, target);
	const role = body.role ?? target.role;
	const customRoleId = body.customRoleId === undefined ? target.customRoleId : body.customRoleId;
	if (role === "owner" && customRoleId !== null) {
		throw problems.validation([{ path: "customRoleId", message: "must be null for an owner: owners always have every permission" }]);
	}
	const customRole = customRoleId ? await findCustomRole(scope, customRoleId) : null;
	if (customRoleId && !customRole) throw problems.validation([{ path: "customRoleId", message: "is not a role of this agency" }]);
	assertMayAssign(actor, role, customRole?.permissions ?? null);
	await assertSeatFor(scope, target.role, role);

	const demotesOwner = target.role === "owner" && role !== "owner";
	const updated = await scope
		.update(
			memberships,
			{ role, customRoleId },
			eq(memberships.userId, userId),
			demotesOwner ? anotherOwnerExists(scope, userId) : undefined,
		)
		.returning({ userId: memberships.userId });
	if (updated.length === 0) throw lastOwner();
	forgetCachedMember(scope.tenantId, userId);
	await recheckLiveUsers(deps.live, scope.tenantId, [userId]);
	await recordAudit(scope, {
		action: "member.role_changed",
		actor: actorOf(actor),
		target: { type: "user", id: userId },
		detail: {
			email: target.email,
			fromRole: target.role,
			toRole: role,
			fromCustomRoleId: target.customRoleId,
			toCustomRoleId: customRoleId,
		},
		...deps.origin,
	});
	const member = (await listMembers(scope)).find((m) => m.userId === userId);
	if (!member) throw problems.notFound("There is no such member in this agency.");
	return member;
}

export async function removeMember(deps: Deps, userId: string, now = Date.now()): Promise<void> {
	const { scope, actor } = deps;
	const target = await memberOrNotFound(scope, userId);
	assertMayManageMember(actor, target);
	// One transaction: the membership goes and, only if it went, their links to clients with it
	// (tombstoned, as an unlink is, so syncing devices learn of it); rejoining later grants no client.
	const [removed, unlinked] = await scope.db.batch([
		scope
			.delete(memberships, eq(memberships.userId, userId), target.role === "owner" ? anotherOwnerExists(scope, userId) : undefined)
			.returning({ userId: memberships.userId }),
		scope
			.update(
				clientMembers,
				{ deletedAt: now, updatedAt: now },
				eq(clientMembers.userId, userId),
				isNull(clientMembers.deletedAt),
				sql`NOT EXISTS (SELECT 1 FROM ${memberships} WHERE ${memberships.tenantId} = ${scope.tenantId} AND ${memberships.userId} = ${userId})`,
			)
			.returning({ clientId: clientMembers.clientId }),
	]);
	if (removed.length === 0) throw lastOwner();
	// Their sessions end now, here and in the database; API keys they made stop with their membership.
	await invalidateUserSessions(scope, userId);
	await endLiveUser(deps.live, scope.tenantId, userId, { reason: "accessRemoved" });
	await recordAudit(scope, {
		action: "member.removed",
		actor: actorOf(actor),
		target: { type: "user", id: userId },
		detail: { email: target.email, role: target.role, clientLinksRemoved: unlinked.map((u) => u.clientId).join(" ") },
		...deps.origin,
	});
}
