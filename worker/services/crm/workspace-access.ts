/**
 * CRM workspaces (DESIGN.md §13): every CRM record belongs to one of the agency's clients
 * (`client_id`) or to the agency itself (`client_id` null: its own sales). This module is the one
 * gate every CRM route, job and sync source asks: what a request may do in a workspace (none, read
 * or manage) and which workspaces a list may show.
 *
 * - The agency side (whoever sees every client through the portal's client access check) works in
 *   every workspace, the agency's own included, at the level its CRM permissions give:
 *   `leads:read` reads, `leads:read` + `leads:write` manage; without `leads:read`, nothing.
 * - A client's person works only in their own client's workspace, at the level the agency set on
 *   that client (`clients.crm_access`); never in the agency's.
 *
 * A workspace outside the caller's access answers 404 (its existence is not revealed); a read-only
 * caller asking to change something answers 403.
 */
import { and, eq, isNull, type SQL, sql } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import { type CrmAccessLevel, crmLevelAllows } from "../../../schema/crm";
import { clients } from "../../../schema/index";
import type { Permission } from "../../../schema/permissions";
import type { TenantScope } from "../../lib/db";
import { problems } from "../../lib/problem";
import { type AccessSubject, type ClientAccess, clientAccessFor } from "../portal/client-access";

export type WorkspaceAccess =
	/** The agency side: every client's workspace and the agency's own, at `level`. */
	| { kind: "agency"; level: CrmAccessLevel }
	/** A client's person: `clientId`'s workspace only (null: linked to no client, so nothing), at its `crm_access`. */
	| { kind: "client"; clientId: string | null; level: CrmAccessLevel };

/** What a level a caller needs for an action: reading, or creating/changing/deleting. */
export type WorkspaceNeed = Exclude<CrmAccessLevel, "none">;

/** The CRM level the agency side's permissions give. */
export function agencyCrmLevel(permissions: ReadonlySet<Permission>): CrmAccessLevel {
	if (!permissions.has("leads:read")) return "none";
	return permissions.has("leads:write") ? "manage" : "read";
}

/** The workspace access of a request whose client access is already known (portalRequest's `access`). */
export async function workspaceAccessOf(
	scope: TenantScope,
	access: ClientAccess,
	permissions: ReadonlySet<Permission>,
): Promise<WorkspaceAccess> {
	if (access.kind === "all") return { kind: "agency", level: agencyCrmLevel(permissions) };
	if (!access.clientId) return { kind: "client", clientId: null, level: "none" };
	return { kind: "client", clientId: access.clientId, level: await clientCrmAccess(scope, access.clientId) };
}

/** The workspace access of a signed-in user (or API key). */
export async function workspaceAccessFor(scope: TenantScope, subject: AccessSubject): Promise<WorkspaceAccess> {
	return workspaceAccessOf(scope, await clientAccessFor(scope, subject), subject.permissions);
}

/** The CRM access a live client's people have ("none" for a missing or deleted client). */
async function clientCrmAccess(scope: TenantScope, clientId: string): Promise<CrmAccessLevel> {
	const [row] = await scope.db
		.select({ crmAccess: clients.crmAccess })
		.from(clients)
		.where(scope.where(clients, eq(clients.id, clientId), isNull(clients.deletedAt)))
		.limit(1);
	return row?.crmAccess ?? "none";
}

/** The level `access` has in the workspace of `clientId` (null: the agency's own). */
export function workspaceLevel(access: WorkspaceAccess, clientId: string | null): CrmAccessLevel {
	if (access.kind === "agency") return access.level;
	return clientId !== null && clientId === access.clientId ? access.level : "none";
}

/**
 * Throws unless `access` may do what `need` asks in the workspace of `clientId`: 404 when it may not
 * see the workspace at all (`what` names the record in the message), 403 when it may only read.
 */
export function assertWorkspace(access: WorkspaceAccess, clientId: string | null, need: WorkspaceNeed, what = "record"): void {
	const level = workspaceLevel(access, clientId);
	if (level === "none") throw problems.notFound(`There is no ${what} with this id.`);
	if (!crmLevelAllows(level, need)) throw problems.forbidden("You may view this workspace's CRM but not change it.");
}

/**
 * Checks a workspace a caller names for a new record or a list filter: as `assertWorkspace`, and a
 * client workspace must be a live client of the tenant (422 naming `field` otherwise, for the agency
 * side; a client's person naming another client gets 404 before that).
 */
export async function assertWorkspaceUsable(
	scope: TenantScope,
	access: WorkspaceAccess,
	clientId: string | null,
	need: WorkspaceNeed,
	field = "clientId",
): Promise<void> {
	assertWorkspace(access, clientId, need, "workspace");
	if (clientId === null || access.kind === "client") return;
	const [row] = await scope.db
		.select({ id: clients.id })
		.from(clients)
		.where(scope.where(clients, eq(clients.id, clientId), isNull(clients.deletedAt)))
		.limit(1);
	if (!row) throw problems.validation([{ path: field, message: "must be one of your clients" }]);
}

/**
 * A condition restricting a list's `clientIdColumn` to the workspaces `access` may read (undefined:
 * every workspace, the agency's own included). Narrow it to one workspace with `inWorkspace`.
 */
export function visibleWorkspacesCondition(access: WorkspaceAccess, clientIdColumn: SQLiteColumn): SQL | undefined {
	if (access.level === "none") return sql`0`;
	if (access.kind === "agency") return undefined;
	return access.clientId ? eq(clientIdColumn, access.clientId) : sql`0`;
}

/** `clientIdColumn` is the workspace of `clientId` (null: the agency's own), within what `access` may read. */
export function inWorkspace(access: WorkspaceAccess, clientIdColumn: SQLiteColumn, clientId: string | null): SQL {
	if (workspaceLevel(access, clientId) === "none") return sql`0`;
	return clientId === null ? isNull(clientIdColumn) : eq(clientIdColumn, clientId);
}

/** Both list conditions at once: every readable workspace, or only `clientId`'s when one is chosen. */
export function workspaceListCondition(
	access: WorkspaceAccess,
	clientIdColumn: SQLiteColumn,
	chosen?: { clientId: string | null },
): SQL | undefined {
	return chosen
		? and(visibleWorkspacesCondition(access, clientIdColumn), inWorkspace(access, clientIdColumn, chosen.clientId))
		: visibleWorkspacesCondition(access, clientIdColumn);
}
