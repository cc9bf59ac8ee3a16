/**
 * Cron triggers for the local app: `wrangler dev` does not fire them, so `npm start` does. Each
 * schedule (worker/cron/schedules.ts, the list wrangler.toml's `crons` must equal) fires at its UTC
 * times, as on Cloudflare, by calling wrangler dev's scheduled-event endpoint with the cron and the
 * time slot; the Worker's own `scheduled` handler then enqueues the jobs. One log line per fire.
 */
import { Cron } from "croner";

/** wrangler 4 / Miniflare's local trigger: `cron` picks the schedule, `time` (ms) is the controller's scheduledTime. */
export const SCHEDULED_PATH = "/cdn-cgi/local/scheduled";

export type LocalSchedulerOptions = {
	/** Where wrangler dev listens, e.g. http://127.0.0.1:8787. */
	appUrl: string;
	crons: readonly string[];
	log?: (line: string) => void;
};

export type UpcomingRun = { cron: string; next: Date | null };

/** `stop()` ends every timer, so nothing fires afterwards and nothing keeps the process alive. */
export type LocalScheduler = { upcoming(): UpcomingRun[]; stop(): void };

/** The URL that runs `cron`'s scheduled event for the slot `scheduledTime` in wrangler dev at `appUrl`. */
export function scheduledEventUrl(appUrl: string, cron: string, scheduledTime: number): string {
	const url = new URL(SCHEDULED_PATH, appUrl);
	url.searchParams.set("cron", cron);
	url.searchParams.set("time", String(scheduledTime));
	url.searchParams.set("format", "json");
	return url.toString();
}

async function fire(appUrl: string, cron: string, scheduledTime: number): Promise<string> {
	try {
		const res = await fetch(scheduledEventUrl(appUrl, cron, scheduledTime), { signal: AbortSignal.timeout(30_000) });
		const body = await res.text();
		return res.ok ? "jobs enqueued" : `failed (HTTP ${res.status}: ${body.slice(0, 200)})`;
	} catch (error) {
		return `failed (${error instanceof Error ? error.message : String(error)})`;
	}
}

export function startLocalScheduler(options: LocalSchedulerOptions): LocalScheduler {
	const log = options.log ?? console.log;
	const timers = options.crons.map((cron) => ({
		cron,
		// UTC, like Cloudflare; `protect` skips a fire while the previous one is still answering;
		// `unref` so a forgotten scheduler never holds the process open. croner's currentRun() is the slot.
		job: new Cron(cron, { timezone: "UTC", protect: true, unref: true }, async (self) => {
			const scheduledTime = (self.currentRun() ?? new Date()).getTime();
			const outcome = await fire(options.appUrl, cron, scheduledTime);
			log(`[cron] ${cron}  ${new Date(scheduledTime).toISOString()}  ${outcome}`);
		}),
	}));
	return {
		upcoming: () => timers.map(({ cron, job }) => ({ cron, next: job.nextRun() })),
		stop: () => {
			for (const { job } of timers) job.stop();
		},
	};
}
