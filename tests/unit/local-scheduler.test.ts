/**
 * `npm start`'s local scheduler fires each schedule at its time by calling wrangler dev's
 * scheduled-event endpoint with the cron and the slot, logs one line per fire (a failure too), and
 * after stop() has nothing left scheduled. A tiny local HTTP server stands in for wrangler dev.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { type LocalScheduler, SCHEDULED_PATH, startLocalScheduler } from "../../scripts/lib/local-scheduler";

type Received = { path: string; cron: string | null; time: number; format: string | null; receivedAt: number };

const cleanups: (() => void)[] = [];
afterEach(() => {
	for (const cleanup of cleanups.splice(0)) cleanup();
});

/** A stand-in for wrangler dev that records each scheduled-event call and answers `status`. */
async function fakeWrangler(status = 200): Promise<{ url: string; received: Received[] }> {
	const received: Received[] = [];
	const server: Server = createServer((req, res) => {
		const url = new URL(req.url ?? "/", "http://127.0.0.1");
		received.push({
			path: url.pathname,
			cron: url.searchParams.get("cron"),
			time: Number(url.searchParams.get("time")),
			format: url.searchParams.get("format"),
			receivedAt: Date.now(),
		});
		res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify({ outcome: status === 200 ? "ok" : "exception" }));
	});
	await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
	cleanups.push(() => server.close());
	return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, received };
}

function started(scheduler: LocalScheduler): LocalScheduler {
	cleanups.unshift(() => scheduler.stop());
	return scheduler;
}

describe("local scheduler", () => {
	it("fires a schedule at its time through wrangler's scheduled endpoint, with the cron and the slot", async () => {
		const wrangler = await fakeWrangler();
		const lines: string[] = [];
		const everySecond = "* * * * * *";
		const startedAt = Date.now();
		const scheduler = started(startLocalScheduler({ appUrl: wrangler.url, crons: [everySecond], log: (l) => lines.push(l) }));
		const [upcoming] = scheduler.upcoming();
		expect(upcoming?.cron).toBe(everySecond);
		const planned = upcoming?.next?.getTime() ?? 0;
		expect(planned).toBeGreaterThan(startedAt);

		await expect.poll(() => lines.length, { timeout: 5_000, interval: 20 }).toBeGreaterThan(0);
		const [first] = wrangler.received;
		expect(first).toMatchObject({ path: SCHEDULED_PATH, cron: everySecond, format: "json" });
		// The controller's scheduledTime is a slot of the schedule (a whole second) after the start, and
		// it was not sent early. Not necessarily `planned`: croner answers upcoming() from the clock, so a
		// second boundary crossed between the start and that call (a loaded machine) moves it one slot on.
		const slot = first?.time ?? 0;
		expect(slot % 1000).toBe(0);
		expect(slot).toBeGreaterThan(startedAt);
		expect(slot).toBeLessThanOrEqual(planned);
		expect(first?.receivedAt).toBeGreaterThanOrEqual(slot);
		expect(lines[0]).toBe(`[cron] ${everySecond}  ${new Date(slot).toISOString()}  jobs enqueued`);
	});

	it("logs a fire that wrangler dev refused, and keeps the schedule", async () => {
		const wrangler = await fakeWrangler(500);
		const lines: string[] = [];
		const scheduler = started(startLocalScheduler({ appUrl: wrangler.url, crons: ["* * * * * *"], log: (l) => lines.push(l) }));
		await expect.poll(() => lines.length, { timeout: 5_000, interval: 20 }).toBeGreaterThan(0);
		expect(lines[0]).toContain("failed (HTTP 500");
		expect(scheduler.upcoming()[0]?.next).not.toBeNull();
	});

	it("has nothing scheduled after stop()", async () => {
		const wrangler = await fakeWrangler();
		const scheduler = startLocalScheduler({ appUrl: wrangler.url, crons: ["*/15 * * * *", "0 6 * * *"] });
		expect(scheduler.upcoming().every((u) => u.next !== null)).toBe(true);
		scheduler.stop();
		expect(scheduler.upcoming()).toEqual([
			{ cron: "*/15 * * * *", next: null },
			{ cron: "0 6 * * *", next: null },
		]);
	});
});
