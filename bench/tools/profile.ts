/**
 * `npm run bench:profile`: for the rows BENCH_ONLY names, the D1 round trips each request makes and
 * a V8 CPU profile of workerd's app isolate under the row's load. Counting: the built Worker runs
 * behind a wrapper that counts `env.DB` calls (bench/lib/d1-counter.ts); after the row's probe,
 * PROFILE_REQUESTS requests of its mix are sent one by one and the counter read before and after.
 * Profiling: workerd's inspector is opened and the app's isolate is sampled over CDP while
 * autocannon runs the row for PROFILE_SECONDS; the profile is written to
 * bench/results/profile-<row>.cpuprofile (open it in Chrome DevTools) and its heaviest functions
 * by self time are printed. PROFILE_SECONDS=0 counts only. Figures of a profiled run are not
 * bench figures: the inspector and the wrapper cost a little; use `npm run bench` for ratios.
 */
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import WebSocket from "ws";
import { FAKE_KEYS, startFakeAiServer } from "../../tests/fakes/ai-provider-server";
import { buildWorker, ROOT } from "../build";
import { D1_COUNT_HOST, type D1Count, writeD1CountingWrapper } from "../lib/d1-counter";
import { createHttpClient, type HttpClient } from "../lib/http";
import { type ServerHandle, startServer } from "../lib/server-process";
import { probe, runLoad } from "../load";
import { BASELINE, DIAGNOSTICS, SCENARIOS } from "../scenarios/index";
import type { LoadRequest, ScenarioContext } from "../scenarios/types";
import { readSettings } from "../settings";

const VARS = { ENVIRONMENT: "development", LOG_LEVEL: "warn", ASSISTANT_LOCAL_WORD_DELAY_MS: "0" };
const PROFILE_SECONDS = Number(process.env.PROFILE_SECONDS ?? 5);
const PROFILE_REQUESTS = Number(process.env.PROFILE_REQUESTS ?? 20);

type ProfileNode = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] };
type CpuProfile = { nodes: ProfileNode[]; startTime: number; endTime: number; samples: number[]; timeDeltas: number[] };

function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.once("error", reject);
		server.listen(0, "127.0.0.1", () => {
			const address = server.address();
			server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
		});
	});
}

async function readCount(http: HttpClient): Promise<D1Count> {
	return (await (await http.expect({ path: "/", host: D1_COUNT_HOST }, 200)).json()) as D1Count;
}

async function sendSequentially(http: HttpClient, requests: LoadRequest[], n: number): Promise<void> {
	for (let i = 0; i < n; i++) {
		const request = requests[i % requests.length];
		if (!request) return;
		await http.expect(
			{ method: request.method, path: request.path, host: request.host, headers: request.headers ?? {}, body: request.body },
			request.expectStatus,
		);
	}
}

/** The isolates sampled: the app, Miniflare's D1 simulator (entry and database object) and Miniflare's entry Worker. */
const TARGETS = (process.env.PROFILE_TARGETS ?? "core:user:atrium,d1:db:entry,d1:db,core:entry").split(",");

type Inspector = { target: string; call(method: string, params?: object): Promise<unknown>; close(): void };

/** A minimal CDP session over the inspector's WebSocket to one isolate. */
async function connectInspector(port: number, target: string): Promise<Inspector> {
	const socket = new WebSocket(`ws://127.0.0.1:${port}/${target}`);
	await new Promise((resolve, reject) => {
		socket.once("open", resolve);
		socket.once("error", reject);
	});
	let next = 0;
	const pending = new Map<number, (value: unknown) => void>();
	socket.on("message", (data) => {
		const message = JSON.parse(String(data)) as { id?: number; result?: unknown };
		if (message.id !== undefined) pending.get(message.id)?.(message.result);
	});
	return {
		target,
		call(method, params = {}) {
			const id = ++next;
			return new Promise((resolve) => {
				pending.set(id, resolve);
				socket.send(JSON.stringify({ id, method, params }));
			});
		},
		close: () => socket.close(),
	};
}

/** Microseconds the profile spent outside (idle). */
function busyMicros(profile: CpuProfile): number {
	const idle = new Set(profile.nodes.filter((n) => n.callFrame.functionName === "(idle)").map((n) => n.id));
	let busy = 0;
	for (const [i, id] of profile.samples.entries()) if (!idle.has(id)) busy += profile.timeDeltas[i] ?? 0;
	return busy;
}

/** The heaviest functions by self time, and the share of samples in native/idle frames. */
function summarize(profile: CpuProfile, top = 25): string {
	const byId = new Map(profile.nodes.map((n) => [n.id, n]));
	const self = new Map<string, number>();
	let total = 0;
	for (const [i, id] of profile.samples.entries()) {
		const node = byId.get(id);
		const dt = profile.timeDeltas[i] ?? 0;
		if (!node) continue;
		total += dt;
		const frame = node.callFrame;
		const file = frame.url.split("/").at(-1) ?? "";
		const key = `${frame.functionName || "(anonymous)"} ${file}${file ? `:${frame.lineNumber + 1}` : ""}`;
		self.set(key, (self.get(key) ?? 0) + dt);
	}
	const lines = [...self.entries()]
		.sort((a, b) => b[1] - a[1])
		.slice(0, top)
		.map(([key, us]) => `    ${((100 * us) / total).toFixed(1).padStart(5)} %  ${key}`);
	return [`    ${(total / 1000).toFixed(0)} ms sampled`, ...lines].join("\n");
}

async function main(): Promise<void> {
	const settings = readSettings();
	if (!settings.only) throw new Error("Name the rows to profile: BENCH_ONLY=client-list,thread-messages npm run bench:profile");
	const all = [BASELINE, ...SCENARIOS, ...DIAGNOSTICS];
	const scenarios = all.filter((s) => settings.only?.includes(s.id));
	const fakeAi = await startFakeAiServer();
	const work = await mkdtemp(join(tmpdir(), "atrium-profile-"));
	let server: ServerHandle | undefined;
	try {
		const bundle = settings.script ?? (await buildWorker(join(work, "worker")));
		const scriptPath = await writeD1CountingWrapper(bundle);
		const inspectorPort = PROFILE_SECONDS > 0 ? await freePort() : undefined;
		server = await startServer({
			scriptPath,
			wranglerConfigPath: join(ROOT, "wrangler.toml"),
			migrationsDir: join(ROOT, "migrations"),
			persistDir: join(work, "state"),
			vars: { ...VARS, OPENAI_API_KEY: FAKE_KEYS.openai, OPENAI_BASE_URL: `http://127.0.0.1:${fakeAi.port}/openai/v1` },
			importedModules: [bundle],
			...(inspectorPort === undefined ? {} : { inspectorPort }),
		});
		let ip = 0;
		const context: ScenarioContext = {
			http: createHttpClient(server.url),
			settings,
			nextClientIp: () => `10.9.${(++ip >> 8) & 255}.${ip & 255}`,
		};
		await mkdir(join(ROOT, "bench", "results"), { recursive: true });
		for (const scenario of scenarios) {
			const requests = await scenario.prepare(context);
			await probe(context.http, requests);
			const before = await readCount(context.http);
			await sendSequentially(context.http, requests, PROFILE_REQUESTS);
			const after = await readCount(context.http);
			const perRequest = (n: number) => (n / PROFILE_REQUESTS).toFixed(2);
			console.log(
				`${scenario.label}: ${perRequest(after.roundTrips - before.roundTrips)} D1 round trips, ${perRequest(after.statements - before.statements)} statements per request`,
			);
			if (inspectorPort === undefined) continue;
			const inspectors = await Promise.all(TARGETS.map((target) => connectInspector(inspectorPort, target)));
			for (const inspector of inspectors) {
				await inspector.call("Profiler.enable");
				await inspector.call("Profiler.setSamplingInterval", { interval: 100 });
				await inspector.call("Profiler.start");
			}
			const load = await runLoad({ origin: server.url, requests, connections: settings.connections, durationSeconds: PROFILE_SECONDS });
			console.log(`  ${Math.round(load.requestsPerSecond)} req/s while profiled (${load.requests} requests)`);
			for (const inspector of inspectors) {
				const { profile } = (await inspector.call("Profiler.stop")) as { profile: CpuProfile };
				inspector.close();
				const busy = busyMicros(profile);
				const name = inspector.target.replace(/[^\w-]+/g, "_");
				const file = join(ROOT, "bench", "results", `profile-${scenario.id}-${name}.cpuprofile`);
				await writeFile(file, JSON.stringify(profile));
				console.log(`  ${inspector.target}: ${Math.round(busy / Math.max(1, load.requests))} µs busy per request; ${file}`);
				if (inspector === inspectors[0]) console.log(summarize(profile));
			}
		}
	} finally {
		await server?.stop();
		fakeAi.server.close();
		await rm(work, { recursive: true, force: true });
	}
}

await main();
