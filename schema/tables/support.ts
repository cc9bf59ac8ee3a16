/**
 * Client support: tickets and their messages, the tenant's support settings (response targets per
 * service tier, the milestone survey mode), announcements with each user's dismissals, and the
 * satisfaction surveys milestones trigger. Every row carries its tenant.
 */
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { ANNOUNCEMENT_SEVERITIES, AUDIENCE_KINDS, SURVEY_KINDS, SURVEY_MODES, TICKET_PRIORITIES, TICKET_STATUSES } from "../support";
import { clients } from "./clients";
import { milestones, projects } from "./projects";
import { tenants } from "./tenants";
import { users } from "./users";

const tenantId = () =>
	text("tenant_id")
		.notNull()
		.references(() => tenants.id, { onDelete: "cascade" });

/** A tenant without a row has the defaults (DEFAULT_RESPONSE_TARGET_HOURS, survey off). */
export const supportSettings = sqliteTable("support_settings", {
	tenantId: text("tenant_id")
		.primaryKey()
		.references(() => tenants.id, { onDelete: "cascade" }),
	/** JSON `{ basic, standard, premium }`: hours to the first reply. */
	responseTargetHours: text("response_target_hours").notNull(),
	surveyMode: text("survey_mode", { enum: SURVEY_MODES }).notNull().default("off"),
	updatedAt: integer("updated_at").notNull(),
});

export const supportTickets = sqliteTable(
	"support_tickets",
	{
		id: text("id").primaryKey(),
		tenantId: tenantId(),
		clientId: text("client_id")
			.notNull()
			.references(() => clients.id, { onDelete: "cascade" }),
		projectId: text("project_id").references(() => projects.id, { onDelete: "set null" }),
		subject: text("subject").notNull(),
		status: text("status", { enum: TICKET_STATUSES }).notNull().default("open"),
		priority: text("priority", { enum: TICKET_PRIORITIES }).notNull().default("normal"),
		assigneeUserId: text("assignee_user_id").references(() => users.id, { onDelete: "set null" }),
		openedByUserId: text("opened_by_user_id").references(() => users.id, { onDelete: "set null" }),
		/** The client's service tier when the ticket was opened; `dueAt` comes from its response target. */
		tier: text("tier").notNull(),
		/** When the agency's first reply is due. */
		dueAt: integer("due_at").notNull(),
		/** The agency's first reply visible to the client (null: none yet). */
		firstRespondedAt: integer("first_responded_at"),
		lastMessageAt: integer("last_message_at").notNull(),
		createdAt: integer("created_at").notNull(),
		updatedAt: integer("updated_at").notNull(),
	},
	(t) => [
		index("support_tickets_tenant_created_idx").on(t.tenantId, t.createdAt),
		index("support_tickets_tenant_client_idx").on(t.tenantId, t.clientId),
		index("support_tickets_tenant_status_idx").on(t.tenantId, t.status, t.dueAt),
	],
);

export const ticketMessages = sqliteTable(
	"ticket_messages",
	{
		id: text("id").primaryKey(),
		tenantId: tenantId(),
		ticketId: text("ticket_id")
			.notNull()
			.references(() => supportTickets.id, { onDelete: "cascade" }),
		authorUserId: text("author_user_id").references(() => users.id, { onDelete: "set null" }),
		body: text("body").notNull(),
		/** A staff-only note: never shown or emailed to the client. */
		internal: integer("internal", { mode: "boolean" }).notNull().default(false),
		createdAt: integer("created_at").notNull(),
	},
	(t) => [index("ticket_messages_tenant_ticket_idx").on(t.tenantId, t.ticketId, t.createdAt)],
);

export const announcements = sqliteTable(
	"announcements",
	{
		id: text("id").primaryKey(),
		tenantId: tenantId(),
		title: text("title").notNull(),
		body: text("body").notNull(),
		severity: text("severity", { enum: ANNOUNCEMENT_SEVERITIES }).notNull().default("info"),
		audienceKind: text("audience_kind", { enum: AUDIENCE_KINDS }).notNull().default("all"),
		/** JSON list: tiers, statuses or client ids, by `audienceKind` (empty for "all"). */
		audienceValues: text("audience_values").notNull().default("[]"),
		startsAt: integer("starts_at").notNull(),
		endsAt: integer("ends_at"),
		/** Null: a draft or unpublished banner nobody sees. */
		publishedAt: integer("published_at"),
		createdByUserId: text("created_by_user_id").references(() => users.id, { onDelete: "set null" }),
		createdAt: integer("created_at").notNull(),
		updatedAt: integer("updated_at").notNull(),
	},
	(t) => [index("announcements_tenant_starts_idx").on(t.tenantId, t.startsAt)],
);

export const announcementDismissals = sqliteTable(
	"announcement_dismissals",
	{
		tenantId: tenantId(),
		announcementId: text("announcement_id")
			.notNull()
			.references(() => announcements.id, { onDelete: "cascade" }),
		userId: text("user_id")
			.notNull()
			.references(() => users.id, { onDelete: "cascade" }),
		dismissedAt: integer("dismissed_at").notNull(),
	},
	(t) => [primaryKey({ columns: [t.tenantId, t.announcementId, t.userId] })],
);

export const surveys = sqliteTable(
	"surveys",
	{
		id: text("id").primaryKey(),
		tenantId: tenantId(),
		clientId: text("client_id")
			.notNull()
			.references(() => clients.id, { onDelete: "cascade" }),
		projectId: text("project_id")
			.notNull()
			.references(() => projects.id, { onDelete: "cascade" }),
		milestoneId: text("milestone_id")
			.notNull()
			.references(() => milestones.id, { onDelete: "cascade" }),
		kind: text("kind", { enum: SURVEY_KINDS }).notNull(),
		score: integer("score"),
		comment: text("comment"),
		respondedByUserId: text("responded_by_user_id").references(() => users.id, { onDelete: "set null" }),
		respondedAt: integer("responded_at"),
		createdAt: integer("created_at").notNull(),
	},
	(t) => [
		uniqueIndex("surveys_tenant_milestone_unique").on(t.tenantId, t.milestoneId),
		index("surveys_tenant_client_idx").on(t.tenantId, t.clientId, t.respondedAt),
		index("surveys_tenant_responded_idx").on(t.tenantId, t.respondedAt),
	],
);

export type SupportTicket = typeof supportTickets.$inferSelect;
export type TicketMessage = typeof ticketMessages.$inferSelect;
export type Announcement = typeof announcements.$inferSelect;
export type Survey = typeof surveys.$inferSelect;
