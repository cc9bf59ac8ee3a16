/**
 * Deals of a workspace: the cursor list with filters, create (in a pipeline's open stage, its first
 * stage change recorded), the detail (contacts and stage history), edits, and soft delete. Moves
 * between stages and won/lost live in deal-moves.ts.
 */
import { and, desc, eq, inArray, isNull, lt, or, type SQL } from "drizzle-orm";
import type { z } from "zod";
import type { CreateDealBody, DealListQuery, UpdateDealBody } from "../../../../schema/dto/crm-deals";
import { clientIdOfWorkspace, workspaceKeyOf } from "../../../../schema/dto/crm-workspaces";
import { type CrmDeal, clientMembers, crmDealContacts, crmDeals, memberships } from "../../../../schema/index";
import { insertWithClientMadeId } from "../../../lib/client-made-id";
import { decodeCursor, encodeCursor } from "../../../lib/cursor";
import type { TenantScope } from "../../../lib/db";
import { newId } from "../../../lib/ids";
import { problems } from "../../../lib/problem";
import type { Who } from "../../audit/audit-log";
import {
	assertWorkspace,
	assertWorkspaceUsable,
	type WorkspaceAccess,
	type WorkspaceNeed,
	workspaceListCondition,
} from "../workspace-access";
import { auditCrm } from "./audit";
import { updateDeals } from "./deal-writes";
import { listPipelines } from "./pipelines";
import { historyOf, stageHistoryInserts } from "./stage-history";

export function dealDto(deal: CrmDeal) {
	return {
		id: deal.id,
		workspace: workspaceKeyOf(deal.clientId),
		version: deal.version,
		pipelineId: deal.pipelineId,
		stageId: deal.stageId,
		name: deal.name,
		amount: deal.amount,
		currency: deal.currency,
		expectedCloseAt: deal.expectedCloseAt,
		ownerUserId: deal.ownerUserId,
		companyId: deal.companyId,
		status: deal.status,
		closeReason: deal.closeReason,
		closedAt: deal.closedAt,
		stageEnteredAt: deal.stageEnteredAt,
		createdAt: deal.createdAt,
		updatedAt: deal.updatedAt,
	};
}

/** A live deal `access` may use as `need` asks (404 when it may not see it, 403 when it may only read). */
export async function getVisibleDeal(scope: TenantScope, access: WorkspaceAccess, id: string, need: WorkspaceNeed): Promise<CrmDeal> {
	const [row] = await scope.db
		.select()
		.from(crmDeals)
		.where(scope.where(crmDeals, eq(crmDeals.id, id), isNull(crmDeals.deletedAt)))
		.limit(1);
	if (!row) throw problems.notFound("There is no deal with this id.");
	assertWorkspace(access, row.clientId, need, "deal");
	return row;
}

/**
 * A deal's owner is a member of the agency's team, or, in a client's workspace, one of that client's
 * people (422 naming `field` otherwise).
 */
export async function assertDealOwner(scope: TenantScope, clientId: string | null, userId: string, field = "ownerUserId"): Promise<void> {
	const [staff] = await scope.db
		.select({ userId: memberships.userId })
		.from(memberships)
		.where(scope.where(memberships, eq(memberships.userId, userId), inArray(memberships.role, ["owner", "admin", "staff"])))
		.limit(1);
	if (staff) return;
	if (clientId !== null) {
		const [person] = await scope.db
			.select({ userId: clientMembers.userId })
			.from(clientMembers)
			.where(
				scope.where(clientMembers, eq(clientMembers.userId, userId), eq(clientMembers.clientId, clientId), isNull(clientMembers.deletedAt)),
			)
			.limit(1);
		if (person) return;
	}
	throw problems.validation([{ path: field, message: "must be a member of your team or of the deal's client" }]);
}

/** Deals newest first, within the workspaces `access` may read, narrowed by the query's filters. */
export async function listDeals(scope: TenantScope, access: WorkspaceAccess, query: z.infer<typeof DealListQuery>) {
	const chosen = query.workspace === undefined ? undefined : { clientId: clientIdOfWorkspace(query.workspace) };
	const conditions: (SQL | undefined)[] = [isNull(crmDeals.deletedAt), workspaceListCondition(access, crmDeals.clientId, chosen)];
	if (query.pipelineId) conditions.push(eq(crmDeals.pipelineId, query.pipelineId));
	if (query.stageId) conditions.push(eq(crmDeals.stageId, query.stageId));
	if (query.status) conditions.push(eq(crmDeals.status, query.status));
	if (query.ownerUserId) conditions.push(eq(crmDeals.ownerUserId, query.ownerUserId));
	if (query.cursor) {
		const cursor = decodeCursor(query.cursor);
		const at = Number(cursor.value);
		conditions.push(or(lt(crmDeals.createdAt, at), and(eq(crmDeals.createdAt, at), lt(crmDeals.id, cursor.id))));
	}
	const rows = await scope.db
		.select()
		.from(crmDeals)
		.where(scope.where(crmDeals, ...conditions))
		.orderBy(desc(crmDeals.createdAt), desc(crmDeals.id))
		.limit(query.limit + 1);
	const page = rows.slice(0, query.limit);
	const last = page.at(-1);
	return {
		deals: page.map(dealDto),
		nextCursor: rows.length > query.limit && last ? encodeCursor({ value: last.createdAt, id: last.id }) : null,
	};
}

/** Creates a deal in an open stage of one of the workspace's pipelines; a replayed create changes nothing. */
export async function createDeal(
	scope: TenantScope,
	access: WorkspaceAccess,
	input: z.infer<typeof CreateDealBody>,
	who: Who,
	now = Date.now(),
) {
	const clientId = clientIdOfWorkspace(input.workspace);
	await assertWorkspaceUsable(scope, access, clientId, "manage", "workspace");
	const pipelines = await listPipelines(scope, access, input.workspace, now);
	const pipeline = input.pipelineId ? pipelines.find((p) => p.id === input.pipelineId) : pipelines[0];
	if (!pipeline) throw problems.validation([{ path: "pipelineId", message: "must be a pipeline of the deal's workspace" }]);
	const stage = input.stageId ? pipeline.stages.find((s) => s.id === input.stageId) : pipeline.stages.find((s) => s.kind === "open");
	if (stage?.kind !== "open") throw problems.validation([{ path: "stageId", message: "must be an open stage of the pipeline" }]);
	if (input.ownerUserId) await assertDealOwner(scope, clientId, input.ownerUserId);
	const { row, created } = await insertWithClientMadeId(scope, crmDeals, input.id ?? newId(now), {
		isReplay: (existing) => existing.clientId === clientId && existing.name === input.name && existing.amount === input.amount,
		values: () => ({
			clientId,
			pipelineId: pipeline.id,
			stageId: stage.id,
			name: input.name,
			amount: input.amount,
			currency: input.currency,
			expectedCloseAt: input.expectedCloseAt ?? null,
			ownerUserId: input.ownerUserId ?? null,
			stageEnteredAt: now,
			createdAt: now,
			updatedAt: now,
		}),
	});
	if (created) {
		for (const insert of stageHistoryInserts(scope, [{ dealId: row.id, fromStageId: null, toStageId: stage.id }], now, who.actor.userId)) {
			await insert;
		}
		await auditCrm(scope, who, "crm.deal_created", { type: "crm_deal", id: row.id }, { name: row.name }, now);
	}
	return dealDto(row);
}

export async function dealDetail(scope: TenantScope, access: WorkspaceAccess, id: string) {
	const deal = await getVisibleDeal(scope, access, id, "read");
	const [contacts, history] = await Promise.all([
		scope.db
			.select({ contactId: crmDealContacts.contactId })
			.from(crmDealContacts)
			.where(scope.where(crmDealContacts, eq(crmDealContacts.dealId, id)))
			.orderBy(crmDealContacts.createdAt),
		historyOf(scope, id),
	]);
	return { deal: dealDto(deal), contactIds: contacts.map((c) => c.contactId), history };
}

export async function updateDeal(
	scope: TenantScope,
	access: WorkspaceAccess,
	id: string,
	changes: z.infer<typeof UpdateDealBody>,
	who: Who,
	now = Date.now(),
) {
	const current = await getVisibleDeal(scope, access, id, "manage");
	if (changes.ownerUserId) await assertDealOwner(scope, current.clientId, changes.ownerUserId);
	const [row] = await updateDeals(scope, { ...changes, updatedAt: now }, eq(crmDeals.id, id)).returning();
	await auditCrm(scope, who, "crm.deal_updated", { type: "crm_deal", id }, { fields: Object.keys(changes).join(",") }, now);
	return dealDto(row ?? current);
}

export async function deleteDeal(scope: TenantScope, access: WorkspaceAccess, id: string, who: Who, now = Date.now()) {
	await getVisibleDeal(scope, access, id, "manage");
	await updateDeals(scope, { deletedAt: now, updatedAt: now }, eq(crmDeals.id, id));
	await auditCrm(scope, who, "crm.deal_deleted", { type: "crm_deal", id }, undefined, now);
}
