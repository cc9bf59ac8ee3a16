/**
 * Built-in roles and the named permissions each grants. Routes check permissions, never role names;
 * custom roles (schema/tables/roles.ts) are made of the same permission names.
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
	"clients:own",
	"onboarding:manage",
	"projects:read",
	"projects:write",
	"tasks:complete",
	"deliverables:review",
	"documents:read",
	"documents:write",
	"messages:read",
	"messages:write",
	"bookings:read",
	"bookings:book",
	"bookings:manage",
	"leads:read",
	"leads:write",
	"analytics:read",
	"reports:read",
	"assistant:use",
	"audit:read",
	"jobs:manage",
	"api_keys:manage",
	"tickets:open",
	"tickets:manage",
	"announcements:read",
	"announcements:manage",
	"surveys:respond",
	"surveys:read",
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
	"onboarding:manage",
	"projects:read",
	"projects:write",
	"tasks:complete",
	"documents:read",
	"documents:write",
	"messages:read",
	"messages:write",
	"bookings:read",
	"bookings:book",
	"bookings:manage",
	"leads:read",
	"leads:write",
	"analytics:read",
	"reports:read",
	"assistant:use",
	"tickets:manage",
	"surveys:read",
];

const ADMIN: readonly Permission[] = [
	...STAFF,
	"tenant:manage",
	"members:manage",
	"usage:read",
	"audit:read",
	"jobs:manage",
	"api_keys:manage",
	"announcements:manage",
];

export const ROLE_PERMISSIONS: Readonly<Record<Role, ReadonlySet<Permission>>> = {
	/** The owner holds every permission, the client-side ones too (e.g. recording a client's approval given by phone). */
	owner: new Set(PERMISSIONS),
	admin: new Set(ADMIN),
	staff: new Set(STAFF),
	client: new Set<Permission>([
		"account:read",
		"account:write",
		"tenant:read",
		"clients:own",
		"projects:read",
		"tasks:complete",
		"deliverables:review",
		"documents:read",
		"documents:write",
		"messages:read",
		"messages:write",
		"bookings:read",
		"bookings:book",
		"assistant:use",
		"tickets:open",
		"announcements:read",
		"surveys:respond",
	]),
};

/** Whether a role grants a permission. */
export function roleCan(role: Role, permission: Permission): boolean {
	return ROLE_PERMISSIONS[role].has(permission);
}

export function isPermission(name: string): name is Permission {
	return (PERMISSIONS as readonly string[]).includes(name);
}

/** What every member may do with their own account, whatever their role: a custom role always includes these. */
export const MEMBER_BASELINE: readonly Permission[] = ["account:read", "account:write"];

/**
 * What a member may do: their custom role's permissions (plus MEMBER_BASELINE) when they have one,
 * else their built-in role's. Unknown names (a permission removed since the role was saved) grant nothing.
 */
export function effectivePermissions(role: Role, customRolePermissions: readonly string[] | null): ReadonlySet<Permission> {
	if (customRolePermissions === null) return ROLE_PERMISSIONS[role];
	return new Set([...MEMBER_BASELINE, ...customRolePermissions.filter(isPermission)]);
}

/** Permissions in catalogue order (stable output for APIs). */
export function sortPermissions(permissions: Iterable<Permission>): Permission[] {
	const set = new Set(permissions);
	return PERMISSIONS.filter((p) => set.has(p));
}

/** Staff-side roles see the agency workspace; clients see the portal. */
export function isStaffRole(role: Role): boolean {
	return role !== "client";
}
