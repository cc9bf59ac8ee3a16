/** Looking up a tenant's members with their role, verification and MFA state. */
import { and, eq, isNotNull, type SQL } from "drizzle-orm";
import { memberships, totpCredentials, users } from "../../schema/index";
import type { Role } from "../../schema/permissions";
import type { AuthContext } from "../env";
import type { TenantScope } from "../lib/db";

export type MemberAccount = {
	id: string;
	email: string;
	emailNormalized: string;
	name: string;
	passwordHash: string | null;
	role: Role;
	emailVerifiedAt: number | null;
	mfaEnabled: boolean;
};

async function findMember(scope: TenantScope, condition: SQL): Promise<MemberAccount | null> {
	const [row] = await scope.db
		.select({
			id: users.id,
			email: users.email,
			emailNormalized: users.emailNormalized,
			name: users.name,
			passwordHash: users.passwordHash,
			role: memberships.role,
			emailVerifiedAt: users.emailVerifiedAt,
			totpConfirmedAt: totpCredentials.confirmedAt,
		})
		.from(users)
		.innerJoin(memberships, and(eq(memberships.userId, users.id), eq(memberships.tenantId, users.tenantId)))
		.leftJoin(
			totpCredentials,
			and(eq(totpCredentials.userId, users.id), eq(totpCredentials.tenantId, users.tenantId), isNotNull(totpCredentials.confirmedAt)),
		)
		.where(scope.where(users, condition))
		.limit(1);
	if (!row) return null;
	const { totpConfirmedAt, ...account } = row;
	return { ...account, mfaEnabled: totpConfirmedAt !== null };
}

export function findMemberByEmail(scope: TenantScope, normalizedEmail: string): Promise<MemberAccount | null> {
	return findMember(scope, eq(users.emailNormalized, normalizedEmail));
}

export function findMemberById(scope: TenantScope, userId: string): Promise<MemberAccount | null> {
	return findMember(scope, eq(users.id, userId));
}

/** The request identity of a member and one of their sessions. */
export function authOf(account: MemberAccount, tenantId: string, sessionId: string): AuthContext {
	return {
		sessionId,
		tenantId,
		user: { id: account.id, email: account.email, name: account.name },
		role: account.role,
		emailVerified: account.emailVerifiedAt !== null,
		mfaEnabled: account.mfaEnabled,
	};
}
