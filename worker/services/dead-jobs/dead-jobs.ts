/**
 * Dead jobs as admins see them: the platform operator sees every agency's and the platform's own;
 * an agency's admins see only their agency's (platform jobs have no tenant, so never theirs).
 * Replaying re-enqueues the job once — the row is claimed by a conditional update before anything
 * is sent, so a double-clicked or raced replay enqueues exactly once — under its original
 * idempotency key, so effects that already happened are not repeated. Discarding closes the row.
 * Both are audited: in the agency's log for its jobs, in the platform log for platform jobs.
 */
import { and, desc, eq, isNull, lt, or, type SQL, sql } from "drizzle-orm";
import type { DeadJobList, DeadJobStatus, DeadJobsQuery, DeadJobView } from "../../../schema/dto/dead-jobs";
import { type DeadJobRow, deadJobs, tenants } from "../../../schema/index";
import { JobSchema } from "../../../schema/jobs";
import type { Database } from "../../env";
import { decodeCursor, encodeCursor } from "../../lib/cursor";
import { tenantScope } from "../../lib/db";
import { enqueue } from "../../lib/jobs";
import { Problem, problems } from "../../lib/problem";
import { recordAudit, type Who } from "../audit/audit-log";
import { recordPlatformAudit } from "../audit/platform-audit";
import { summarizePayload } from "./payload-summary";

/** Whose dead jobs: every one (the platform operator) or one agency's. */
export type DeadJobViewer = { kind: "platform" } | { kind: "agency"; tenantId: string };

export type DeadJobDeps = { db: Database; jobs: { JOBS: Queue } };

function statusOf(row: DeadJobRow): DeadJobStatus {
	if (row.discardedAt !== null) return "discarded";
	if (row.resolvedAt !== null) return "succeeded";
	if (row.replayedAt !== null) return "replaying";
	return "dead";
}

function visibleTo(viewer: DeadJobViewer): SQL | undefined {
	return viewer.kind === "agency" ? eq(deadJobs.tenantId, viewer.tenantId) : undefined;
}

type Joined = { job: DeadJobRow; tenant: { id: string; name: string; slug: string } | null };

function toView({ job, tenant }: Joined): DeadJobView {
	return {
		id: job.id,
		type: job.type,
		tenant,
		status: statusOf(job),
		error: job.error,
		attempts: job.attempts,
		firstFailedAt: job.firstFailedAt ?? job.createdAt,
		lastFailedAt: job.lastFailedAt ?? job.createdAt,
		payload: summarizePayload(job.body),
		replayable: JobSchema.safeParse(JSON.parse(job.body)).success,
		replays: job.replays,
		replayedAt: job.replayedAt,
		replayedBy: job.replayedBy,
		resolvedAt: job.resolvedAt,
		discardedAt: job.discardedAt,
		discardedBy: job.discardedBy,
	};
}

function selectJoined(db: Database) {
	return db
		.select({ job: deadJobs, tenant: { id: tenants.id, name: tenants.name, slug: tenants.slug } })
		.from(deadJobs)
		.leftJoin(tenants, eq(tenants.id, deadJobs.tenantId));
}

/** A page of dead jobs, newest first (by when they died); `open` leaves out succeeded and discarded ones. */
export async function listDeadJobs(db: Database, viewer: DeadJobViewer, query: DeadJobsQuery): Promise<DeadJobList> {
	const after = query.cursor ? decodeCursor(query.cursor) : null;
	const rows = await selectJoined(db)
		.where(
			and(
				visibleTo(viewer),
				query.status === "open" ? and(isNull(deadJobs.discardedAt), isNull(deadJobs.resolvedAt)) : undefined,
				after
					? or(lt(deadJobs.createdAt, Number(after.value)), and(eq(deadJobs.createdAt, Number(after.value)), lt(deadJobs.id, after.id)))
					: undefined,
			),
		)
		.orderBy(desc(deadJobs.createdAt), desc(deadJobs.id))
		.limit(query.limit + 1);
	const page = rows.slice(0, query.limit);
	const last = page.at(-1);
	return {
		jobs: page.map(toView),
		nextCursor: rows.length > query.limit && last ? encodeCursor({ value: last.job.createdAt, id: last.job.id }) : null,
	};
}

async function findVisible(db: Database, viewer: DeadJobViewer, id: string): Promise<Joined> {
	const [row] = await selectJoined(db)
		.where(and(eq(deadJobs.id, id), visibleTo(viewer)))
		.limit(1);
	// Another agency's job and no job at all answer the same.
	if (!row) throw problems.notFound("There is no dead job with this id.");
	return row;
}

function notOpen(joined: Joined, verb: "replayed" | "discarded"): Problem {
	const status = statusOf(joined.job);
	const why = {
		dead: "is dead",
		replaying: "is already being replayed",
		succeeded: "was already replayed and succeeded",
		discarded: "was discarded",
	}[status];
	return new Problem(409, "dead-job-closed", `This job cannot be ${verb}`, `This job ${why}.`, { errors: [{ path: "id", message: why }] });
}

async function audit(db: Database, job: DeadJobRow, action: "job.replayed" | "job.discarded", who: Who, now: number): Promise<void> {
	const entry = {
		action,
		actor: who.actor,
		target: { type: "job", id: job.id },
		detail: { type: job.type },
		ip: who.ip,
		userAgent: who.userAgent,
	};
	if (job.tenantId === null) await recordPlatformAudit(db, entry, now);
	else await recordAudit(tenantScope(db, job.tenantId), entry, now);
}

/** Only a row still dead (not being replayed, succeeded or discarded) can be claimed; answers whether this call claimed it. */
function stillDead(id: string): SQL {
	return and(eq(deadJobs.id, id), isNull(deadJobs.replayedAt), isNull(deadJobs.resolvedAt), isNull(deadJobs.discardedAt)) as SQL;
}

/** Re-enqueues a dead job once, under its own idempotency key, and audits it. */
export async function replayDeadJob(
	deps: DeadJobDeps,
	viewer: DeadJobViewer,
	id: string,
	who: Who,
	now = Date.now(),
): Promise<DeadJobView> {
	const found = await findVisible(deps.db, viewer, id);
	const parsed = JobSchema.safeParse(JSON.parse(found.job.body));
	if (!parsed.success) {
		throw new Problem(
			409,
			"dead-job-unreplayable",
			"This job cannot be replayed",
			"Its body is not a job this version can run; discard it.",
			{
				errors: [{ path: "id", message: "has a body that cannot run" }],
			},
		);
	}
	const [claimed] = await deps.db
		.update(deadJobs)
		.set({ replayedAt: now, replayedBy: who.actor.label, replays: sql`${deadJobs.replays} + 1` })
		.where(stillDead(id))
		.returning();
	if (!claimed) throw notOpen(await findVisible(deps.db, viewer, id), "replayed");
	try {
		await enqueue(deps.jobs, { ...parsed.data, replayOf: id });
	} catch (error) {
		// Nothing was sent: the row is dead again, so the replay can be tried once more.
		await deps.db
			.update(deadJobs)
			.set({ replayedAt: null, replayedBy: found.job.replayedBy, replays: found.job.replays })
			.where(eq(deadJobs.id, id));
		throw error;
	}
	await audit(deps.db, claimed, "job.replayed", who, now);
	return toView({ job: claimed, tenant: found.tenant });
}

/** Closes a dead job without running it, and audits it. */
export async function discardDeadJob(db: Database, viewer: DeadJobViewer, id: string, who: Who, now = Date.now()): Promise<DeadJobView> {
	const found = await findVisible(db, viewer, id);
	const [closed] = await db.update(deadJobs).set({ discardedAt: now, discardedBy: who.actor.label }).where(stillDead(id)).returning();
	if (!closed) throw notOpen(await findVisible(db, viewer, id), "discarded");
	await audit(db, closed, "job.discarded", who, now);
	return toView({ job: closed, tenant: found.tenant });
}
