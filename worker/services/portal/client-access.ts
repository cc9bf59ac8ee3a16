/**
 * Which clients a signed-in user may see: the one question every portal route, and later sync and
 * messaging, asks here. Whoever holds `clients:read` (the agency's people, a custom role or API key
 * granting it) sees every client of the tenant; anyone else (a client-role user) sees only the client
 * they are linked to, and nothing if unlinked.
 * Anything outside a user's access answers 404, never 403, so its existence is not revealed.
 */
import { and, eq, isNull, type SQL, sql } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import { clientMembers, clients } from "../../../schema/index";
import type { Permission } from "../../../schema/permissions";
import type { TenantScope } from "../../lib/db";
import { problems } from "../../lib/problem";

export type ClientAccess =
	/** Every client of the tenant. */
	| { kind: "all"; userId: string }
	/** Only `clientId` (null: linked to no client, so nothing). */
	| { kind: "own"; userId: string; clientId: string | null };

export type AccessSubject = { user: { id: string }; permissions: ReadonlySet<Permission> };

/** The access of a signed-in user. */
export async function clientAccessFor(scope: TenantScope, subject: AccessSubject): Promise<ClientAccess> {
	if (subject.permissions.has("clients:read")) return { kind: "all", userId: subject.user.id };
	return { kind: "own", userId: subject.user.id, clientId: await linkedClientId(scope, subject.user.id) };
}

/** The client a user is linked to (a live link to a live client), or null. */
export async function linkedClientId(scope: TenantScope, userId: string): Promise<string | null> {
	const [row] = await scope.db
		.select({ clientId: clientMembers.clientId })
		.from(clientMembers)
		.innerJoin(
			clients,
			and(eq(clients.id, clientMembers.clientId), eq(clients.tenantId, clientMembers.tenantId), isNull(clients.deletedAt)),
		)
		.where(scope.where(clientMembers, eq(clientMembers.userId, userId), isNull(clientMembers.deletedAt)))
		.limit(1);
	return row?.clientId ?? null;
}

/** A condition restricting `clientIdColumn` to the clients `access` may see (undefined: no restriction). */
export function visibleClientsCondition(access: ClientAccess, clientIdColumn: SQLiteColumn): SQL | undefined {
	if (access.kind === "all") return undefined;
	return access.clientId ? eq(clientIdColumn, access.clientId) : sql`0`;
}

export function canSeeClient(access: ClientAccess, clientId: string): boolean {
	return access.kind === "all" || access.clientId === clientId;
}

/** Throws the 404 a user gets for a client (or anything of a client) they may not see. */
export function assertCanSeeClient(access: ClientAccess, clientId: string, what = "client"): void {
	if (!canSeeClient(access, clientId)) throw problems.notFound(`There is no ${what} with this id.`);
}

/** Whether the user sees the agency side (every client) rather than one client's portal. */
export function seesAllClients(access: ClientAccess): boolean {
	return access.kind === "all";
}
