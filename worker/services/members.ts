/** Looking up a tenant's members with their role, custom role, resolved permissions, verification and MFA state. */
import { and, eq, isNotNull, type SQL } from "drizzle-orm";
import { memberships, roles, totpCredentials, users } from "../../schema/index";
import { effectivePermissions, type Permission, type Role } from "../../schema/permissions";
import type { SessionAuth } from "../env";
import type { TenantScope } from "../lib/db";

export type MemberAccount = {
	id: string;
	email: string;
	emailNormalized: string;
	name: string;
	passwordHash: string | null;
	role: Role;
	customRoleId: string | null;
	permissions: ReadonlySet<Permission>;
	emailVerifiedAt: number | null;
	mfaEnabled: boolean;
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
			emailNormalized: users.emailNormalized,
			name: users.name,
			passwordHash: users.passwordHash,
			role: memberships.role,
			customRoleId: memberships.customRoleId,
			customPermissions: roles.permissions,
			emailVerifiedAt: users.emailVerifiedAt,
			totpConfirmedAt: totpCredentials.confirmedAt,
		})
		.from(users)
		.innerJoin(memberships, and(eq(memberships.userId, users.id), eq(memberships.tenantId, users.tenantId)))
		.leftJoin(roles, and(eq(roles.id, memberships.customRoleId), eq(roles.tenantId, memberships.tenantId)))
		.leftJoin(
			totpCredentials,
			and(eq(totpCredentials.userId, users.id), eq(totpCredentials.tenantId, users.tenantId), isNotNull(totpCredentials.confirmedAt)),
		)
		.where(scope.where(users, condition))
		.limit(1);
	if (!row) return null;
	const { customPermissions, totpConfirmedAt, ...account } = row;
	return {
		...account,
		permissions: effectivePermissions(row.role, parsePermissionList(customPermissions)),
		mfaEnabled: totpConfirmedAt !== null,
	};
}

export function findMemberByEmail(scope: TenantScope, normalizedEmail: string): Promise<MemberAccount | null> {
	return findMember(scope, eq(users.emailNormalized, normalizedEmail));
}

export function findMemberById(scope: TenantScope, userId: string): Promise<MemberAccount | null> {
	return findMember(scope, eq(users.id, userId));
}

/** What a session's identity is built from: a member as `findMember` or session validation reads them. */
export type SessionMember = Pick<
	MemberAccount,
	"id" | "email" | "name" | "role" | "customRoleId" | "permissions" | "emailVerifiedAt" | "mfaEnabled"
>;

/** The one builder of a cookie session's identity: who, their permissions, and their account's security state. */
export function sessionAuthOf(account: SessionMember, sessionId: string, tenantId: string): SessionAuth {
	return {
		via: "session",
		sessionId,
		tenantId,
		user: { id: account.id, email: account.email, name: account.name },
		role: account.role,
		customRoleId: account.customRoleId,
		permissions: account.permissions,
		emailVerified: account.emailVerifiedAt !== null,
		mfaEnabled: account.mfaEnabled,
	};
}
