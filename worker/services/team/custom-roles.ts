/**
 * Custom roles of a tenant: create, rename, change permissions, delete. A role still held by a
 * member cannot be deleted; a change to its permissions reaches its members' next request, and
 * their open live channels at once (their messaging sockets are re-checked).
 */
import { and, count, desc, eq } from "drizzle-orm";
import type { CreateRoleBody, CustomRoleView, UpdateRoleBody } from "../../../schema/dto/roles";
import { memberships, roles } from "../../../schema/index";
import { sortPermissions } from "../../../schema/permissions";
import type { AuthContext } from "../../env";
import type { TenantScope } from "../../lib/db";
import { isUniqueViolation } from "../../lib/db-errors";
import { forgetCachedRoleHolders } from "../../lib/identity-cache";
import { newId } from "../../lib/ids";
import { Problem, problems } from "../../lib/problem";
import { actorOf, recordAudit } from "../audit/audit-log";
import { type LiveChannels, recheckLiveUsers } from "../sessions/live-access";
import type { RequestOrigin } from "../sessions/sessions";
import { assertMayGrant, missingPermissions } from "./privileges";
import { effectiveRolePermissions } from "./role-lookup";

type Deps = { scope: TenantScope; actor: AuthContext; origin: RequestOrigin; live: LiveChannels };

export async function listCustomRoles(scope: TenantScope): Promise<CustomRoleView[]> {
	const rows = await scope.db
		.select({ role: roles, memberCount: count(memberships.userId) })
		.from(roles)
		.leftJoin(memberships, and(eq(memberships.customRoleId, roles.id), eq(memberships.tenantId, roles.tenantId)))
		.where(scope.where(roles))
		.groupBy(roles.id)
		.orderBy(desc(roles.createdAt));
	return rows.map(({ role, memberCount }) => toView(role, memberCount));
}

function toView(role: typeof roles.$inferSelect, memberCount: number): CustomRoleView {
	return {
		id: role.id,
		name: role.name,
		description: role.description,
		permissions: sortPermissions(effectiveRolePermissions(role.permissions)),
		memberCount,
		createdAt: role.createdAt,
		updatedAt: role.updatedAt,
	};
}

async function findRole(scope: TenantScope, id: string) {
	const [row] = await scope.db
		.select()
		.from(roles)
		.where(scope.where(roles, eq(roles.id, id)))
		.limit(1);
	if (!row) throw problems.notFound("There is no such role in this agency.");
	return row;
}

export async function createCustomRole(deps: Deps, body: CreateRoleBody, now = Date.now()): Promise<CustomRoleView> {
	assertMayGrant(deps.actor, body.permissions, "permissions");
	const row = {
		id: newId(now),
		name: body.name,
		nameNormalized: body.name.toLowerCase(),
		description: body.description,
		permissions: JSON.stringify(body.permissions),
		createdAt: now,
		updatedAt: now,
	};
	try {
		await deps.scope.insert(roles, row);
	} catch (error) {
		if (isUniqueViolation(error)) throw problems.conflict("name", "is already the name of a role");
		throw error;
	}
	await recordAudit(deps.scope, {
		action: "role.created",
		actor: actorOf(deps.actor),
		target: { type: "role", id: row.id },
		detail: { name: row.name, permissions: body.permissions.join(" ") },
		...deps.origin,
	});
	return toView({ ...row, tenantId: deps.scope.tenantId }, 0);
}

export async function updateCustomRole(deps: Deps, id: string, body: UpdateRoleBody, now = Date.now()): Promise<CustomRoleView> {
	const existing = await findRole(deps.scope, id);
	const current = effectiveRolePermissions(existing.permissions);
	// Editing a role that can do more than you could take it away from people above you.
	const above = missingPermissions(deps.actor, current);
	if (above.length > 0) throw problems.forbidden(`This role has ${above.join(", ")}, which you do not have.`);
	if (body.permissions) assertMayGrant(deps.actor, body.permissions, "permissions");
	const next = {
		name: body.name ?? existing.name,
		nameNormalized: (body.name ?? existing.name).toLowerCase(),
		description: body.description ?? existing.description,
		permissions: body.permissions ? JSON.stringify(body.permissions) : existing.permissions,
		updatedAt: now,
	};
	try {
		await deps.scope.update(roles, next, eq(roles.id, id));
	} catch (error) {
		if (isUniqueViolation(error)) throw problems.conflict("name", "is already the name of a role");
		throw error;
	}
	forgetCachedRoleHolders(deps.scope.tenantId, id);
	if (body.permissions) {
		const holders = await deps.scope.db
			.select({ userId: memberships.userId })
			.from(memberships)
			.where(deps.scope.where(memberships, eq(memberships.customRoleId, id)));
		await recheckLiveUsers(
			deps.live,
			deps.scope.tenantId,
			holders.map((h) => h.userId),
		);
	}
	await recordAudit(deps.scope, {
		action: "role.updated",
		actor: actorOf(deps.actor),
		target: { type: "role", id },
		detail: { name: next.name, permissions: sortPermissions(effectiveRolePermissions(next.permissions)).join(" ") },
		...deps.origin,
	});
	const [held] = await deps.scope.db
		.select({ n: count() })
		.from(memberships)
		.where(deps.scope.where(memberships, eq(memberships.customRoleId, id)));
	return toView({ ...existing, ...next }, held?.n ?? 0);
}

export async function deleteCustomRole(deps: Deps, id: string): Promise<void> {
	const existing = await findRole(deps.scope, id);
	const above = missingPermissions(deps.actor, effectiveRolePermissions(existing.permissions));
	if (above.length > 0) throw problems.forbidden(`This role has ${above.join(", ")}, which you do not have.`);
	const [held] = await deps.scope.db
		.select({ n: count() })
		.from(memberships)
		.where(deps.scope.where(memberships, eq(memberships.customRoleId, id)));
	if ((held?.n ?? 0) > 0) {
		throw new Problem(409, "role-in-use", "The role is in use", `${held?.n} member(s) have this role; give them another role first.`);
	}
	await deps.scope.delete(roles, eq(roles.id, id));
	await recordAudit(deps.scope, {
		action: "role.deleted",
		actor: actorOf(deps.actor),
		target: { type: "role", id },
		detail: { name: existing.name },
		...deps.origin,
	});
}
