/** The audit entry of a CRM pipeline or deal change, written with the acting request's origin. */
import type { AuditAction } from "../../../../schema/audit-actions";
import type { TenantScope } from "../../../lib/db";
import { recordAudit, type Who } from "../../audit/audit-log";

export function auditCrm(
	scope: TenantScope,
	who: Who,
	action: AuditAction,
	target: { type: "crm_pipeline" | "crm_stage" | "crm_deal"; id: string },
	detail?: Record<string, string | number | boolean | null>,
	now = Date.now(),
): Promise<void> {
	return recordAudit(scope, { action, actor: who.actor, target, detail, ip: who.ip, userAgent: who.userAgent }, now);
}
