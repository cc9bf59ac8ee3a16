/** Who is on each side of a ticket: the client's people, and the agency's members holding a permission. */
import { and, eq, isNull } from "drizzle-orm";
import { clientMembers, memberships, roles } from "../../../schema/index";
import { effectivePermissions, type Permission } from "../../../schema/permissions";
import type { TenantScope } from "../../lib/db";
import { parsePermissionList } from "../team/members";

/** The user ids linked (live) to a client. */
export async function clientPeopleIds(scope: TenantScope, clientId: string): Promise<string[]> {
	const rows = await scope.db
		.select({ userId: clientMembers.userId })
		.from(clientMembers)
		.where(scope.where(clientMembers, eq(clientMembers.clientId, clientId), isNull(clientMembers.deletedAt)));
	return rows.map((r) => r.userId);
}

/** The members whose effective permissions (custom role, else built-in role) include `permission`. */
export async function membersWith(scope: TenantScope, permission: Permission): Promise<string[]> {
	const rows = await scope.db
		.select({ userId: memberships.userId, role: memberships.role, customPermissions: roles.permissions })
		.from(memberships)
		.leftJoin(roles, and(eq(roles.id, memberships.customRoleId), eq(roles.tenantId, memberships.tenantId)))
		.where(scope.where(memberships));
	return rows.filter((r) => effectivePermissions(r.role, parsePermissionList(r.customPermissions)).has(permission)).map((r) => r.userId);
}
