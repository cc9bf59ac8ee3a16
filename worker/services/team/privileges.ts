/**
 * The privilege rules of team management, in one place: nobody grants a permission they do not
 * have, only an owner (signed in, not through an API key) makes or unmakes an owner, and nobody
 * acts on a member who can do more than they can.
 */
import { type Permission, ROLE_PERMISSIONS, type Role } from "../../../schema/permissions";
import type { AuthContext } from "../../env";
import { problems } from "../../lib/problem";

/** The permissions in `wanted` the actor lacks. */
export function missingPermissions(actor: AuthContext, wanted: Iterable<Permission>): Permission[] {
	return [...wanted].filter((p) => !actor.permissions.has(p));
}

/** 422 naming `field` when a definition (a role, a key's scopes) grants what the actor does not have. */
export function assertMayGrant(actor: AuthContext, wanted: Iterable<Permission>, field: string): void {
	const missing = missingPermissions(actor, wanted);
	if (missing.length > 0) {
		throw problems.validation([{ path: field, message: `includes ${missing.join(", ")}, which you do not have` }]);
	}
}

/** Whether the actor may make someone owner or take it away: owners only, in person. */
export function mayManageOwners(actor: AuthContext): boolean {
	return actor.via === "session" && actor.role === "owner";
}

/** 403 unless the actor may give someone `role` with `permissions` (a custom role's or the built-in role's). */
export function assertMayAssign(actor: AuthContext, role: Role, customPermissions: ReadonlySet<Permission> | null): void {
	if (role === "owner" && !mayManageOwners(actor)) throw problems.forbidden("Only an owner can make someone an owner.");
	const missing = missingPermissions(actor, customPermissions ?? ROLE_PERMISSIONS[role]);
	if (missing.length > 0) throw problems.forbidden(`That role has ${missing.join(", ")}, which you do not have.`);
}

/** 403 unless the actor may change or remove this member. */
export function assertMayManageMember(actor: AuthContext, target: { role: Role; permissions: ReadonlySet<Permission> }): void {
	if (target.role === "owner" && !mayManageOwners(actor)) throw problems.forbidden("Only an owner can change or remove an owner.");
	const missing = missingPermissions(actor, target.permissions);
	if (missing.length > 0) throw problems.forbidden(`This member has ${missing.join(", ")}, which you do not have.`);
}
