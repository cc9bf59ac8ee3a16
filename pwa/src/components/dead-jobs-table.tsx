/**
 * Dead jobs as one table, for the operator console and an agency's Settings: job type (and agency,
 * for the operator), status, error, attempts, first and last failure, payload (secrets already
 * redacted by the API), and Replay / Discard while a job is dead. Buttons are disabled while their
 * request is in flight; `onDone` reads out what happened.
 */
import type { DeadJobStatus, DeadJobView } from "../../../schema/dto/dead-jobs";
import { formatDateTime } from "../lib/date-format";
import type { DeadJobsModel } from "../models/dead-jobs";
import { Button } from "./kit/button";
import { type Column, DataTable } from "./kit/data-table";
import { StatusBadge } from "./status-badge";

const STATUS_LABELS: Record<DeadJobStatus, string> = {
	dead: "Dead",
	replaying: "Replaying",
	succeeded: "Succeeded",
	discarded: "Discarded",
};

function payloadOf(job: DeadJobView) {
	if (job.payload.length === 0) return <span class="muted">None</span>;
	return (
		<dl class="payload-list">
			{job.payload.map((p) => (
				<div key={p.field}>
					<dt>{p.field}</dt>
					<dd>
						<code>{p.value}</code>
					</dd>
				</div>
			))}
		</dl>
	);
}

function statusNote(job: DeadJobView): string {
	if (job.status === "discarded") return `Discarded by ${job.discardedBy ?? "someone"} ${formatDateTime(job.discardedAt)}`;
	if (job.status === "succeeded") return `Replayed by ${job.replayedBy ?? "someone"}; succeeded ${formatDateTime(job.resolvedAt)}`;
	if (job.status === "replaying") return `Replayed by ${job.replayedBy ?? "someone"} ${formatDateTime(job.replayedAt)}`;
	return job.replays > 0 ? `Failed again after ${job.replays} replay(s)` : "";
}

type Props = {
	model: DeadJobsModel;
	caption: string;
	/** The operator sees which agency each job belongs to ("Platform" for platform jobs). */
	showAgency?: boolean;
	onDone: (message: string) => void;
};

export function DeadJobsTable({ model, caption, showAgency = false, onDone }: Props) {
	const pending = model.pending.value;
	const act = async (kind: "replay" | "discard", job: DeadJobView) => {
		const result = await model.act(kind, job.id);
		onDone(
			result.ok
				? `${job.type} ${kind === "replay" ? "replayed: it is queued to run again" : "discarded"}.`
				: `${job.type}: ${result.problem.detail}`,
		);
	};
	const columns: Column<DeadJobView>[] = [
		{ key: "type", header: "Job", cell: (job) => <code>{job.type}</code>, rowHeader: true },
		...(showAgency ? [{ key: "agency", header: "Agency", cell: (job: DeadJobView) => job.tenant?.name ?? "Platform" }] : []),
		{
			key: "status",
			header: "Status",
			cell: (job) => (
				<>
					<StatusBadge status={job.status} label={STATUS_LABELS[job.status]} />
					{statusNote(job) && <div class="muted">{statusNote(job)}</div>}
				</>
			),
		},
		{ key: "error", header: "Error", cell: (job) => job.error ?? <span class="muted">Not recorded</span> },
		{ key: "attempts", header: "Attempts", cell: (job) => String(job.attempts) },
		{
			key: "first",
			header: "First failure",
			cell: (job) => formatDateTime(job.firstFailedAt),
			sort: (a, b) => a.firstFailedAt - b.firstFailedAt,
		},
		{
			key: "last",
			header: "Last failure",
			cell: (job) => formatDateTime(job.lastFailedAt),
			sort: (a, b) => a.lastFailedAt - b.lastFailedAt,
		},
		{ key: "payload", header: "Payload", cell: payloadOf },
		{
			key: "actions",
			header: "Actions",
			hideHeader: true,
			cell: (job) =>
				job.status === "dead" ? (
					<div class="button-row">
						{job.replayable && (
							<Button variant="primary" block={false} size="small" disabled={pending.has(job.id)} onClick={() => void act("replay", job)}>
								Replay<span class="visually-hidden"> {job.type}</span>
							</Button>
						)}
						<Button size="small" disabled={pending.has(job.id)} onClick={() => void act("discard", job)}>
							Discard<span class="visually-hidden"> {job.type}</span>
						</Button>
					</div>
				) : null,
		},
	];
	const jobs = model.jobs.value;
	if (jobs === null) return <div class="skeleton skeleton-line" />;
	return (
		<DataTable
			caption={caption}
			columns={columns}
			rows={jobs}
			rowKey={(job) => job.id}
			empty="No failed jobs. Jobs that fail for good after their retries appear here."
		/>
	);
}
