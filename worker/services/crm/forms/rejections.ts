/**
 * The count of refused lead form submissions per form, UTC day and reason. A refused submission
 * is only counted here: nothing of what it sent is stored.
 */
import { and, eq, gte, sql } from "drizzle-orm";
import type { RejectionReason } from "../../../../schema/crm-forms";
import { crmFormRejections } from "../../../../schema/index";
import type { TenantScope } from "../../../lib/db";

export function utcDay(now: number): string {
	return new Date(now).toISOString().slice(0, 10);
}

export async function countRejection(scope: TenantScope, formId: string, reason: RejectionReason, now = Date.now()): Promise<void> {
	await scope.insert(crmFormRejections, { formId, day: utcDay(now), reason, count: 1 }).onConflictDoUpdate({
		target: [crmFormRejections.tenantId, crmFormRejections.formId, crmFormRejections.day, crmFormRejections.reason],
		set: { count: sql`${crmFormRejections.count} + 1` },
	});
}

/** Refusals of one form since `sinceDay` (inclusive), summed per reason. */
export async function rejectionsOf(
	scope: TenantScope,
	formId: string,
	sinceDay: string,
): Promise<Partial<Record<RejectionReason, number>>> {
	const rows = await scope.db
		.select({ reason: crmFormRejections.reason, count: sql<number>`sum(${crmFormRejections.count})` })
		.from(crmFormRejections)
		.where(scope.where(crmFormRejections, and(eq(crmFormRejections.formId, formId), gte(crmFormRejections.day, sinceDay))))
		.groupBy(crmFormRejections.reason);
	return Object.fromEntries(rows.map((r) => [r.reason, Number(r.count)]));
}
