/**
 * Decides one task mutation in memory, against the batch's facts (task-facts.ts), exactly as
 * apply-mutation.ts and the portal task services would against the database: the same permission,
 * visibility (404), validations (422), id reuse (409, whoever holds the id), per-field conflict rules and writes. Returns
 * what the device is told and the statements that make it so; the facts are updated as if they
 * had run, so a later mutation of the same batch sees this one's effect.
 */
import { eq, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { formatHlc, type Hlc } from "../../../../schema/hlc";
import { syncChanges, syncFieldClocks, type Task, tasks } from "../../../../schema/index";
import { Problem, problems } from "../../../lib/problem";
import { canSeeClient, seesAllClients } from "../../portal/client-access";
import { completedAtAfter, taskProblems } from "../../portal/tasks";
import { toDto } from "../../portal/visible-project";
import { type Outcome, rejected, serverClockOf } from "../apply-mutation";
import { mergeFields } from "../merge-fields";
import { MUTATION_HANDLERS } from "../registry";
import type { MutationContext, MutationHandler } from "../source";
import type { TaskFacts, TaskMutation } from "./task-facts";

type Statement = BatchItem<"sqlite">;

/** What the device is told (its `version` taken in SQL when `stampVersion`) and what to write. */
export type TaskDecision = { outcome: Outcome; stampVersion: boolean; writes: Statement[] };

/**
 * Versions of writes not yet committed: above every real change seq, increasing, so the conflict
 * rules compare them as they will compare once written (the real seqs are read back in SQL).
 */
export class PendingVersions {
	#next = 2 ** 52;
	next(): number {
		this.#next += 1;
		return this.#next;
	}
}

/** A live task of a live project the user may see (getVisibleTask), or 404. */
function visibleTask(ctx: MutationContext, facts: TaskFacts, id: string): Task {
	const entry = facts.tasks.get(id);
	const project = entry?.project;
	if (!entry || entry.task.deletedAt !== null || !project || project.deletedAt !== null || !canSeeClient(ctx.access, project.clientId)) {
		throw taskProblems.noSuchTask();
	}
	return entry.task;
}

function assertMilestoneOf(facts: TaskFacts, projectId: string, milestoneId: string): void {
	const milestone = facts.milestones.get(milestoneId);
	if (!milestone || milestone.projectId !== projectId || milestone.deletedAt !== null) throw taskProblems.notAMilestone();
}

function assertAssignable(facts: TaskFacts, clientId: string, userId: string): void {
	const role = facts.roles.get(userId);
	if (role !== undefined && role !== "client") return;
	if (role !== undefined && facts.clientLinks.has(`${userId} ${clientId}`)) return;
	throw taskProblems.notAssignable();
}

/** The task as sync shows it now (sources/tasks.ts: null unless it and its project are live). */
function serverRecord(facts: TaskFacts, id: string) {
	const entry = facts.tasks.get(id);
	const live = entry !== undefined && entry.task.deletedAt === null && entry.project !== null && entry.project.deletedAt === null;
	return { entity: "tasks" as const, version: facts.versions.get(id) ?? 0, record: live && entry ? toDto(entry.task) : null };
}

/** The change seq of the task right now, inside the batch. */
export function versionSql(ctx: MutationContext, id: string) {
	return sql`(select coalesce(max(${syncChanges.seq}), 0) from ${syncChanges} where ${syncChanges.tenantId} = ${ctx.scope.tenantId} and ${syncChanges.entity} = 'tasks' and ${syncChanges.recordId} = ${id})`;
}

function decideCreate(ctx: MutationContext, facts: TaskFacts, pending: PendingVersions, m: Extract<TaskMutation, { type: "task.create" }>) {
	const input = m.changes;
	const project = facts.projects.get(input.projectId);
	if (!project || project.deletedAt !== null || !canSeeClient(ctx.access, project.clientId)) throw taskProblems.notYourProject();
	if (input.milestoneId) assertMilestoneOf(facts, input.projectId, input.milestoneId);
	if (input.assigneeUserId) assertAssignable(facts, project.clientId, input.assigneeUserId);
	const writes: Statement[] = [];
	const existing = facts.tasks.get(m.recordId)?.task;
	if (facts.takenElsewhere.has(m.recordId)) throw taskProblems.idTaken();
	if (existing) {
		if (existing.projectId !== input.projectId || existing.title !== input.title) throw taskProblems.idTaken();
	} else {
		const { tenantId: _tenant, ...row }: Task = {
			id: m.recordId,
			tenantId: ctx.scope.tenantId,
			createdAt: ctx.now,
			updatedAt: ctx.now,
			deletedAt: null,
			projectId: input.projectId,
			milestoneId: input.milestoneId ?? null,
			title: input.title,
			description: input.description,
			assigneeUserId: input.assigneeUserId ?? null,
			assigneeInvitationId: null,
			dueAt: input.dueAt ?? null,
			status: "open",
			completedAt: null,
		};
		writes.push(ctx.scope.insert(tasks, row));
		facts.tasks.set(m.recordId, { task: { ...row, tenantId: ctx.scope.tenantId }, project });
		facts.versions.set(m.recordId, pending.next());
	}
	const fields = Object.fromEntries(Object.keys(input).map((f) => [f, "applied"]));
	return { outcome: { outcome: "applied" as const, fields, problem: null, ...serverRecord(facts, m.recordId) }, writes };
}

/** The write of an edit that survived the conflict rules (updateTask / completeTask), or null when the service would write nothing. */
function editedTask(ctx: MutationContext, facts: TaskFacts, m: TaskMutation, current: Task, write: Partial<Task>): Partial<Task> | null {
	if (m.type === "task.complete") {
		if (!seesAllClients(ctx.access) && current.assigneeUserId !== ctx.access.userId) throw taskProblems.notTheAssignee();
		if (current.status === "done") return null;
		return { status: "done", completedAt: ctx.now, updatedAt: ctx.now };
	}
	const project = facts.tasks.get(current.id)?.project;
	if (write.milestoneId) assertMilestoneOf(facts, current.projectId, write.milestoneId);
	if (write.assigneeUserId && project) assertAssignable(facts, project.clientId, write.assigneeUserId);
	// Giving the task to someone (or nobody) ends any wait for a pending invitee.
	const assignee = write.assigneeUserId !== undefined ? { assigneeInvitationId: null } : {};
	return { ...write, ...assignee, completedAt: completedAtAfter(current, write.status, ctx.now), updatedAt: ctx.now };
}

function decideEdit(
	ctx: MutationContext,
	facts: TaskFacts,
	pending: PendingVersions,
	m: Exclude<TaskMutation, { type: "task.create" }>,
	hlc: Hlc,
) {
	const handler = MUTATION_HANDLERS[m.type] as MutationHandler;
	const current = visibleTask(ctx, facts, m.recordId);
	const currentDto = toDto(current);
	const version = facts.versions.get(m.recordId) ?? 0;
	const clocks = facts.clocks.get(m.recordId) ?? new Map();
	const merge = mergeFields({
		rules: handler.rules,
		changes: handler.changesOf(m),
		current: currentDto,
		base: m.base,
		changedSinceBase: m.baseVersion !== undefined && version > m.baseVersion,
		mutationHlc: hlc,
		serverHlcOf: serverClockOf(clocks, currentDto, version),
	});
	const written = Object.keys(merge.write);
	const writes: Statement[] = [];
	const set = written.length > 0 ? editedTask(ctx, facts, m, current, merge.write as Partial<Task>) : null;
	if (set) {
		writes.push(ctx.scope.update(tasks, set, eq(tasks.id, m.recordId)));
		const entry = facts.tasks.get(m.recordId);
		facts.tasks.set(m.recordId, { task: { ...current, ...set }, project: entry?.project ?? null });
		const after = pending.next();
		facts.versions.set(m.recordId, after);
		const text = formatHlc(hlc);
		for (const field of written) clocks.set(field, { hlc: text, seq: after });
		facts.clocks.set(m.recordId, clocks);
		const seqNow = versionSql(ctx, m.recordId);
		writes.push(
			ctx.scope.db
				.insert(syncFieldClocks)
				.values(
					written.map((field) => ({ tenantId: ctx.scope.tenantId, entity: "tasks", recordId: m.recordId, field, hlc: text, seq: seqNow })),
				)
				.onConflictDoUpdate({
					target: [syncFieldClocks.tenantId, syncFieldClocks.entity, syncFieldClocks.recordId, syncFieldClocks.field],
					set: { hlc: text, seq: sql`excluded.seq` },
				}),
		);
	}
	return { outcome: { outcome: merge.outcome, fields: merge.fields, problem: null, ...serverRecord(facts, m.recordId) }, writes };
}

export function decideTaskMutation(
	ctx: MutationContext,
	facts: TaskFacts,
	pending: PendingVersions,
	m: TaskMutation,
	hlc: Hlc,
): TaskDecision {
	const handler = MUTATION_HANDLERS[m.type] as MutationHandler;
	if (!ctx.auth.permissions.has(handler.permission)) {
		return { outcome: rejected(problems.forbidden(`Your role does not have ${handler.permission}.`)), stampVersion: false, writes: [] };
	}
	try {
		const decided = m.type === "task.create" ? decideCreate(ctx, facts, pending, m) : decideEdit(ctx, facts, pending, m, hlc);
		return { ...decided, stampVersion: true };
	} catch (error) {
		if (!(error instanceof Problem)) throw error;
		return { outcome: rejected(error), stampVersion: false, writes: [] };
	}
}
