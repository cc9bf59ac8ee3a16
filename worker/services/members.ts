/** Looking up a tenant's members with their role. */
import { and, eq, type SQL } from "drizzle-orm";
import { memberships, users } from "../../schema/index";
import type { Role } from "../../schema/permissions";
import type { TenantScope } from "../lib/db";

export type MemberAccount = { id: string; email: string; name: string; passwordHash: string | null; role: Role };

async function findMember(scope: TenantScope, condition: SQL): Promise<MemberAccount | null> {
	const [row] = await scope.db
		.select({ id: users.id, email: users.email, name: users.name, passwordHash: users.passwordHash, role: memberships.role })
		.from(users)
		.innerJoin(memberships, and(eq(memberships.userId, users.id), eq(memberships.tenantId, users.tenantId)))
		.where(scope.where(users, condition))
		.limit(1);
	return row ?? null;
}

export function findMemberByEmail(scope: TenantScope, normalizedEmail: string): Promise<MemberAccount | null> {
	return findMember(scope, eq(users.emailNormalized, normalizedEmail));
}

export function findMemberById(scope: TenantScope, userId: string): Promise<MemberAccount | null> {
	return findMember(scope, eq(users.id, userId));
}
