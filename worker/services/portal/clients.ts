/**
 * Clients: list (search, filters, sort, keyset pages), read, create behind the plan's client limit,
 * edit, archive and restore. Every read goes through the caller's ClientAccess, so a client user
 * only ever finds their own client. Creating one owns its side effects: the audit entry, and a
 * client created pending setup starts its onboarding (once; a replayed create does neither again).
 */
import { and, asc, desc, eq, gt, inArray, isNull, lt, or, type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import type { ClientListQuery, CreateClientBody, UpdateClientBody } from "../../../schema/dto/portal";
import { type Client, clients, memberships } from "../../../schema/index";
import type { ClientStatus } from "../../../schema/portal";
import { insertWithClientMadeId } from "../../lib/client-made-id";
import { decodeCursor, encodeCursor } from "../../lib/cursor";
import type { TenantScope } from "../../lib/db";
import { newId } from "../../lib/ids";
import { problems } from "../../lib/problem";
import { recordAudit, type Who } from "../audit/audit-log";
import { type OnboardingStarter, startOnboarding } from "../onboarding/start";
import { assertCanSeeClient, type ClientAccess, visibleClientsCondition } from "./client-access";
import { assertCanAddClient } from "./entitlement";

type ListQuery = z.infer<typeof ClientListQuery>;

/** Who creates a client: audited as its creator, and recorded as having started its onboarding. */
export type ClientCreator = OnboardingStarter;

/**
 * Names sort and match by SQLite's own rules (docs/API.md "Names, sorting and search"): lower()
 * folds A–Z only and text compares as UTF-8 bytes, so the cursor carries the value the database
 * computed, never one JavaScript lower-cased (which also folds "Ł" and would skip or repeat rows).
 */
const lowerName = sql<string>`lower(${clients.name})`;

/** The sort column and direction of each `sort` value; ties break on id in the same direction. */
function sortSpec(sort: ListQuery["sort"]): { column: SQL<string | number>; direction: "asc" | "desc" } {
	switch (sort) {
		case "name":
			return { column: lowerName, direction: "asc" };
		case "status":
			return { column: sql<string>`${clients.status}`, direction: "asc" };
		case "created":
			return { column: sql<number>`${clients.createdAt}`, direction: "desc" };
		case "updated":
			return { column: sql<number>`${clients.updatedAt}`, direction: "desc" };
	}
}

export async function listClients(scope: TenantScope, access: ClientAccess, query: ListQuery) {
	const spec = sortSpec(query.sort);
	const conditions: (SQL | undefined)[] = [isNull(clients.deletedAt), visibleClientsCondition(access, clients.id)];
	if (query.q) conditions.push(sql`instr(${lowerName}, lower(${query.q})) > 0`);
	if (query.status) conditions.push(eq(clients.status, query.status));
	if (query.tier) conditions.push(eq(clients.tier, query.tier));
	if (query.owner) conditions.push(eq(clients.ownerUserId, query.owner));
	if (query.cursor) {
		const cursor = decodeCursor(query.cursor);
		const after = spec.direction === "asc" ? gt : lt;
		conditions.push(or(after(spec.column, cursor.value), and(eq(spec.column, cursor.value), after(clients.id, cursor.id))));
	}
	const order = spec.direction === "asc" ? asc : desc;
	const rows = await scope.db
		.select({ client: clients, sortValue: spec.column })
		.from(clients)
		.where(scope.where(clients, ...conditions))
		.orderBy(order(spec.column), order(clients.id))
		.limit(query.limit + 1);
	const page = rows.slice(0, query.limit);
	const last = page.at(-1);
	return {
		clients: page.map((r) => r.client),
		nextCursor: rows.length > query.limit && last ? encodeCursor({ value: last.sortValue, id: last.client.id }) : null,
	};
}

/** A live client the caller may see, or 404. */
export async function getClient(scope: TenantScope, access: ClientAccess, id: string): Promise<Client> {
	assertCanSeeClient(access, id);
	const [row] = await scope.db
		.select()
		.from(clients)
		.where(scope.where(clients, eq(clients.id, id), isNull(clients.deletedAt)))
		.limit(1);
	if (!row) throw problems.notFound("There is no client with this id.");
	return row;
}

/** 422 naming `field` unless `userId` is a staff-side member of this tenant. */
async function assertStaffMember(scope: TenantScope, userId: string, field: string): Promise<void> {
	const [row] = await scope.db
		.select({ role: memberships.role })
		.from(memberships)
		.where(scope.where(memberships, eq(memberships.userId, userId), inArray(memberships.role, ["owner", "admin", "staff"])))
		.limit(1);
	if (!row) throw problems.validation([{ path: field, message: "must be a member of your agency's team" }]);
}

/**
 * Creates a client, audited as `client.created` by `creator`; one created pending setup starts its
 * onboarding. A replayed offline creation returns the first result and changes nothing more: not
 * counted against the plan again, not audited again, no second onboarding.
 */
export async function createClient(
	scope: TenantScope,
	input: z.infer<typeof CreateClientBody>,
	creator: ClientCreator,
	now = Date.now(),
): Promise<Client> {
	if (input.ownerUserId) await assertStaffMember(scope, input.ownerUserId, "ownerUserId");
	const { row: client, created } = await insertWithClientMadeId(scope, clients, input.id ?? newId(now), {
		isReplay: (existing) => existing.name === input.name && existing.deletedAt === null,
		async values() {
			await assertCanAddClient(scope);
			return {
				name: input.name,
				status: input.status,
				tier: input.tier,
				ownerUserId: input.ownerUserId ?? null,
				notes: input.notes,
				website: input.website ?? null,
				createdAt: now,
				updatedAt: now,
			};
		},
	});
	if (!created) return client;
	await recordAudit(
		scope,
		{
			action: "client.created",
			actor: creator.actor,
			target: { type: "client", id: client.id },
			detail: { name: client.name },
			ip: creator.ip,
			userAgent: creator.userAgent,
		},
		now,
	);
	if (client.status === "pending_setup") await startOnboarding(scope, client.id, creator, now);
	return client;
}

/**
 * Edits a client. A change of `crmAccess` (what the client's people may do in their CRM workspace)
 * is audited as `client.crm_access_changed` by `editor`, from whichever entry point (REST or sync).
 */
export async function updateClient(
	scope: TenantScope,
	access: ClientAccess,
	id: string,
	input: z.infer<typeof UpdateClientBody>,
	editor: Who,
	now = Date.now(),
): Promise<Client> {
	const current = await getClient(scope, access, id);
	if (input.ownerUserId) await assertStaffMember(scope, input.ownerUserId, "ownerUserId");
	if (input.status && current.status === "archived") {
		throw problems.validation([{ path: "status", message: "cannot change while the client is archived; restore it first" }]);
	}
	const [row] = await scope.update(clients, { ...input, updatedAt: now }, eq(clients.id, id)).returning();
	if (input.crmAccess && input.crmAccess !== current.crmAccess) {
		await recordAudit(
			scope,
			{
				action: "client.crm_access_changed",
				actor: editor.actor,
				target: { type: "client", id },
				detail: { from: current.crmAccess, to: input.crmAccess },
				ip: editor.ip,
				userAgent: editor.userAgent,
			},
			now,
		);
	}
	return row ?? current;
}

export async function archiveClient(scope: TenantScope, access: ClientAccess, id: string, now = Date.now()): Promise<Client> {
	const current = await getClient(scope, access, id);
	if (current.status === "archived") return current;
	const [row] = await scope
		.update(clients, { status: "archived", statusBeforeArchive: current.status, updatedAt: now }, eq(clients.id, id))
		.returning();
	return row ?? current;
}

export async function restoreClient(scope: TenantScope, access: ClientAccess, id: string, now = Date.now()): Promise<Client> {
	const current = await getClient(scope, access, id);
	if (current.status !== "archived") return current;
	await assertCanAddClient(scope);
	const status: ClientStatus = current.statusBeforeArchive ?? "active";
	const [row] = await scope.update(clients, { status, statusBeforeArchive: null, updatedAt: now }, eq(clients.id, id)).returning();
	return row ?? current;
}

/** The wire shape (drops internal columns). */
export function toClientDto(row: Client) {
	const { tenantId: _tenant, statusBeforeArchive: _before, ...dto } = row;
	return dto;
}
