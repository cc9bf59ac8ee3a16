/**
 * The PWA's sync scheduling (pwa/src/sync/sync-runner.ts): whoever asks for a sync is answered by a
 * run that started after they asked, runs never overlap, and a run that does nothing or fails never
 * stops later ones (the stale project page of docs/OFFLINE-SYNC.md). The "server" here is a
 * counter the test changes; each run reads it like a pull reads the change log.
 */
import { describe, expect, it } from "vitest";
import { createSyncRunner } from "../../pwa/src/sync/sync-runner";

/** A run the test lets finish when it wants; `seen` is what each run read when it started. */
function controlledRuns(server: { changes: number }) {
	const seen: number[] = [];
	const finish: Array<() => void> = [];
	let running = 0;
	let overlapped = false;
	const run = async () => {
		running += 1;
		if (running > 1) overlapped = true;
		const read = server.changes;
		seen.push(read);
		await new Promise<void>((resolve) => finish.push(resolve));
		running -= 1;
		return read;
	};
	return { run, seen, finish, overlapped: () => overlapped };
}

describe("sync runner", () => {
	it("answers a request made during a run with one more run that sees the change", async () => {
		const server = { changes: 0 };
		const runs = controlledRuns(server);
		const syncNow = createSyncRunner(runs.run, -1);

		const first = syncNow();
		await expect.poll(() => runs.seen).toEqual([0]);
		server.changes = 1; // another person's change lands while the first pull is in flight
		const mine = syncNow();
		const alsoMine = syncNow();
		expect(alsoMine).toBe(mine);

		runs.finish[0]?.();
		await expect(first).resolves.toBe(0);
		await expect.poll(() => runs.seen).toEqual([0, 1]);
		runs.finish[1]?.();
		await expect(mine).resolves.toBe(1);
		expect(runs.overlapped()).toBe(false);
	});

	it("keeps syncing after a run that failed, and never rejects", async () => {
		let calls = 0;
		const errors: unknown[] = [];
		const syncNow = createSyncRunner(
			async () => {
				calls += 1;
				if (calls === 1) throw new Error("database connection is closing");
				return true;
			},
			false,
			(error) => errors.push(error),
		);
		const failing = syncNow();
		const queued = syncNow();
		await expect(failing).resolves.toBe(false);
		await expect(queued).resolves.toBe(true);
		await expect(syncNow()).resolves.toBe(true);
		expect(calls).toBe(3);
		expect(errors).toHaveLength(1);
	});

	it("keeps syncing after a run that had nothing to do (no store open yet)", async () => {
		let storeOpen = false;
		let pulls = 0;
		const syncNow = createSyncRunner(async () => {
			if (!storeOpen) return false;
			pulls += 1;
			return true;
		}, false);
		await expect(syncNow()).resolves.toBe(false);
		storeOpen = true;
		await expect(syncNow()).resolves.toBe(true);
		const during = syncNow();
		const after = syncNow();
		await expect(during).resolves.toBe(true);
		await expect(after).resolves.toBe(true);
		expect(pulls).toBe(3);
	});
});
