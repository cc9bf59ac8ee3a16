/**
 * Deliverables of a project and their reviews: the agency adds them (a link, or a file: one of the
 * client's documents), the client approves or asks for changes with a comment; each decision is a
 * review row, sets the deliverable's status and is audited here, once, whichever entry point (REST
 * or offline sync) brought it.
 */
import { and, asc, desc, eq, inArray, isNull, type SQL } from "drizzle-orm";
import type { z } from "zod";
import type { CreateDeliverableBody, DeliverableListQuery, ReviewBody } from "../../../schema/dto/portal";
import { type Deliverable, deliverableReviews, deliverables, documents, projects, users } from "../../../schema/index";
import { selectInChunks } from "../../lib/chunks";
import { createWithClientMadeId } from "../../lib/client-made-id";
import type { TenantScope } from "../../lib/db";
import { newId } from "../../lib/ids";
import { problems } from "../../lib/problem";
import { recordAudit, type Who } from "../audit/audit-log";
import { type ClientAccess, visibleClientsCondition } from "./client-access";
import { assertMilestoneOf } from "./tasks";
import { getVisibleProject, toDto } from "./visible-project";

export async function reviewsOf(scope: TenantScope, deliverableIds: string[]) {
	if (deliverableIds.length === 0) return [];
	const rows = await selectInChunks(deliverableIds, (slice) =>
		scope.db
			.select({ review: deliverableReviews, authorName: users.name })
			.from(deliverableReviews)
			.leftJoin(users, and(eq(users.id, deliverableReviews.authorUserId), eq(users.tenantId, deliverableReviews.tenantId)))
			.where(scope.where(deliverableReviews, inArray(deliverableReviews.deliverableId, slice), isNull(deliverableReviews.deletedAt)))
			.orderBy(asc(deliverableReviews.createdAt), asc(deliverableReviews.id)),
	);
	return rows.map((r) => ({ ...toDto(r.review), authorName: r.authorName }));
}

export async function listDeliverables(
	scope: TenantScope,
	access: ClientAccess,
	query: z.infer<typeof DeliverableListQuery>,
): Promise<Deliverable[]> {
	const conditions: (SQL | undefined)[] = [
		isNull(deliverables.deletedAt),
		isNull(projects.deletedAt),
		visibleClientsCondition(access, projects.clientId),
	];
	if (query.projectId) conditions.push(eq(deliverables.projectId, query.projectId));
	if (query.status) conditions.push(eq(deliverables.status, query.status));
	const rows = await scope.db
		.select({ deliverable: deliverables })
		.from(deliverables)
		.innerJoin(projects, and(eq(projects.id, deliverables.projectId), eq(projects.tenantId, deliverables.tenantId)))
		.where(scope.where(deliverables, ...conditions))
		.orderBy(desc(deliverables.createdAt), desc(deliverables.id))
		.limit(500);
	return rows.map((r) => r.deliverable);
}

/** A live deliverable whose project's client the caller may see, or 404. */
export async function getVisibleDeliverable(scope: TenantScope, access: ClientAccess, id: string): Promise<Deliverable> {
	const [row] = await scope.db
		.select()
		.from(deliverables)
		.where(scope.where(deliverables, eq(deliverables.id, id), isNull(deliverables.deletedAt)))
		.limit(1);
	if (!row) throw problems.notFound("There is no deliverable with this id.");
	try {
		await getVisibleProject(scope, access, row.projectId);
	} catch {
		throw problems.notFound("There is no deliverable with this id.");
	}
	return row;
}

export async function deliverableWithReviews(scope: TenantScope, access: ClientAccess, id: string) {
	const row = await getVisibleDeliverable(scope, access, id);
	return { ...toDto(row), reviews: await reviewsOf(scope, [row.id]) };
}

export async function createDeliverable(
	scope: TenantScope,
	access: ClientAccess,
	input: z.infer<typeof CreateDeliverableBody>,
	now = Date.now(),
): Promise<Deliverable> {
	const project = await getVisibleProject(scope, access, input.projectId).catch(() => null);
	if (!project) throw problems.validation([{ path: "projectId", message: "must be one of your projects" }]);
	if (input.documentId) await assertDocumentOfClient(scope, project.clientId, input.documentId);
	if (input.milestoneId) await assertMilestoneOf(scope, input.projectId, input.milestoneId);
	return createWithClientMadeId(scope, deliverables, input.id ?? newId(now), {
		isReplay: (existing) => existing.projectId === input.projectId && existing.title === input.title,
		values: () => ({
			projectId: input.projectId,
			milestoneId: input.milestoneId ?? null,
			title: input.title,
			kind: input.kind,
			url: input.kind === "link" ? (input.url ?? null) : null,
			documentId: input.kind === "file" ? (input.documentId ?? null) : null,
			createdAt: now,
			updatedAt: now,
		}),
	});
}

/** 422 naming `documentId` unless it is a live document of the project's client. */
async function assertDocumentOfClient(scope: TenantScope, clientId: string, documentId: string): Promise<void> {
	const [row] = await scope.db
		.select({ id: documents.id })
		.from(documents)
		.where(scope.where(documents, eq(documents.id, documentId), eq(documents.clientId, clientId), isNull(documents.deletedAt)))
		.limit(1);
	if (!row) throw problems.validation([{ path: "documentId", message: "must be a document of this project's client" }]);
}

/** Records a client's decision, sets the deliverable's status to it, and audits it as `deliverable.reviewed` by `who`. */
export async function reviewDeliverable(
	scope: TenantScope,
	access: ClientAccess,
	id: string,
	input: z.infer<typeof ReviewBody>,
	who: Who,
	now = Date.now(),
) {
	const current = await getVisibleDeliverable(scope, access, id);
	if (current.status === "approved") {
		throw problems.conflict("decision", "cannot change: this deliverable is already approved");
	}
	const review = scope.insert(deliverableReviews, {
		id: newId(now),
		deliverableId: id,
		authorUserId: access.userId,
		decision: input.decision,
		comment: input.comment,
		createdAt: now,
		updatedAt: now,
	});
	const status = scope.update(deliverables, { status: input.decision, updatedAt: now }, eq(deliverables.id, id));
	await scope.db.batch([review, status]);
	await recordAudit(
		scope,
		{
			action: "deliverable.reviewed",
			actor: who.actor,
			target: { type: "deliverable", id },
			detail: { decision: input.decision },
			ip: who.ip,
			userAgent: who.userAgent,
		},
		now,
	);
	return deliverableWithReviews(scope, access, id);
}
