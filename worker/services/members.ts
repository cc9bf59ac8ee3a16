/** Looking up a tenant's members with their role, custom role and the permissions these give them. */
import { and, eq, type SQL } from "drizzle-orm";
import { memberships, roles, users } from "../../schema/index";
import { effectivePermissions, type Permission, type Role } from "../../schema/permissions";
import type { SessionAuth } from "../env";
import type { TenantScope } from "../lib/db";

export type MemberAccount = {
	id: string;
	email: string;
	name: string;
	passwordHash: string | null;
	role: Role;
	customRoleId: string | null;
	permissions: ReadonlySet<Permission>;
};

/** Parses a stored JSON array of permission names; anything unreadable grants nothing. */
export function parsePermissionList(json: string | null): string[] | null {
	if (json === null) return null;
	try {
		const value: unknown = JSON.parse(json);
		return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
	} catch {
		return [];
	}
}

async function findMember(scope: TenantScope, condition: SQL): Promise<MemberAccount | null> {
	const [row] = await scope.db
		.select({
			id: users.id,
			email: users.email,
			name: users.name,
			passwordHash: users.passwordHash,
			role: memberships.role,
			customRoleId: memberships.customRoleId,
			customPermissions: roles.permissions,
		})
		.from(users)
		.innerJoin(memberships, and(eq(memberships.userId, users.id), eq(memberships.tenantId, users.tenantId)))
		.leftJoin(roles, and(eq(roles.id, memberships.customRoleId), eq(roles.tenantId, memberships.tenantId)))
		.where(scope.where(users, condition))
		.limit(1);
	if (!row) return null;
	const { customPermissions, ...account } = row;
	return { ...account, permissions: effectivePermissions(row.role, parsePermissionList(customPermissions)) };
}

export function findMemberByEmail(scope: TenantScope, normalizedEmail: string): Promise<MemberAccount | null> {
	return findMember(scope, eq(users.emailNormalized, normalizedEmail));
}

export function findMemberById(scope: TenantScope, userId: string): Promise<MemberAccount | null> {
	return findMember(scope, eq(users.id, userId));
}

/** The AuthContext of a session opened for a member. */
export function sessionAuthOf(account: MemberAccount, sessionId: string, tenantId: string): SessionAuth {
	return {
		via: "session",
		sessionId,
		tenantId,
		user: { id: account.id, email: account.email, name: account.name },
		role: account.role,
		customRoleId: account.customRoleId,
		permissions: account.permissions,
	};
}
