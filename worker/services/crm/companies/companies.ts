/**
 * CRM companies: list (filters, full-text search, newest first by cursor), read, create under a
 * caller-made id, edit, delete (its contacts keep existing, without a company), duplicates (same
 * normalised domain in the workspace) and merge (contacts move to the survivor). Every call goes
 * through the workspace gate; custom field values are checked; every write is audited.
 */
import { desc, eq, isNull, ne } from "drizzle-orm";
import type { z } from "zod";
import type { CompanyListQuery, CreateCompanyBody, UpdateCompanyBody } from "../../../../schema/dto/crm-contacts";
import { clientIdOfWorkspace, workspaceKeyOf } from "../../../../schema/dto/crm-workspaces";
import { type CrmCompany, crmCompanies, crmContacts } from "../../../../schema/index";
import { insertWithClientMadeId } from "../../../lib/client-made-id";
import type { TenantScope } from "../../../lib/db";
import { newId } from "../../../lib/ids";
import { problems } from "../../../lib/problem";
import { recordAudit, type Who } from "../../audit/audit-log";
import { applyCustomValues } from "../custom-fields/check-values";
import { fieldDefinitions } from "../custom-fields/definitions";
import { repointReferences } from "../merge-references";
import { mergedValues } from "../merge-values";
import { normalizeDomain } from "../normalize";
import { assertOwnerIsMember, pageOf, recordListConditions } from "../record-queries";
import { assertWorkspace, assertWorkspaceUsable, type WorkspaceAccess, type WorkspaceNeed } from "../workspace-access";

type Changes = z.infer<typeof UpdateCompanyBody>;

const MERGED_FIELDS = ["name", "domain", "phone", "ownerUserId", "lifecycleStage"] as const;

export async function listCompanies(scope: TenantScope, access: WorkspaceAccess, query: z.infer<typeof CompanyListQuery>) {
	const conditions = await recordListConditions(scope, access, "company", crmCompanies, query);
	const rows = await scope.db
		.select()
		.from(crmCompanies)
		.where(scope.where(crmCompanies, ...conditions))
		.orderBy(desc(crmCompanies.createdAt), desc(crmCompanies.id))
		.limit(query.limit + 1);
	const page = pageOf(rows, query.limit);
	return { companies: page.items, nextCursor: page.nextCursor };
}

export async function getCompany(
	scope: TenantScope,
	access: WorkspaceAccess,
	id: string,
	need: WorkspaceNeed = "read",
): Promise<CrmCompany> {
	const [row] = await scope.db
		.select()
		.from(crmCompanies)
		.where(scope.where(crmCompanies, eq(crmCompanies.id, id), isNull(crmCompanies.deletedAt)))
		.limit(1);
	if (!row) throw problems.notFound("There is no company with this id.");
	assertWorkspace(access, row.clientId, need, "company");
	return row;
}

async function columnsOf(scope: TenantScope, clientId: string | null, changes: Changes, currentCustom: Record<string, unknown>) {
	await assertOwnerIsMember(scope, changes.ownerUserId);
	const { customFields: custom, ...rest } = changes;
	const set: Partial<typeof crmCompanies.$inferInsert> = { ...rest };
	if (changes.domain !== undefined) set.domainNormalized = normalizeDomain(changes.domain);
	if (custom) {
		const { values, errors } = applyCustomValues(await fieldDefinitions(scope, clientId, "company"), currentCustom, custom);
		if (errors.length > 0) throw problems.validation(errors);
		set.customFields = values;
	}
	return set;
}

export async function createCompany(
	scope: TenantScope,
	access: WorkspaceAccess,
	input: z.infer<typeof CreateCompanyBody>,
	who: Who,
	now = Date.now(),
): Promise<{ company: CrmCompany; created: boolean }> {
	const clientId = clientIdOfWorkspace(input.workspace);
	await assertWorkspaceUsable(scope, access, clientId, "manage", "workspace");
	const { id, workspace: _w, name, ...changes } = input;
	const { row, created } = await insertWithClientMadeId(scope, crmCompanies, id ?? newId(now), {
		isReplay: (e) => e.clientId === clientId && e.name === name,
		async values() {
			return { ...(await columnsOf(scope, clientId, changes, {})), name, clientId, createdAt: now, updatedAt: now };
		},
	});
	if (created) await audit(scope, "crm.company_created", row.id, who, now);
	return { company: row, created };
}

export async function updateCompany(
	scope: TenantScope,
	access: WorkspaceAccess,
	id: string,
	changes: Changes,
	who: Who,
	now = Date.now(),
): Promise<CrmCompany> {
	const current = await getCompany(scope, access, id, "manage");
	const set = await columnsOf(scope, current.clientId, changes, current.customFields);
	const [row] = await scope.update(crmCompanies, { ...set, updatedAt: now }, eq(crmCompanies.id, id)).returning();
	await audit(scope, "crm.company_updated", id, who, now);
	return row ?? current;
}

/** Deletes a company; its contacts stay, without a company. */
export async function deleteCompany(scope: TenantScope, access: WorkspaceAccess, id: string, who: Who, now = Date.now()): Promise<void> {
	await getCompany(scope, access, id, "manage");
	await scope.db.batch([
		scope.update(crmCompanies, { deletedAt: now, updatedAt: now }, eq(crmCompanies.id, id)),
		scope.update(crmContacts, { companyId: null, updatedAt: now }, eq(crmContacts.companyId, id)),
	]);
	await audit(scope, "crm.company_deleted", id, who, now);
}

/** Live companies of the same workspace with the company's normalised domain. */
export async function companyDuplicates(scope: TenantScope, access: WorkspaceAccess, id: string): Promise<CrmCompany[]> {
	const company = await getCompany(scope, access, id);
	if (!company.domainNormalized) return [];
	return scope.db
		.select()
		.from(crmCompanies)
		.where(
			scope.where(
				crmCompanies,
				eq(crmCompanies.domainNormalized, company.domainNormalized),
				ne(crmCompanies.id, id),
				isNull(crmCompanies.deletedAt),
				company.clientId === null ? isNull(crmCompanies.clientId) : eq(crmCompanies.clientId, company.clientId),
			),
		)
		.orderBy(desc(crmCompanies.createdAt))
		.limit(20);
}

/** Merges the duplicate `sourceId` into company `id`: values combined, its contacts moved, the duplicate deleted naming its survivor. */
export async function mergeCompanies(
	scope: TenantScope,
	access: WorkspaceAccess,
	id: string,
	sourceId: string,
	preferSource: readonly string[],
	who: Who,
	now = Date.now(),
): Promise<CrmCompany> {
	if (sourceId === id) throw problems.validation([{ path: "sourceId", message: "must be another company" }]);
	const target = await getCompany(scope, access, id, "manage");
	const source = await getCompany(scope, access, sourceId, "manage");
	if (source.clientId !== target.clientId) throw problems.validation([{ path: "sourceId", message: "must be in the same workspace" }]);
	const { values, errors } = mergedValues(target, source, MERGED_FIELDS, preferSource);
	if (errors.length > 0) throw problems.validation(errors);
	const [merged] = await scope.db.batch([
		scope
			.update(crmCompanies, { ...values, domainNormalized: normalizeDomain(values.domain), updatedAt: now }, eq(crmCompanies.id, id))
			.returning(),
		scope.update(crmCompanies, { deletedAt: now, updatedAt: now, mergedIntoId: id }, eq(crmCompanies.id, sourceId)),
		...repointReferences(scope, "company", sourceId, id, now),
	]);
	await recordAudit(
		scope,
		{
			action: "crm.companies_merged",
			actor: who.actor,
			target: { type: "crm_company", id },
			detail: { sourceId, sourceName: source.name, sourceDomain: source.domain },
			ip: who.ip,
			userAgent: who.userAgent,
		},
		now,
	);
	return merged[0] ?? target;
}

async function audit(
	scope: TenantScope,
	action: "crm.company_created" | "crm.company_updated" | "crm.company_deleted",
	id: string,
	who: Who,
	now: number,
) {
	await recordAudit(scope, { action, actor: who.actor, target: { type: "crm_company", id }, ip: who.ip, userAgent: who.userAgent }, now);
}

export function toCompanyDto(row: CrmCompany) {
	const { tenantId: _t, clientId, domainNormalized: _d, ...rest } = row;
	return { ...rest, workspace: workspaceKeyOf(clientId) };
}
