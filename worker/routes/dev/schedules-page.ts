/**
 * The /dev/schedules page as plain server-rendered HTML, like the dev mailbox: each schedule with
 * what it starts, its next and last run in the developer's time zone, and a "Run now" form.
 */
import type { Job } from "../../../schema/jobs";
import type { ScheduledRun } from "../../cron/recent-runs";
import { escapeHtml } from "../../lib/email/render";

export type ScheduleRow = { cron: string; purpose: string; starts: Job["type"][]; next: number | null; last: ScheduledRun | undefined };

/** What "Run now" just did: the schedule, the slot it ran for and the jobs it enqueued. */
export type RanNow = { cron: string; scheduledTime: number; jobs: Job[] };

const TIME_FIELDS: Intl.DateTimeFormatOptions = {
	weekday: "short",
	day: "numeric",
	month: "short",
	year: "numeric",
	hour: "2-digit",
	minute: "2-digit",
	timeZoneName: "short",
};

function formatIn(timeZone: string | undefined): Intl.DateTimeFormat {
	try {
		return new Intl.DateTimeFormat("en-GB", { ...TIME_FIELDS, timeZone: timeZone || "UTC" });
	} catch {
		return new Intl.DateTimeFormat("en-GB", { ...TIME_FIELDS, timeZone: "UTC" }); // an unknown zone name
	}
}

/** `ms` in `timeZone` (an IANA name; UTC when unset or unknown), inside a <time> that carries the exact instant. */
export function timeIn(ms: number, timeZone: string | undefined): string {
	return `<time datetime="${new Date(ms).toISOString()}">${escapeHtml(formatIn(timeZone).format(ms))}</time>`;
}

function jobList(jobs: readonly Job[]): string {
	return `<ul>${jobs.map((j) => `<li><code>${escapeHtml(j.type)}</code> · key <code>${escapeHtml(j.idempotencyKey)}</code></li>`).join("")}</ul>`;
}

function ranNotice(ran: RanNow, timeZone: string | undefined): string {
	return `<section role="status" aria-labelledby="ran-heading"><h2 id="ran-heading">Ran <code>${escapeHtml(ran.cron)}</code></h2><p>Enqueued ${
		ran.jobs.length
	} job(s) for the slot ${timeIn(ran.scheduledTime, timeZone)}. A job whose key already ran does nothing again.</p>${jobList(ran.jobs)}</section>`;
}

function row(schedule: ScheduleRow, timeZone: string | undefined): string {
	const cron = escapeHtml(schedule.cron);
	const last = schedule.last
		? `${timeIn(schedule.last.ranAt, timeZone)} (${schedule.last.jobs.length} job(s) for the slot ${timeIn(schedule.last.scheduledTime, timeZone)})`
		: "Not known (none since the Worker last loaded)";
	return `<tr><th scope="row"><code>${cron}</code><br>${escapeHtml(schedule.purpose)}</th><td><ul>${schedule.starts
		.map((type) => `<li><code>${escapeHtml(type)}</code></li>`)
		.join(
			"",
		)}</ul></td><td>${schedule.next === null ? "Never" : timeIn(schedule.next, timeZone)}</td><td>${last}</td><td><form method="post" action="/dev/schedules"><input type="hidden" name="cron" value="${cron}"><button type="submit" aria-label="Run now: ${cron}">Run now</button></form></td></tr>`;
}

export function renderSchedulesPage(rows: readonly ScheduleRow[], timeZone: string | undefined, ran?: RanNow): string {
	return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Dev schedules</title></head><body><main><h1>Dev schedules</h1><p>The Worker's cron triggers. Cloudflare runs them in UTC; <code>npm start</code> runs them on the same times here (wrangler dev alone does not). "Run now" enqueues a schedule's jobs for the current minute through the same scheduled handler. Times are shown in ${escapeHtml(
		timeZone || "UTC",
	)}. Development only.</p>${ran ? ranNotice(ran, timeZone) : ""}<table><caption>${rows.length} schedule(s)</caption><thead><tr><th scope="col">Schedule</th><th scope="col">Starts</th><th scope="col">Next run</th><th scope="col">Last run</th><th scope="col">Action</th></tr></thead><tbody>${rows
		.map((r) => row(r, timeZone))
		.join("")}</tbody></table></main></body></html>`;
}
