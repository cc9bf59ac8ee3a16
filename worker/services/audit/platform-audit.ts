/**
 * Writes the platform operator's audit log (`platform_audit_events`): actions on what belongs to
 * no agency, such as replaying a platform job. An action on an agency's records goes to that
 * agency's own log (audit-log.ts). Append-only: nothing here updates or deletes.
 */
import { platformAuditEvents } from "../../../schema/index";
import type { Database } from "../../env";
import { newId } from "../../lib/ids";
import type { AuditEntry } from "./audit-log";

export async function recordPlatformAudit(db: Database, entry: AuditEntry, now = Date.now()): Promise<void> {
	await db.insert(platformAuditEvents).values({
		id: newId(now),
		createdAt: now,
		action: entry.action,
		actorLabel: entry.actor.label,
		targetType: entry.target?.type ?? null,
		targetId: entry.target?.id ?? null,
		detail: entry.detail ? JSON.stringify(entry.detail) : null,
		ip: entry.ip,
		userAgent: entry.userAgent?.slice(0, 512) ?? null,
	});
}
