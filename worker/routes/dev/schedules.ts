/**
 * /dev/schedules (development only, behind ./index.ts's guard): the cron schedules from
 * worker/cron/schedules.ts with their next and last runs, and "Run now", a same-origin form POST
 * (Origin checked as for the API) that runs the schedule through the real scheduled handler for the
 * current minute's slot and shows what it enqueued.
 */
import { Hono } from "hono";
import { nextRunOf } from "../../cron/next-run";
import { lastScheduledRun } from "../../cron/recent-runs";
import { jobsFor, runSchedule, SCHEDULES } from "../../cron/schedules";
import type { AppEnv } from "../../env";
import { problems } from "../../lib/problem";
import { originCheck } from "../../middleware/origin-check";
import { type RanNow, renderSchedulesPage, type ScheduleRow } from "./schedules-page";

const MINUTE_MS = 60_000;

function scheduleRows(now: number): ScheduleRow[] {
	return SCHEDULES.map(({ cron, purpose }) => ({
		cron,
		purpose,
		starts: jobsFor(cron, now).map((job) => job.type),
		next: nextRunOf(cron, new Date(now))?.getTime() ?? null,
		last: lastScheduledRun(cron),
	}));
}

export const devSchedulesRouter = new Hono<AppEnv>();

devSchedulesRouter.get("/dev/schedules", (c) => c.html(renderSchedulesPage(scheduleRows(Date.now()), c.env.DEV_TIME_ZONE)));

devSchedulesRouter.post("/dev/schedules", originCheck, async (c) => {
	const form = await c.req.parseBody();
	const cron = form.cron;
	if (typeof cron !== "string" || !SCHEDULES.some((s) => s.cron === cron)) {
		throw problems.validation([{ path: "cron", message: `Must be one of the schedules: ${SCHEDULES.map((s) => s.cron).join(", ")}.` }]);
	}
	// A cron trigger's scheduledTime is its minute; "Run now" takes the current one.
	const scheduledTime = Math.floor(Date.now() / MINUTE_MS) * MINUTE_MS;
	const jobs = await runSchedule({ cron, scheduledTime }, c.env);
	c.get("log")?.info("schedule run from /dev/schedules", { cron, scheduledTime, jobs: jobs.length });
	const ran: RanNow = { cron, scheduledTime, jobs };
	return c.html(renderSchedulesPage(scheduleRows(Date.now()), c.env.DEV_TIME_ZONE, ran));
});
