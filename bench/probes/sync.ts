/**
 * Offline sync figures: a device's outbox pushed as 100-mutation batches (`POST /api/v1/sync`),
 * 50 of them creating 5,000 tasks, then an empty device's first sync of all of it (`GET
 * /api/v1/sync` page after page until `hasMore` is false). Both as times and as multiples of one
 * bare request (`GET /api/ping`, timed sequentially in the same run, the same way).
 */
import { formatHlc } from "../../schema/hlc";
import { type Spread, spread } from "../lib/percentiles";
import { preparePortalAgency } from "../scenarios/portal-fixtures";
import type { ScenarioContext } from "../scenarios/types";

export const SYNC_PROBE_ID = "sync";
const BATCH = 100;
const BATCHES = 50;
const FIRST_SYNCS = 5;
const PAGE = 500;
const PINGS = 200;

export type SyncProbeResult = {
	records: number;
	/** One sequential bare request, the unit of the ratios. */
	pingMs: Spread;
	pushMs: Spread;
	firstSyncMs: Spread;
	pushRatio: number;
	firstSyncRatio: number;
	/** Mutations not answered `applied` (0 when all is right). */
	notApplied: number;
};

async function timePings(context: ScenarioContext): Promise<Spread> {
	const times: number[] = [];
	for (let i = 0; i < PINGS; i++) {
		const started = performance.now();
		await context.http.expect({ path: "/api/ping", host: "localhost" }, 200);
		times.push(performance.now() - started);
	}
	return spread(times.slice(PINGS / 10));
}

type PushResult = { results: { outcome: string }[] };
type Page = { changes: unknown[]; nextCursor: string; hasMore: boolean };

export async function measureSync(context: ScenarioContext): Promise<SyncProbeResult> {
	const agency = await preparePortalAgency(context, "bench-sync", { clients: 1, messages: 0 });
	const deviceId = "bench-device-0001";
	const pushTimes: number[] = [];
	let notApplied = 0;
	for (let b = 0; b < BATCHES; b++) {
		const mutations = Array.from({ length: BATCH }, (_, i) => {
			const seq = b * BATCH + i + 1;
			return {
				id: crypto.randomUUID(),
				seq,
				hlc: formatHlc({ wall: Date.now(), counter: i, node: deviceId }),
				recordId: crypto.randomUUID(),
				type: "task.create",
				changes: { projectId: agency.projectId, title: `Task ${seq}` },
			};
		});
		const started = performance.now();
		const res = await context.http.expect(
			{ method: "POST", path: "/api/v1/sync", host: agency.host, headers: agency.headers, json: { deviceId, mutations } },
			200,
		);
		pushTimes.push(performance.now() - started);
		notApplied += ((await res.json()) as PushResult).results.filter((r) => r.outcome !== "applied").length;
	}

	const syncTimes: number[] = [];
	let records = 0;
	for (let s = 0; s < FIRST_SYNCS; s++) {
		const started = performance.now();
		let cursor: string | null = null;
		records = 0;
		for (;;) {
			const query: string = cursor ? `&cursor=${cursor}` : "";
			const res = await context.http.expect(
				{ path: `/api/v1/sync?limit=${PAGE}${query}`, host: agency.host, headers: agency.headers },
				200,
			);
			const page = (await res.json()) as Page;
			records += page.changes.length;
			cursor = page.nextCursor;
			if (!page.hasMore) break;
		}
		syncTimes.push(performance.now() - started);
	}
	if (records < BATCH * BATCHES)
		throw new Error(`a first sync returned ${records} records, fewer than the ${BATCH * BATCHES} tasks pushed`);

	const pingMs = await timePings(context);
	const pushMs = spread(pushTimes);
	const firstSyncMs = spread(syncTimes);
	const ratio = (ms: number) => (pingMs.p50 > 0 ? Math.round((ms / pingMs.p50) * 10) / 10 : 0);
	return { records, pingMs, pushMs, firstSyncMs, pushRatio: ratio(pushMs.p50), firstSyncRatio: ratio(firstSyncMs.p50), notApplied };
}
