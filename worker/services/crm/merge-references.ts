/**
 * Every reference to a contact or company that a merge must move from the duplicate to the record
 * that survives. One list per kind, and every merge goes through `repointReferences`: a table that
 * points at contacts or companies (activities, leads, deals…) adds one entry here and merges carry
 * its rows along, in the same batch as the merge itself.
 */
import { eq } from "drizzle-orm";
import type { CrmRecordKind } from "../../../schema/crm";
import { crmContacts } from "../../../schema/index";
import type { TenantScope } from "../../lib/db";

/** One statement moving a table's references from `fromId` to `toId` (tenant-scoped, touching `updated_at` so sync sees it). */
type Repoint = (scope: TenantScope, fromId: string, toId: string, now: number) => ReturnType<TenantScope["update"]>;

export const MERGE_REFERENCES: Record<CrmRecordKind, readonly Repoint[]> = {
	contact: [],
	company: [
		(scope, fromId, toId, now) => scope.update(crmContacts, { companyId: toId, updatedAt: now }, eq(crmContacts.companyId, fromId)),
	],
};

/** The statements re-pointing every reference of a merged record (for one batch with the merge). */
export function repointReferences(scope: TenantScope, kind: CrmRecordKind, fromId: string, toId: string, now: number) {
	return MERGE_REFERENCES[kind].map((repoint) => repoint(scope, fromId, toId, now));
}
