/**
 * CRM contacts: list (filters, full-text search, newest first by cursor), read, create under a
 * caller-made id (a replay answers the first result), edit, delete, duplicates (same normalised
 * email or phone in the workspace) and merge. Every call goes through the workspace gate
 * (../workspace-access.ts); custom field values are checked against the workspace's definitions;
 * every write is audited.
 */
import { desc, eq, isNull, ne, or, type SQL } from "drizzle-orm";
import type { z } from "zod";
import type { ContactListQuery, CreateContactBody, UpdateContactBody } from "../../../../schema/dto/crm-contacts";
import { clientIdOfWorkspace, workspaceKeyOf } from "../../../../schema/dto/crm-workspaces";
import { type CrmContact, crmCompanies, crmContacts } from "../../../../schema/index";
import { insertWithClientMadeId } from "../../../lib/client-made-id";
import type { TenantScope } from "../../../lib/db";
import { newId } from "../../../lib/ids";
import { problems } from "../../../lib/problem";
import { recordAudit, type Who } from "../../audit/audit-log";
import { applyCustomValues } from "../custom-fields/check-values";
import { fieldDefinitions } from "../custom-fields/definitions";
import { repointReferences } from "../merge-references";
import { mergedValues } from "../merge-values";
import { normalizeEmail, normalizePhone } from "../normalize";
import { assertOwnerIsMember, pageOf, recordListConditions } from "../record-queries";
import { assertWorkspace, assertWorkspaceUsable, type WorkspaceAccess, type WorkspaceNeed } from "../workspace-access";

type Changes = z.infer<typeof UpdateContactBody>;

/** The contact fields a merge combines one by one. */
const MERGED_FIELDS = ["firstName", "lastName", "email", "phone", "title", "companyId", "ownerUserId", "lifecycleStage"] as const;

export async function listContacts(scope: TenantScope, access: WorkspaceAccess, query: z.infer<typeof ContactListQuery>) {
	const conditions = await recordListConditions(scope, access, "contact", crmContacts, query);
	if (query.companyId) conditions.push(eq(crmContacts.companyId, query.companyId));
	const rows = await scope.db
		.select()
		.from(crmContacts)
		.where(scope.where(crmContacts, ...conditions))
		.orderBy(desc(crmContacts.createdAt), desc(crmContacts.id))
		.limit(query.limit + 1);
	const page = pageOf(rows, query.limit);
	return { contacts: page.items, nextCursor: page.nextCursor };
}

/** A live contact the caller may `need` (404 when they may not see it, 403 read-only). */
export async function getContact(
	scope: TenantScope,
	access: WorkspaceAccess,
	id: string,
	need: WorkspaceNeed = "read",
): Promise<CrmContact> {
	const [row] = await scope.db
		.select()
		.from(crmContacts)
		.where(scope.where(crmContacts, eq(crmContacts.id, id), isNull(crmContacts.deletedAt)))
		.limit(1);
	if (!row) throw problems.notFound("There is no contact with this id.");
	assertWorkspace(access, row.clientId, need, "contact");
	return row;
}

/** 422 naming `companyId` unless it is a live company of the same workspace. */
async function assertCompanyInWorkspace(scope: TenantScope, companyId: string | null | undefined, clientId: string | null): Promise<void> {
	if (!companyId) return;
	const [row] = await scope.db
		.select({ clientId: crmCompanies.clientId })
		.from(crmCompanies)
		.where(scope.where(crmCompanies, eq(crmCompanies.id, companyId), isNull(crmCompanies.deletedAt)))
		.limit(1);
	if (!row || row.clientId !== clientId)
		throw problems.validation([{ path: "companyId", message: "must be a company of the same workspace" }]);
}

/** The stored columns of `changes` on top of `current` (normalised email/phone, checked custom values). */
async function columnsOf(scope: TenantScope, clientId: string | null, changes: Changes, currentCustom: Record<string, unknown>) {
	await assertOwnerIsMember(scope, changes.ownerUserId);
	await assertCompanyInWorkspace(scope, changes.companyId, clientId);
	const { customFields: custom, ...rest } = changes;
	const set: Partial<typeof crmContacts.$inferInsert> = { ...rest };
	if (changes.email !== undefined) set.emailNormalized = normalizeEmail(changes.email);
	if (changes.phone !== undefined) set.phoneNormalized = normalizePhone(changes.phone);
	if (custom) {
		const { values, errors } = applyCustomValues(await fieldDefinitions(scope, clientId, "contact"), currentCustom, custom);
		if (errors.length > 0) throw problems.validation(errors);
		set.customFields = values;
	}
	return set;
}

export async function createContact(
	scope: TenantScope,
	access: WorkspaceAccess,
	input: z.infer<typeof CreateContactBody>,
	who: Who,
	now = Date.now(),
): Promise<{ contact: CrmContact; created: boolean }> {
	const clientId = clientIdOfWorkspace(input.workspace);
	await assertWorkspaceUsable(scope, access, clientId, "manage", "workspace");
	const { id, workspace: _w, ...changes } = input;
	const { row, created } = await insertWithClientMadeId(scope, crmContacts, id ?? newId(now), {
		isReplay: (e) => e.clientId === clientId && e.email === (input.email ?? null) && e.firstName === (input.firstName ?? ""),
		async values() {
			return { ...(await columnsOf(scope, clientId, changes, {})), clientId, createdAt: now, updatedAt: now };
		},
	});
	if (created) await audit(scope, "crm.contact_created", row.id, who, now);
	return { contact: row, created };
}

export async function updateContact(
	scope: TenantScope,
	access: WorkspaceAccess,
	id: string,
	changes: Changes,
	who: Who,
	now = Date.now(),
): Promise<CrmContact> {
	const current = await getContact(scope, access, id, "manage");
	const set = await columnsOf(scope, current.clientId, changes, current.customFields);
	const [row] = await scope.update(crmContacts, { ...set, updatedAt: now }, eq(crmContacts.id, id)).returning();
	await audit(scope, "crm.contact_updated", id, who, now);
	return row ?? current;
}

export async function deleteContact(scope: TenantScope, access: WorkspaceAccess, id: string, who: Who, now = Date.now()): Promise<void> {
	await getContact(scope, access, id, "manage");
	await scope.update(crmContacts, { deletedAt: now, updatedAt: now }, eq(crmContacts.id, id));
	await audit(scope, "crm.contact_deleted", id, who, now);
}

/** Live contacts of the same workspace sharing the contact's normalised email or phone. */
export async function contactDuplicates(scope: TenantScope, access: WorkspaceAccess, id: string): Promise<CrmContact[]> {
	const contact = await getContact(scope, access, id);
	const same: SQL[] = [];
	if (contact.emailNormalized) same.push(eq(crmContacts.emailNormalized, contact.emailNormalized));
	if (contact.phoneNormalized) same.push(eq(crmContacts.phoneNormalized, contact.phoneNormalized));
	if (same.length === 0) return [];
	return scope.db
		.select()
		.from(crmContacts)
		.where(
			scope.where(
				crmContacts,
				or(...same),
				ne(crmContacts.id, id),
				isNull(crmContacts.deletedAt),
				contact.clientId === null ? isNull(crmContacts.clientId) : eq(crmContacts.clientId, contact.clientId),
			),
		)
		.orderBy(desc(crmContacts.createdAt))
		.limit(20);
}

/**
 * Merges the duplicate `sourceId` into contact `id` (merge-values.ts says which value each field
 * keeps), re-points every reference to the duplicate (merge-references.ts) and deletes the duplicate
 * naming its survivor — all in one batch. Both must be in the same workspace, which the caller manages.
 */
export async function mergeContacts(
	scope: TenantScope,
	access: WorkspaceAccess,
	id: string,
	sourceId: string,
	preferSource: readonly string[],
	who: Who,
	now = Date.now(),
): Promise<CrmContact> {
	if (sourceId === id) throw problems.validation([{ path: "sourceId", message: "must be another contact" }]);
	const target = await getContact(scope, access, id, "manage");
	const source = await getContact(scope, access, sourceId, "manage");
	if (source.clientId !== target.clientId) throw problems.validation([{ path: "sourceId", message: "must be in the same workspace" }]);
	const { values, errors } = mergedValues(target, source, MERGED_FIELDS, preferSource);
	if (errors.length > 0) throw problems.validation(errors);
	const set = {
		...values,
		emailNormalized: normalizeEmail(values.email),
		phoneNormalized: normalizePhone(values.phone),
		updatedAt: now,
	};
	const [merged] = await scope.db.batch([
		scope.update(crmContacts, set, eq(crmContacts.id, id)).returning(),
		scope.update(crmContacts, { deletedAt: now, updatedAt: now, mergedIntoId: id }, eq(crmContacts.id, sourceId)),
		...repointReferences(scope, "contact", sourceId, id, now),
	]);
	await recordAudit(
		scope,
		{
			action: "crm.contacts_merged",
			actor: who.actor,
			target: { type: "crm_contact", id },
			detail: { sourceId, sourceEmail: source.email, sourcePhone: source.phone },
			ip: who.ip,
			userAgent: who.userAgent,
		},
		now,
	);
	return merged[0] ?? target;
}

async function audit(
	scope: TenantScope,
	action: "crm.contact_created" | "crm.contact_updated" | "crm.contact_deleted",
	id: string,
	who: Who,
	now: number,
) {
	await recordAudit(scope, { action, actor: who.actor, target: { type: "crm_contact", id }, ip: who.ip, userAgent: who.userAgent }, now);
}

/** The wire shape: the workspace key instead of client_id, without internal columns. */
export function toContactDto(row: CrmContact) {
	const { tenantId: _t, clientId, emailNormalized: _e, phoneNormalized: _p, ...rest } = row;
	return { ...rest, workspace: workspaceKeyOf(clientId) };
}
