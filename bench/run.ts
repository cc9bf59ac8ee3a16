/**
 * `npm run bench`: builds the Worker, starts it in its own process (bench/server.ts), then for the
 * baseline and every scenario prepares it, probes it, warms up and measures it with autocannon from
 * this process; prints the table and writes bench/results/latest.json. Figures never fail the run:
 * the exit code is 1 only when the set-up breaks.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { FAKE_KEYS, startFakeAiServer } from "../tests/fakes/ai-provider-server";
import { buildWorker, ROOT } from "./build";
import { type CpuSplit, startCpuMeter } from "./lib/cpu";
import { createHttpClient } from "./lib/http";
import { runtimeVersions } from "./lib/runtime";
import { type ServerHandle, startServer } from "./lib/server-process";
import { type LoadResult, probe, runLoad } from "./load";
import { FIRST_TOKEN_PROBE_ID, type FirstTokenResult, measureFirstToken } from "./probes/first-token";
import { LIGHTHOUSE_PROBE_ID, type LighthouseResult, measureLighthouse } from "./probes/lighthouse";
import { FANOUT_PROBE_ID, type FanoutResult, measureFanout } from "./probes/message-fanout";
import { measureSync, SYNC_PROBE_ID, type SyncProbeResult } from "./probes/sync";
import { checkGoal, describeMachine, describeSource, formatReport, type Report, type Row, writeReport } from "./report";
import { BASELINE, DIAGNOSTICS, SCENARIOS } from "./scenarios/index";
import type { Scenario, ScenarioContext } from "./scenarios/types";
import { readSettings } from "./settings";

const RESULTS = join(ROOT, "bench", "results", "latest.json");

/** The Worker's vars for the run: http cookies allowed, and no per-request log line. */
const VARS = { ENVIRONMENT: "development", LOG_LEVEL: "warn", ASSISTANT_LOCAL_WORD_DELAY_MS: "0" };

const log = (line: string) => console.log(line);

/** Measurements that are not request mixes: each runs once, after the rows, unless BENCH_ONLY leaves it out. */
const PROBE_IDS = [FIRST_TOKEN_PROBE_ID, FANOUT_PROBE_ID, SYNC_PROBE_ID, LIGHTHOUSE_PROBE_ID];

/** The default rows, or those BENCH_ONLY names (diagnostics included), in their declared order. */
function selectScenarios(only: string[] | null): Scenario[] {
	if (!only) return SCENARIOS;
	const all = [...SCENARIOS, ...DIAGNOSTICS];
	const known = new Set([BASELINE.id, ...PROBE_IDS, ...all.map((s) => s.id)]);
	const unknown = only.filter((id) => !known.has(id));
	if (unknown.length > 0) throw new Error(`BENCH_ONLY names unknown scenarios: ${unknown.join(", ")} (known: ${[...known].join(", ")})`);
	return all.filter((s) => only.includes(s.id));
}

/** Addresses for CF-Connecting-IP, one per sign-up or sign-in (those are rate limited per IP). */
function clientIps(): () => string {
	let n = 0;
	return () => {
		n += 1;
		return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
	};
}

async function main(): Promise<number> {
	const settings = readSettings();
	const scenarios = [BASELINE, ...selectScenarios(settings.only)];
	const wants = (probeId: string) => settings.only === null || settings.only.includes(probeId);
	// The assistant's provider for the first-token probe: the tests' fake OpenAI, in this process.
	const fakeAi = await startFakeAiServer();
	const startedAt = new Date().toISOString();
	const machine = await describeMachine();
	const versions = runtimeVersions();
	const work = await mkdtemp(join(tmpdir(), "atrium-bench-"));
	let server: ServerHandle | undefined;
	const cleanUp = async () => {
		await server?.stop();
		fakeAi.server.close();
		await rm(work, { recursive: true, force: true });
	};
	process.once("SIGINT", () => {
		void cleanUp().finally(() => process.exit(130));
	});

	try {
		if (settings.script) log(`Using the prebuilt Worker ${settings.script} (BENCH_SCRIPT)…`);
		else log("Building the Worker (wrangler deploy --dry-run)…");
		const scriptPath = settings.script ?? (await buildWorker(join(work, "worker")));
		log("Starting it in Miniflare (own process, API only, logging off)…");
		server = await startServer({
			scriptPath,
			wranglerConfigPath: join(ROOT, "wrangler.toml"),
			migrationsDir: join(ROOT, "migrations"),
			persistDir: join(work, "state"),
			vars: { ...VARS, OPENAI_API_KEY: FAKE_KEYS.openai, OPENAI_BASE_URL: `http://127.0.0.1:${fakeAi.port}/openai/v1` },
		});
		const context: ScenarioContext = { http: createHttpClient(server.url), settings, nextClientIp: clientIps() };
		log(`Worker at ${server.url.origin}, ${server.migrations.length} migration(s) applied.`);

		const measured: { scenario: Scenario; result: LoadResult; cpu: CpuSplit | null; check: string | null }[] = [];
		for (const scenario of scenarios) {
			const requests = await scenario.prepare(context);
			await probe(context.http, requests);
			const load = { origin: server.url, requests, connections: settings.connections };
			if (settings.warmupSeconds > 0) await runLoad({ ...load, durationSeconds: settings.warmupSeconds });
			const meter = startCpuMeter(server.pid);
			const result = await runLoad({ ...load, durationSeconds: settings.durationSeconds });
			const cpu = meter.stop();
			const check = scenario.verify ? await scenario.verify(context) : null;
			log(`  ${scenario.label}: ${Math.round(result.requestsPerSecond)} req/s, p99 ${result.latencyMs.p99} ms${check ? `; ${check}` : ""}`);
			measured.push({ scenario, result, cpu, check });
		}

		let firstToken: FirstTokenResult | null = null;
		if (wants(FIRST_TOKEN_PROBE_ID)) {
			firstToken = await measureFirstToken(context, fakeAi.firstTokenTimes);
			log(
				`  assistant time to first token: overhead p50 ${firstToken.overheadMs.p50} ms, p99 ${firstToken.overheadMs.p99} ms (${firstToken.samples} sends); ` +
					`to the provider p50 ${firstToken.stagesMs.toProvider.p50} / p99 ${firstToken.stagesMs.toProvider.p99} ms, ` +
					`provider's first token to client p50 ${firstToken.stagesMs.fromProvider.p50} / p99 ${firstToken.stagesMs.fromProvider.p99} ms`,
			);
		}

		let fanout: FanoutResult | null = null;
		if (wants(FANOUT_PROBE_ID)) {
			fanout = await measureFanout(context);
			log(
				`  message fan-out to ${fanout.sockets} sockets: p50 ${fanout.deliveryMs.p50} ms, p99 ${fanout.deliveryMs.p99} ms; ` +
					`first socket p50 ${fanout.firstSocketMs.p50} / p99 ${fanout.firstSocketMs.p99} ms, ` +
					`first to last socket p50 ${fanout.lastMinusFirstMs.p50} / p99 ${fanout.lastMinusFirstMs.p99} ms`,
			);
		}
		let sync: SyncProbeResult | null = null;
		if (wants(SYNC_PROBE_ID)) {
			sync = await measureSync(context);
			log(`  sync: first sync of ${sync.records} records p50 ${sync.firstSyncMs.p50} ms; 100-mutation push p50 ${sync.pushMs.p50} ms`);
		}
		// Lighthouse needs the PWA served, so it runs on the app as `npm start` runs it, after the API server stops.
		await server.stop();
		let lighthouse: LighthouseResult | null = null;
		if (wants(LIGHTHOUSE_PROBE_ID)) {
			log("Lighthouse: building the PWA and starting the app as `npm start` does…");
			lighthouse = await measureLighthouse(log);
		}

		const baseline = measured[0]?.result.requestsPerSecond ?? 0;
		const rows: Row[] = measured.map(({ scenario, result, cpu, check }) => {
			const ratio = baseline > 0 ? result.requestsPerSecond / baseline : 0;
			return {
				id: scenario.id,
				label: scenario.label,
				baseline: scenario === BASELINE,
				result,
				cpu,
				ratio,
				goal: scenario.goal ?? null,
				goalMet: checkGoal(scenario.goal, ratio, result),
				check,
			};
		});
		const report: Report = {
			startedAt,
			finishedAt: new Date().toISOString(),
			source: describeSource(ROOT),
			machine,
			versions,
			settings,
			setup:
				"built Worker (wrangler deploy --dry-run) in Miniflare/workerd directly, API only (no assets binding), " +
				`vars ${Object.entries(VARS)
					.map(([k, v]) => `${k}=${v}`)
					.join(" ")}, request logging, tracing and explorer off, fresh D1; ` +
				"autocannon in a second process on 127.0.0.1, sharing the CPUs",
			rows,
			firstToken,
			fanout,
			sync,
			lighthouse,
		};
		log(formatReport(report));
		await writeReport(RESULTS, report);
		log(`Results written to ${relative(process.cwd(), RESULTS)}`);
		return 0;
	} catch (error) {
		console.error(`\nBenchmark set-up failed: ${error instanceof Error ? error.message : String(error)}`);
		return 1;
	} finally {
		await cleanUp();
	}
}

process.exitCode = await main().catch((error: unknown) => {
	console.error(`Benchmark set-up failed: ${error instanceof Error ? error.message : String(error)}`);
	return 1;
});
