/**
 * A workspace's custom field definitions for contacts or companies: listed, created (key unique
 * per workspace and kind), relabelled or given options, and deleted (values already stored stay in
 * the records' JSON but no longer show or validate). Writes need manage access to the workspace
 * and are audited.
 */
import { and, asc, eq, isNull } from "drizzle-orm";
import type { z } from "zod";
import type { CrmRecordKind } from "../../../../schema/crm";
import type { CreateCustomFieldBody, UpdateCustomFieldBody } from "../../../../schema/dto/crm-contacts";
import { clientIdOfWorkspace, workspaceKeyOf } from "../../../../schema/dto/crm-workspaces";
import { type CrmCustomField, crmCustomFields } from "../../../../schema/index";
import { insertWithClientMadeId } from "../../../lib/client-made-id";
import type { TenantScope } from "../../../lib/db";
import { newId } from "../../../lib/ids";
import { problems } from "../../../lib/problem";
import { recordAudit, type Who } from "../../audit/audit-log";
import { assertWorkspace, assertWorkspaceUsable, type WorkspaceAccess } from "../workspace-access";

/** A workspace's live field definitions of one kind, in position order. */
export async function fieldDefinitions(scope: TenantScope, clientId: string | null, kind: CrmRecordKind): Promise<CrmCustomField[]> {
	return scope.db
		.select()
		.from(crmCustomFields)
		.where(
			scope.where(
				crmCustomFields,
				clientId === null ? isNull(crmCustomFields.clientId) : eq(crmCustomFields.clientId, clientId),
				eq(crmCustomFields.recordKind, kind),
				isNull(crmCustomFields.deletedAt),
			),
		)
		.orderBy(asc(crmCustomFields.position), asc(crmCustomFields.createdAt), asc(crmCustomFields.id));
}

export async function listFields(scope: TenantScope, access: WorkspaceAccess, clientId: string | null, kind?: CrmRecordKind) {
	await assertWorkspaceUsable(scope, access, clientId, "read", "workspace");
	if (kind) return fieldDefinitions(scope, clientId, kind);
	return [...(await fieldDefinitions(scope, clientId, "contact")), ...(await fieldDefinitions(scope, clientId, "company"))];
}

async function liveField(scope: TenantScope, id: string): Promise<CrmCustomField> {
	const [row] = await scope.db
		.select()
		.from(crmCustomFields)
		.where(scope.where(crmCustomFields, eq(crmCustomFields.id, id), isNull(crmCustomFields.deletedAt)))
		.limit(1);
	if (!row) throw problems.notFound("There is no custom field with this id.");
	return row;
}

export async function createField(
	scope: TenantScope,
	access: WorkspaceAccess,
	input: z.infer<typeof CreateCustomFieldBody>,
	who: Who,
	now = Date.now(),
): Promise<{ field: CrmCustomField; created: boolean }> {
	const clientId = clientIdOfWorkspace(input.workspace);
	await assertWorkspaceUsable(scope, access, clientId, "manage", "workspace");
	const { row, created } = await insertWithClientMadeId(scope, crmCustomFields, input.id ?? newId(now), {
		isReplay: (e) => e.key === input.key && e.clientId === clientId && e.recordKind === input.recordKind,
		async values() {
			const taken = (await fieldDefinitions(scope, clientId, input.recordKind)).some((f) => f.key === input.key);
			if (taken) throw problems.conflict("key", "is already a field of this workspace");
			return {
				clientId,
				recordKind: input.recordKind,
				key: input.key,
				label: input.label,
				type: input.type,
				options: input.options,
				position: input.position,
				createdAt: now,
				updatedAt: now,
			};
		},
	});
	if (created) {
		await recordAudit(
			scope,
			{
				action: "crm.field_created",
				actor: who.actor,
				target: { type: "crm_field", id: row.id },
				detail: { key: row.key, type: row.type },
				...origin(who),
			},
			now,
		);
	}
	return { field: row, created };
}

export async function updateField(
	scope: TenantScope,
	access: WorkspaceAccess,
	id: string,
	input: z.infer<typeof UpdateCustomFieldBody>,
	who: Who,
	now = Date.now(),
): Promise<CrmCustomField> {
	const current = await liveField(scope, id);
	assertWorkspace(access, current.clientId, "manage", "custom field");
	if (input.options) {
		const choice = current.type === "choice" || current.type === "multi_choice";
		if (!choice && input.options.length > 0) throw problems.validation([{ path: "options", message: "only choice fields have options" }]);
		if (choice && input.options.length === 0) throw problems.validation([{ path: "options", message: "needs at least one option" }]);
		if (new Set(input.options).size !== input.options.length) throw problems.validation([{ path: "options", message: "must not repeat" }]);
	}
	const [row] = await scope.update(crmCustomFields, { ...input, updatedAt: now }, eq(crmCustomFields.id, id)).returning();
	await recordAudit(scope, { action: "crm.field_updated", actor: who.actor, target: { type: "crm_field", id }, ...origin(who) }, now);
	return row ?? current;
}

export async function deleteField(scope: TenantScope, access: WorkspaceAccess, id: string, who: Who, now = Date.now()): Promise<void> {
	const current = await liveField(scope, id);
	assertWorkspace(access, current.clientId, "manage", "custom field");
	await scope.update(
		crmCustomFields,
		{ deletedAt: now, updatedAt: now },
		and(eq(crmCustomFields.id, id), isNull(crmCustomFields.deletedAt)),
	);
	await recordAudit(
		scope,
		{ action: "crm.field_deleted", actor: who.actor, target: { type: "crm_field", id }, detail: { key: current.key }, ...origin(who) },
		now,
	);
}

function origin(who: Who) {
	return { ip: who.ip, userAgent: who.userAgent };
}

export function toFieldDto(row: CrmCustomField) {
	const { tenantId: _t, clientId, ...rest } = row;
	return { ...rest, workspace: workspaceKeyOf(clientId) };
}
