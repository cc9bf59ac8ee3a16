/** Looking up a tenant's members with their role, custom role, resolved permissions, verification and MFA state. */
import { and, eq, isNotNull, type SQL, type SQLWrapper, sql } from "drizzle-orm";
import { memberships, passkeys, roles, totpCredentials, users } from "../../../schema/index";
import { effectivePermissions, type Permission, type Role } from "../../../schema/permissions";
import type { SessionAuth } from "../../env";
import type { TenantScope } from "../../lib/db";

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
	/** The account has at least one passkey (a strong second factor for the MFA policy). */
	hasPasskey: boolean;
};

/** SQL: whether the user (by its id and tenant columns) has a passkey; 1 or 0. */
export function hasPasskeySql(userId: SQLWrapper, tenantId: SQLWrapper) {
	return sql<number>`exists (select 1 from ${passkeys} where ${passkeys.userId} = ${userId} and ${passkeys.tenantId} = ${tenantId})`;
}

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
			hasPasskey: hasPasskeySql(users.id, users.tenantId),
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
		hasPasskey: Boolean(row.hasPasskey),
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
	"id" | "email" | "name" | "role" | "customRoleId" | "permissions" | "emailVerifiedAt" | "mfaEnabled" | "hasPasskey"
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
		hasPasskey: account.hasPasskey,
	};
}
