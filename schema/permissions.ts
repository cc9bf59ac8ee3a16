/**
 * Built-in roles and the named permissions each grants. Routes check permissions, never role names,
 * so custom roles can later be made of the same permission names.
 */
export const ROLES = ["owner", "admin", "staff", "client"] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
	"account:read",
	"account:write",
	"tenant:read",
	"tenant:manage",
	"members:read",
	"members:manage",
	"billing:manage",
	"plan:read",
	"usage:read",
	"clients:read",
	"clients:write",
	"projects:read",
	"projects:write",
	"documents:read",
	"documents:write",
	"messages:read",
	"messages:write",
	"leads:read",
	"leads:write",
	"analytics:read",
	"reports:read",
	"assistant:use",
	"audit:read",
	"jobs:manage",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const STAFF: readonly Permission[] = [
	"account:read",
	"plan:read",
	"account:write",
	"tenant:read",
	"members:read",
	"clients:read",
	"clients:write",
	"projects:read",
	"projects:write",
	"documents:read",
	"documents:write",
	"messages:read",
	"messages:write",
	"leads:read",
	"leads:write",
	"analytics:read",
	"reports:read",
	"assistant:use",
];

const ADMIN: readonly Permission[] = [...STAFF, "tenant:manage", "members:manage", "usage:read", "audit:read", "jobs:manage"];

export const ROLE_PERMISSIONS: Readonly<Record<Role, ReadonlySet<Permission>>> = {
	owner: new Set([...ADMIN, "billing:manage"]),
	admin: new Set(ADMIN),
	staff: new Set(STAFF),
	client: new Set<Permission>([
		"account:read",
		"account:write",
		"tenant:read",
		"projects:read",
		"documents:read",
		"documents:write",
		"messages:read",
		"messages:write",
		"assistant:use",
	]),
};

/** Whether a role grants a permission. */
export function roleCan(role: Role, permission: Permission): boolean {
	return ROLE_PERMISSIONS[role].has(permission);
}

/** Staff-side roles see the agency workspace; clients see the portal. */
export function isStaffRole(role: Role): boolean {
	return role !== "client";
}
