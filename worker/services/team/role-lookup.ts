/** Reading a custom role's permissions: the stored JSON list, as permissions (unknown names dropped). */
import { eq } from "drizzle-orm";
import { roles } from "../../../schema/index";
import { effectivePermissions, type Permission } from "../../../schema/permissions";
import type { TenantScope } from "../../lib/db";
import { parsePermissionList } from "./members";

export function effectiveRolePermissions(json: string): ReadonlySet<Permission> {
	// The built-in role is irrelevant when a custom list is given.
	return effectivePermissions("client", parsePermissionList(json) ?? []);
}

/** A custom role of this tenant with its permissions, or null. */
export async function findCustomRole(
	scope: TenantScope,
	id: string,
): Promise<{ id: string; name: string; permissions: ReadonlySet<Permission> } | null> {
	const [row] = await scope.db
		.select({ id: roles.id, name: roles.name, permissions: roles.permissions })
		.from(roles)
		.where(scope.where(roles, eq(roles.id, id)))
		.limit(1);
	return row ? { ...row, permissions: effectiveRolePermissions(row.permissions) } : null;
}
