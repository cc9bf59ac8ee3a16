/**
 * The audit log: one append-only row per security-relevant action, with who did it, to what,
 * from where and when. No route updates or deletes these rows.
 */
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { AUDIT_ACTIONS } from "../audit-actions";
import { tenants } from "./tenants";

export const auditEvents = sqliteTable(
	"audit_events",
	{
		id: text("id").primaryKey(),
		tenantId: text("tenant_id")
			.notNull()
			.references(() => tenants.id, { onDelete: "cascade" }),
		action: text("action", { enum: AUDIT_ACTIONS }).notNull(),
		/** The user who acted; null for the system, an anonymous visitor or an API key (see actorLabel). */
		actorUserId: text("actor_user_id"),
		/** How the actor is shown: an email, `api-key:<prefix>`, `system` or `platform`. */
		actorLabel: text("actor_label").notNull(),
		targetType: text("target_type"),
		targetId: text("target_id"),
		/** A short JSON object of facts about the action (never secrets). */
		detail: text("detail"),
		ip: text("ip"),
		userAgent: text("user_agent"),
		createdAt: integer("created_at").notNull(),
	},
	(t) => [
		index("audit_events_tenant_time_idx").on(t.tenantId, t.createdAt),
		index("audit_events_tenant_actor_idx").on(t.tenantId, t.actorUserId),
		index("audit_events_tenant_action_idx").on(t.tenantId, t.action),
	],
);

export type AuditEvent = typeof auditEvents.$inferSelect;

/**
 * The platform operator's audit log: actions on what belongs to no agency (platform jobs), which
 * the tenant log cannot hold. Append-only like the tenant log; an action on an agency's own
 * records goes to that agency's log instead.
 */
export const platformAuditEvents = sqliteTable(
	"platform_audit_events",
	{
		id: text("id").primaryKey(),
		action: text("action", { enum: AUDIT_ACTIONS }).notNull(),
		actorLabel: text("actor_label").notNull(),
		targetType: text("target_type"),
		targetId: text("target_id"),
		detail: text("detail"),
		ip: text("ip"),
		userAgent: text("user_agent"),
		createdAt: integer("created_at").notNull(),
	},
	(t) => [index("platform_audit_events_time_idx").on(t.createdAt)],
);
