/**
 * The command palette's quick search: clients, projects and message threads whose name contains
 * the query, limited to what the caller may see — clients only with `clients:read`, projects with
 * `projects:read` and threads with `messages:read`, each within the clients their ClientAccess
 * allows (a client's person: their own company's only). Matching follows the database's collation
 * (schema/collation.ts `nameMatches`: `instr(lower(name), lower(q)) > 0`, A–Z folded), names that
 * start with the query first, then by lower(name) as SQLite compares it.
 *
 * Speed: every query is tenant-first (`tenant_id = ?` leads the tables' indexes —
 * clients_tenant_name_idx, projects_tenant_client_idx, message_threads_tenant_client_idx), so SQLite
 * reads only this agency's rows and tests each name in memory. A substring match cannot seek a
 * B-tree whatever the index, so no extra index would help it; 1,000 clients is 1,000 short names
 * checked per keystroke (well under a millisecond in D1). Past ~100,000 rows per agency the next
 * step is an FTS5 trigram table; tests/worker/search.test.ts checks the plan stays tenant-first.
 */
import { and, asc, eq, isNull, type SQL, sql } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import { compareBinary, sqlLower } from "../../../schema/collation";
import type { SearchKind } from "../../../schema/dto/search";
import { clients, messageThreads, projects } from "../../../schema/index";
import type { Permission } from "../../../schema/permissions";
import type { TenantScope } from "../../lib/db";
import { type ClientAccess, visibleClientsCondition } from "../portal/client-access";

export type SearchHit = { kind: SearchKind; id: string; title: string; subtitle: string; path: string };

type Ranked = SearchHit & { prefix: boolean };

const KIND_ORDER: Record<SearchKind, number> = { client: 0, project: 1, thread: 2 };

/** `instr(lower(column), lower(q))`: 0 no match, 1 a prefix match. */
function position(column: SQLiteColumn, q: string): SQL<number> {
	return sql<number>`instr(lower(${column}), lower(${q}))`;
}

async function searchClients(scope: TenantScope, q: string, limit: number): Promise<Ranked[]> {
	const at = position(clients.name, q);
	const rows = await scope.db
		.select({ id: clients.id, name: clients.name, status: clients.status, tier: clients.tier, at })
		.from(clients)
		.where(scope.where(clients, isNull(clients.deletedAt), sql`${at} > 0`))
		.orderBy(sql`${at} <> 1`, asc(sql`lower(${clients.name})`), asc(clients.id))
		.limit(limit);
	return rows.map((r) => ({
		kind: "client",
		id: r.id,
		title: r.name,
		subtitle: `Client · ${r.tier} · ${r.status.replace("_", " ")}`,
		path: `/clients/${r.id}`,
		prefix: r.at === 1,
	}));
}

async function searchProjects(scope: TenantScope, access: ClientAccess, q: string, limit: number): Promise<Ranked[]> {
	const at = position(projects.name, q);
	const rows = await scope.db
		.select({ id: projects.id, name: projects.name, clientName: clients.name, at })
		.from(projects)
		.innerJoin(clients, and(eq(clients.id, projects.clientId), eq(clients.tenantId, projects.tenantId)))
		.where(
			scope.where(
				projects,
				isNull(projects.deletedAt),
				isNull(clients.deletedAt),
				visibleClientsCondition(access, projects.clientId),
				sql`${at} > 0`,
			),
		)
		.orderBy(sql`${at} <> 1`, asc(sql`lower(${projects.name})`), asc(projects.id))
		.limit(limit);
	return rows.map((r) => ({
		kind: "project",
		id: r.id,
		title: r.name,
		subtitle: `Project · ${r.clientName}`,
		path: `/projects/${r.id}`,
		prefix: r.at === 1,
	}));
}

async function searchThreads(scope: TenantScope, access: ClientAccess, q: string, limit: number): Promise<Ranked[]> {
	const at = position(messageThreads.subject, q);
	const rows = await scope.db
		.select({ id: messageThreads.id, subject: messageThreads.subject, clientName: clients.name, projectName: projects.name, at })
		.from(messageThreads)
		.innerJoin(clients, and(eq(clients.id, messageThreads.clientId), eq(clients.tenantId, messageThreads.tenantId)))
		.leftJoin(projects, and(eq(projects.id, messageThreads.projectId), eq(projects.tenantId, messageThreads.tenantId)))
		.where(
			scope.where(
				messageThreads,
				isNull(messageThreads.deletedAt),
				isNull(clients.deletedAt),
				visibleClientsCondition(access, messageThreads.clientId),
				sql`${at} > 0`,
			),
		)
		.orderBy(sql`${at} <> 1`, asc(sql`lower(${messageThreads.subject})`), asc(messageThreads.id))
		.limit(limit);
	return rows.map((r) => ({
		kind: "thread",
		id: r.id,
		title: r.subject,
		subtitle: ["Conversation", r.clientName, r.projectName].filter(Boolean).join(" · "),
		path: `/messages/${r.id}`,
		prefix: r.at === 1,
	}));
}

/** Names starting with the query first, then clients before projects before threads, then by name. */
function byRank(a: Ranked, b: Ranked): number {
	return (
		Number(b.prefix) - Number(a.prefix) ||
		KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
		compareBinary(sqlLower(a.title), sqlLower(b.title)) ||
		compareBinary(a.id, b.id)
	);
}

/** Up to `limit` places matching `q` that the caller may open. */
export async function searchPlaces(
	scope: TenantScope,
	permissions: ReadonlySet<Permission>,
	access: ClientAccess,
	query: { q: string; limit: number },
): Promise<SearchHit[]> {
	const { q, limit } = query;
	const none = Promise.resolve<Ranked[]>([]);
	const found = await Promise.all([
		permissions.has("clients:read") ? searchClients(scope, q, limit) : none,
		permissions.has("projects:read") ? searchProjects(scope, access, q, limit) : none,
		permissions.has("messages:read") ? searchThreads(scope, access, q, limit) : none,
	]);
	return found
		.flat()
		.sort(byRank)
		.slice(0, limit)
		.map(({ prefix: _prefix, ...hit }) => hit);
}
