/** Projects of a client, their ordered milestones and their tasks. Times are epoch milliseconds. */
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { MILESTONE_STATUSES, PROJECT_STATUSES, TASK_STATUSES } from "../portal";
import { clients } from "./clients";
import { syncedColumns } from "./synced-columns";
import { users } from "./users";

export const projects = sqliteTable(
	"projects",
	{
		...syncedColumns(),
		clientId: text("client_id")
			.notNull()
			.references(() => clients.id, { onDelete: "cascade" }),
		name: text("name").notNull(),
		description: text("description").notNull().default(""),
		status: text("status", { enum: PROJECT_STATUSES }).notNull().default("planned"),
		startsAt: integer("starts_at"),
		dueAt: integer("due_at"),
	},
	(t) => [index("projects_tenant_updated_idx").on(t.tenantId, t.updatedAt), index("projects_tenant_client_idx").on(t.tenantId, t.clientId)],
);

export const milestones = sqliteTable(
	"milestones",
	{
		...syncedColumns(),
		projectId: text("project_id")
			.notNull()
			.references(() => projects.id, { onDelete: "cascade" }),
		title: text("title").notNull(),
		dueAt: integer("due_at"),
		status: text("status", { enum: MILESTONE_STATUSES }).notNull().default("pending"),
		/** Order within the project, 0-based. */
		position: integer("position").notNull(),
		completedAt: integer("completed_at"),
	},
	(t) => [
		index("milestones_tenant_updated_idx").on(t.tenantId, t.updatedAt),
		index("milestones_tenant_project_idx").on(t.tenantId, t.projectId, t.position),
	],
);

export const tasks = sqliteTable(
	"tasks",
	{
		...syncedColumns(),
		projectId: text("project_id")
			.notNull()
			.references(() => projects.id, { onDelete: "cascade" }),
		milestoneId: text("milestone_id").references(() => milestones.id, { onDelete: "set null" }),
		title: text("title").notNull(),
		description: text("description").notNull().default(""),
		/** A staff user, or a client user of the project's client. */
		assigneeUserId: text("assignee_user_id").references(() => users.id, { onDelete: "set null" }),
		/** A pending invitation the task waits for: accepting it assigns the task to the new member. */
		assigneeInvitationId: text("assignee_invitation_id"),
		dueAt: integer("due_at"),
		status: text("status", { enum: TASK_STATUSES }).notNull().default("open"),
		completedAt: integer("completed_at"),
	},
	(t) => [
		index("tasks_tenant_updated_idx").on(t.tenantId, t.updatedAt),
		index("tasks_tenant_project_idx").on(t.tenantId, t.projectId),
		index("tasks_status_due_idx").on(t.status, t.dueAt),
	],
);

export type Project = typeof projects.$inferSelect;
export type Milestone = typeof milestones.$inferSelect;
export type Task = typeof tasks.$inferSelect;
