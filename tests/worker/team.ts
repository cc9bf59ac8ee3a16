/** Test helpers for team management: reading audit actions and rows as a user would not see them. */
import { env } from "cloudflare:workers";

/** The audit actions of a tenant, oldest first. */
export async function auditActions(tenantId: string, prefix = ""): Promise<{ action: string; actor: string; targetId: string | null }[]> {
	const rows = await env.DB.prepare(
		"SELECT action, actor_label, target_id FROM audit_events WHERE tenant_id = ? AND action LIKE ? ORDER BY created_at, id",
	)
		.bind(tenantId, `${prefix}%`)
		.all<{ action: string; actor_label: string; target_id: string | null }>();
	return rows.results.map((r) => ({ action: r.action, actor: r.actor_label, targetId: r.target_id }));
}

export async function membershipOf(tenantId: string, userId: string): Promise<{ role: string; custom_role_id: string | null } | null> {
	return env.DB.prepare("SELECT role, custom_role_id FROM memberships WHERE tenant_id = ? AND user_id = ?")
		.bind(tenantId, userId)
		.first<{ role: string; custom_role_id: string | null }>();
}
