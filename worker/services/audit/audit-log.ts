/**
 * Writes the append-only audit log. Every security-relevant service calls `recordAudit` with the
 * action, who did it and what it touched; the request's IP and user agent come with it. There is
 * deliberately no update or delete here.
 */
import type { AuditAction } from "../../../schema/audit-actions";
import { auditEvents } from "../../../schema/index";
import type { AuthContext } from "../../env";
import type { TenantScope } from "../../lib/db";
import { newId } from "../../lib/ids";
import type { RequestOrigin } from "../sessions/sessions";

export type AuditActor = { userId: string | null; label: string };

export type AuditEntry = {
	action: AuditAction;
	actor: AuditActor;
	target?: { type: string; id: string };
	detail?: Record<string, string | number | boolean | null>;
} & RequestOrigin;

/** Who acts and from where: what a service needs to write its own audit entries. */
export type Who = { actor: AuditActor } & RequestOrigin;

export const SYSTEM_ACTOR: AuditActor = { userId: null, label: "system" };

export function userActor(user: { id: string; email: string }): AuditActor {
	return { userId: user.id, label: user.email };
}

/** Who acted on a request: the signed-in user, or `api-key:<prefix>` for an API key. */
export function actorOf(auth: AuthContext): AuditActor {
	return auth.via === "api-key" ? { userId: null, label: `api-key:${auth.apiKey.prefix}` } : userActor(auth.user);
}

export async function recordAudit(scope: TenantScope, entry: AuditEntry, now = Date.now()): Promise<void> {
	await scope.insert(auditEvents, {
		id: newId(now),
		createdAt: now,
		action: entry.action,
		actorUserId: entry.actor.userId,
		actorLabel: entry.actor.label,
		targetType: entry.target?.type ?? null,
		targetId: entry.target?.id ?? null,
		detail: entry.detail ? JSON.stringify(entry.detail) : null,
		ip: entry.ip,
		userAgent: entry.userAgent?.slice(0, 512) ?? null,
	});
}
