/**
 * Saved views: a named filter of a workspace's contacts or companies (search, stage, tag, owner),
 * shared by everyone who reads the workspace; created and deleted by those who manage it (audited).
 */
import { and, asc, eq, isNull } from "drizzle-orm";
import type { z } from "zod";
import type { CrmRecordKind } from "../../../../schema/crm";
import type { CreateSavedViewBody } from "../../../../schema/dto/crm-contacts";
import { clientIdOfWorkspace, workspaceKeyOf } from "../../../../schema/dto/crm-workspaces";
import { type CrmSavedView, crmSavedViews } from "../../../../schema/index";
import { insertWithClientMadeId } from "../../../lib/client-made-id";
import type { TenantScope } from "../../../lib/db";
import { newId } from "../../../lib/ids";
import { problems } from "../../../lib/problem";
import { recordAudit, type Who } from "../../audit/audit-log";
import { assertWorkspace, assertWorkspaceUsable, type WorkspaceAccess } from "../workspace-access";

export async function listViews(scope: TenantScope, access: WorkspaceAccess, clientId: string | null, kind?: CrmRecordKind) {
	await assertWorkspaceUsable(scope, access, clientId, "read", "workspace");
	return scope.db
		.select()
		.from(crmSavedViews)
		.where(
			scope.where(
				crmSavedViews,
				clientId === null ? isNull(crmSavedViews.clientId) : eq(crmSavedViews.clientId, clientId),
				kind ? eq(crmSavedViews.recordKind, kind) : undefined,
				isNull(crmSavedViews.deletedAt),
			),
		)
		.orderBy(asc(crmSavedViews.name), asc(crmSavedViews.id));
}

export async function createView(
	scope: TenantScope,
	access: WorkspaceAccess,
	input: z.infer<typeof CreateSavedViewBody>,
	creator: Who & { userId: string | null },
	now = Date.now(),
): Promise<{ view: CrmSavedView; created: boolean }> {
	const clientId = clientIdOfWorkspace(input.workspace);
	await assertWorkspaceUsable(scope, access, clientId, "manage", "workspace");
	const filters = Object.fromEntries(Object.entries(input.filters).filter((e): e is [string, string] => typeof e[1] === "string"));
	const { row, created } = await insertWithClientMadeId(scope, crmSavedViews, input.id ?? newId(now), {
		isReplay: (e) => e.name === input.name && e.clientId === clientId,
		values: () => ({
			clientId,
			recordKind: input.recordKind,
			name: input.name,
			filters,
			createdByUserId: creator.userId,
			createdAt: now,
			updatedAt: now,
		}),
	});
	if (created) {
		await recordAudit(
			scope,
			{
				action: "crm.view_created",
				actor: creator.actor,
				target: { type: "crm_view", id: row.id },
				ip: creator.ip,
				userAgent: creator.userAgent,
			},
			now,
		);
	}
	return { view: row, created };
}

export async function deleteView(scope: TenantScope, access: WorkspaceAccess, id: string, who: Who, now = Date.now()): Promise<void> {
	const [row] = await scope.db
		.select()
		.from(crmSavedViews)
		.where(scope.where(crmSavedViews, eq(crmSavedViews.id, id), isNull(crmSavedViews.deletedAt)))
		.limit(1);
	if (!row) throw problems.notFound("There is no saved view with this id.");
	assertWorkspace(access, row.clientId, "manage", "saved view");
	await scope.update(crmSavedViews, { deletedAt: now, updatedAt: now }, and(eq(crmSavedViews.id, id), isNull(crmSavedViews.deletedAt)));
	await recordAudit(
		scope,
		{ action: "crm.view_deleted", actor: who.actor, target: { type: "crm_view", id }, ip: who.ip, userAgent: who.userAgent },
		now,
	);
}

export function toViewDto(row: CrmSavedView) {
	const { tenantId: _t, clientId, ...rest } = row;
	return { ...rest, workspace: workspaceKeyOf(clientId) };
}
