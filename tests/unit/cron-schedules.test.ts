/**
 * The schedules are one list: wrangler.toml's cron triggers (what Cloudflare runs) equal SCHEDULES in
 * worker/cron/schedules.ts (what `npm start` runs locally and /dev/schedules lists), each starts jobs,
 * and their next times are computed in UTC as Cloudflare does, whatever the machine's time zone.
 */
import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { nextRunOf } from "../../worker/cron/next-run";
import { DAILY_BILLING, EVERY_15_MINUTES, HOURLY, jobsFor, NIGHTLY_RECONCILE, SCHEDULES } from "../../worker/cron/schedules";

/** The `crons = [...]` array of wrangler.toml's [triggers] table. */
function wranglerCrons(): string[] {
	const toml = readFileSync(new URL("../../wrangler.toml", import.meta.url), "utf8");
	const triggers = toml.slice(toml.indexOf("[triggers]"));
	const match = /^crons\s*=\s*(\[[^\]]*\])/m.exec(triggers);
	if (!match?.[1]) throw new Error("wrangler.toml has no [triggers] crons");
	return JSON.parse(match[1]) as string[];
}

describe("schedules", () => {
	it("wrangler.toml's crons are exactly SCHEDULES, in order", () => {
		expect(wranglerCrons()).toEqual(SCHEDULES.map((s) => s.cron));
	});

	it("every schedule starts at least one job", () => {
		for (const { cron } of SCHEDULES) expect(jobsFor(cron, Date.UTC(2026, 10, 23, 6)).length, cron).toBeGreaterThan(0);
	});
});

describe("next run", () => {
	const zone = process.env.TZ;
	afterEach(() => {
		if (zone === undefined) delete process.env.TZ;
		else process.env.TZ = zone;
	});

	it("is the next slot strictly after the reference time", () => {
		expect(nextRunOf(EVERY_15_MINUTES, new Date("2026-11-23T12:07:30Z"))?.toISOString()).toBe("2026-11-23T12:15:00.000Z");
		expect(nextRunOf(EVERY_15_MINUTES, new Date("2026-11-23T12:15:00Z"))?.toISOString()).toBe("2026-11-23T12:30:00.000Z");
		expect(nextRunOf(HOURLY, new Date("2026-11-23T23:59:59.999Z"))?.toISOString()).toBe("2026-11-24T00:00:00.000Z");
		expect(nextRunOf(DAILY_BILLING, new Date("2026-11-23T06:00:00Z"))?.toISOString()).toBe("2026-11-24T06:00:00.000Z");
		expect(nextRunOf(DAILY_BILLING, new Date("2026-12-31T23:00:00Z"))?.toISOString()).toBe("2027-01-01T06:00:00.000Z");
	});

	it("reads the expressions in UTC, as Cloudflare does, on a machine in another time zone", () => {
		process.env.TZ = "Pacific/Auckland";
		expect(new Date("2026-11-23T00:00:00Z").getHours()).not.toBe(0); // the zone really is in effect
		expect(nextRunOf(NIGHTLY_RECONCILE, new Date("2026-11-23T00:00:00Z"))?.toISOString()).toBe("2026-11-23T03:30:00.000Z");
		expect(nextRunOf(DAILY_BILLING, new Date("2026-11-23T07:00:00Z"))?.toISOString()).toBe("2026-11-24T06:00:00.000Z");
	});
});
