/**
 * The conversations index in D1: create, list and search (titles and message text), rename, soft-delete, and the
 * owner check every conversation route starts with. Another user's or tenant's conversation is
 * simply not found.
 */
import { and, desc, eq, isNull, like, lt, or } from "drizzle-orm";
import { type Conversation, conversations, tenants } from "../../../schema/index";
import type { PlanId } from "../../../schema/plans";
import type { Database } from "../../env";
import type { TenantScope } from "../../lib/db";
import { newId } from "../../lib/ids";
import { problems } from "../../lib/problem";
import { ftsQuery, hasMatchingMessage } from "./search-index";

export const DEFAULT_TITLE = "New chat";

export type ConversationView = { id: string; title: string; modelId: string; createdAt: number; updatedAt: number };

export function toView(row: Conversation): ConversationView {
	return { id: row.id, title: row.title, modelId: row.modelId, createdAt: row.createdAt, updatedAt: row.updatedAt };
}

/** The query behind `tenantPlan`, for a batch. Platform-wide table keyed by the request's own tenant id. */
export function tenantPlanQuery(db: Database, tenantId: string) {
	return db.select({ planId: tenants.planId }).from(tenants).where(eq(tenants.id, tenantId)).limit(1);
}

export function planOfRow(row: { planId: PlanId } | undefined): PlanId {
	return row?.planId ?? "starter";
}

/** The tenant's plan, as billing keeps it in tenants.plan_id. */
export async function tenantPlan(db: Database, tenantId: string): Promise<PlanId> {
	return planOfRow((await tenantPlanQuery(db, tenantId))[0]);
}

export async function createConversation(
	scope: TenantScope,
	ownerUserId: string,
	input: { title?: string | undefined; modelId: string },
	now = Date.now(),
): Promise<Conversation> {
	const row = {
		id: newId(now),
		ownerUserId,
		title: input.title?.trim() || DEFAULT_TITLE,
		modelId: input.modelId,
		createdAt: now,
		updatedAt: now,
		deletedAt: null,
	};
	await scope.insert(conversations, row);
	return { ...row, tenantId: scope.tenantId };
}

/** The owner's conversations, most recently used first; `query` matches titles (substring) or message text (words). */
export async function listConversations(
	scope: TenantScope,
	ownerUserId: string,
	options: { query?: string | undefined; cursor?: number | undefined; limit: number },
): Promise<{ conversations: ConversationView[]; nextCursor: string | null }> {
	const pattern = options.query ? `%${options.query.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : undefined;
	const words = options.query ? ftsQuery(options.query) : null;
	const titleMatch = pattern ? like(conversations.title, pattern) : undefined;
	const search = titleMatch && words ? or(titleMatch, hasMatchingMessage(scope, words)) : titleMatch;
	const rows = await scope.db
		.select()
		.from(conversations)
		.where(
			scope.where(
				conversations,
				eq(conversations.ownerUserId, ownerUserId),
				isNull(conversations.deletedAt),
				search,
				options.cursor !== undefined ? lt(conversations.updatedAt, options.cursor) : undefined,
			),
		)
		.orderBy(desc(conversations.updatedAt))
		.limit(options.limit + 1);
	const page = rows.slice(0, options.limit);
	const last = page.at(-1);
	return { conversations: page.map(toView), nextCursor: rows.length > options.limit && last ? String(last.updatedAt) : null };
}

/** The conversation if `userId` owns it and it is not deleted; otherwise 404 (never 403: its existence is not revealed). */
export async function findOwnedConversation(scope: TenantScope, userId: string, id: string): Promise<Conversation> {
	return ownedOrNotFound((await ownedConversationQuery(scope, userId, id))[0]);
}

/** The query behind `findOwnedConversation`, for a batch; its row goes through `ownedOrNotFound`. */
export function ownedConversationQuery(scope: TenantScope, userId: string, id: string) {
	return scope.db
		.select()
		.from(conversations)
		.where(scope.where(conversations, eq(conversations.id, id), eq(conversations.ownerUserId, userId), isNull(conversations.deletedAt)))
		.limit(1);
}

export function ownedOrNotFound(row: Conversation | undefined): Conversation {
	if (!row) throw problems.notFound("There is no conversation with this id.");
	return row;
}

export async function updateConversation(
	scope: TenantScope,
	id: string,
	set: Partial<Pick<Conversation, "title" | "modelId" | "updatedAt" | "deletedAt">>,
): Promise<void> {
	await scope.update(conversations, set, and(eq(conversations.id, id)));
}
