/**
 * The role ceiling of SSO sign-in: an IdP is only as trusted as the person who set it up, so SSO
 * never signs in a member who can do more than the owner who configured it (an owner above a
 * non-owner, or any permission the configurer lacks, custom roles included), unless an owner
 * approved it. Both are read as they are now, so a configurer demoted or removed later, or an
 * approver who is no longer an owner, lowers the ceiling at once instead of leaving a way in.
 */
import type { SsoConnection } from "../../../schema/index";
import type { Permission, Role } from "../../../schema/permissions";
import type { TenantScope } from "../../lib/db";
import { findMemberById } from "../team/members";

type Ranked = { role: Role; permissions: ReadonlySet<Permission> };

/** Whether `member` can do more than `ceiling` (nobody, when null: every member ranks above a missing configurer). */
export function ranksAbove(member: Ranked, ceiling: Ranked | null): boolean {
	if (!ceiling) return true;
	if (member.role === "owner" && ceiling.role !== "owner") return true;
	return [...member.permissions].some((p) => !ceiling.permissions.has(p));
}

export type CeilingCheck = { allowed: true } | { allowed: false; configuredBy: string | null };

/** Whether SSO may sign this member in, given who configured it and whether an owner approved privileged sign-ins. */
export async function ssoCeilingAllows(
	scope: TenantScope,
	connection: Pick<SsoConnection, "configuredBy" | "privilegedApprovedBy">,
	member: Ranked,
): Promise<CeilingCheck> {
	const configurer = connection.configuredBy ? await findMemberById(scope, connection.configuredBy) : null;
	if (!ranksAbove(member, configurer)) return { allowed: true };
	const approver = connection.privilegedApprovedBy ? await findMemberById(scope, connection.privilegedApprovedBy) : null;
	if (approver?.role === "owner") return { allowed: true };
	return { allowed: false, configuredBy: connection.configuredBy };
}
