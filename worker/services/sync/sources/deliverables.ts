/**
 * Sync sources: deliverables and their reviews, visible with their project. A review mutation is
 * the client's decision (status-like: the server's answer stands if the deliverable's status
 * changed since the device saw it) with its comment, recorded (and audited) by the same service as the REST route.
 */
import { and, eq, inArray } from "drizzle-orm";
import { deliverableReviews, deliverables, projects, users } from "../../../../schema/index";
import { actorOf } from "../../audit/audit-log";
import { getVisibleDeliverable, reviewDeliverable } from "../../portal/deliverables";
import { toDto } from "../../portal/visible-project";
import type { MutationHandler, SyncSourceParts } from "../source";
import { childRecord } from "./project-children";

export const deliverablesSource: SyncSourceParts = {
	readPermissions: ["projects:read"],
	async load(scope, ids) {
		const rows = await scope.db
			.select({ row: deliverables, clientId: projects.clientId, projectDeletedAt: projects.deletedAt })
			.from(deliverables)
			.leftJoin(projects, and(eq(projects.id, deliverables.projectId), eq(projects.tenantId, deliverables.tenantId)))
			.where(scope.where(deliverables, inArray(deliverables.id, ids)));
		return rows.map((r) => childRecord(r.row, r.clientId, r.projectDeletedAt));
	},
};

export const deliverableReviewsSource: SyncSourceParts = {
	readPermissions: ["projects:read"],
	async load(scope, ids) {
		const rows = await scope.db
			.select({
				row: deliverableReviews,
				authorName: users.name,
				deliverableDeletedAt: deliverables.deletedAt,
				clientId: projects.clientId,
				projectDeletedAt: projects.deletedAt,
			})
			.from(deliverableReviews)
			.leftJoin(
				deliverables,
				and(eq(deliverables.id, deliverableReviews.deliverableId), eq(deliverables.tenantId, deliverableReviews.tenantId)),
			)
			.leftJoin(projects, and(eq(projects.id, deliverables.projectId), eq(projects.tenantId, deliverables.tenantId)))
			.leftJoin(users, and(eq(users.id, deliverableReviews.authorUserId), eq(users.tenantId, deliverableReviews.tenantId)))
			.where(scope.where(deliverableReviews, inArray(deliverableReviews.id, ids)));
		return rows.map((r) => {
			const loaded = childRecord(r.row, r.clientId, r.projectDeletedAt);
			return { ...loaded, live: loaded.live && r.deliverableDeletedAt === null, record: { ...loaded.record, authorName: r.authorName } };
		});
	},
};

export const reviewDeliverableMutation: MutationHandler<"deliverable.review"> = {
	type: "deliverable.review",
	entity: "deliverables",
	permission: "deliverables:review",
	rules: { status: "status" },
	// A second "changes requested" is a new review with a new comment, even though the status stays.
	writeWhenUnchanged: (current) => current.status !== "approved",
	current: async (ctx, m) => toDto(await getVisibleDeliverable(ctx.scope, ctx.access, m.recordId)),
	changesOf: (m) => ({ status: m.changes.decision }),
	async write(ctx, m) {
		await reviewDeliverable(ctx.scope, ctx.access, m.recordId, m.changes, { actor: actorOf(ctx.auth), ...ctx.origin }, ctx.now);
	},
};
