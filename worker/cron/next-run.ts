/** When a cron expression next fires, in UTC as Cloudflare runs cron triggers (croner does the calendar arithmetic). */
import { Cron } from "croner";

/** The first time strictly after `after` that `cron` fires (UTC), or null if it never does. */
export function nextRunOf(cron: string, after: Date): Date | null {
	return new Cron(cron, { timezone: "UTC", mode: "5-or-6-parts" }).nextRun(after);
}
