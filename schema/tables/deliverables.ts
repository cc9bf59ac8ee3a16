/** Deliverables a client reviews (a link, or a file from the client's documents) and every review decision. */
import { index, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { DELIVERABLE_KINDS, DELIVERABLE_STATUSES, REVIEW_DECISIONS } from "../portal";
import { documents } from "./documents";
import { milestones, projects } from "./projects";
import { syncedColumns } from "./synced-columns";
import { users } from "./users";

export const deliverables = sqliteTable(
	"deliverables",
	{
		...syncedColumns(),
		projectId: text("project_id")
			.notNull()
			.references(() => projects.id, { onDelete: "cascade" }),
		milestoneId: text("milestone_id").references(() => milestones.id, { onDelete: "set null" }),
		title: text("title").notNull(),
		kind: text("kind", { enum: DELIVERABLE_KINDS }).notNull(),
		/** For `link`: an https URL. */
		url: text("url"),
		/** For `file`: the client's document (in the documents area) that is delivered; its current version is the file. */
		documentId: text("document_id").references(() => documents.id, { onDelete: "set null" }),
		status: text("status", { enum: DELIVERABLE_STATUSES }).notNull().default("pending_review"),
	},
	(t) => [
		index("deliverables_tenant_updated_idx").on(t.tenantId, t.updatedAt),
		index("deliverables_tenant_project_idx").on(t.tenantId, t.projectId),
	],
);

export const deliverableReviews = sqliteTable(
	"deliverable_reviews",
	{
		...syncedColumns(),
		deliverableId: text("deliverable_id")
			.notNull()
			.references(() => deliverables.id, { onDelete: "cascade" }),
		authorUserId: text("author_user_id").references(() => users.id, { onDelete: "set null" }),
		decision: text("decision", { enum: REVIEW_DECISIONS }).notNull(),
		comment: text("comment").notNull().default(""),
	},
	(t) => [
		index("deliverable_reviews_tenant_updated_idx").on(t.tenantId, t.updatedAt),
		index("deliverable_reviews_tenant_deliverable_idx").on(t.tenantId, t.deliverableId),
	],
);

export type Deliverable = typeof deliverables.$inferSelect;
export type DeliverableReview = typeof deliverableReviews.$inferSelect;
