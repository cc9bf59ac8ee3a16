/** The results: one row per scenario, printed as a table and written to bench/results/latest.json. */
import { execFileSync } from "node:child_process";
import { mkdir, writeFile } from "node:fs/promises";
import { cpus, loadavg, totalmem } from "node:os";
import { dirname } from "node:path";
import type { CpuSplit } from "./lib/cpu";
import type { RuntimeVersions } from "./lib/runtime";
import type { LoadResult } from "./load";
import type { FirstTokenResult } from "./probes/first-token";
import { LIGHTHOUSE_GOALS, type LighthouseResult } from "./probes/lighthouse";
import type { FanoutResult } from "./probes/message-fanout";
import type { SyncProbeResult } from "./probes/sync";
import type { Goal } from "./scenarios/types";
import type { BenchSettings } from "./settings";

export type Row = {
	id: string;
	label: string;
	baseline: boolean;
	result: LoadResult;
	/** Where the CPU went while the row was measured (Linux only). */
	cpu: CpuSplit | null;
	/** Throughput divided by the baseline's, measured in the same run. */
	ratio: number;
	goal: Goal | null;
	/** null when the row has no goal. */
	goalMet: boolean | null;
	/** The scenario's own check after the load, when it has one. */
	check: string | null;
};

export type Machine = {
	cpus: number;
	cpuModel: string;
	platform: string;
	arch: string;
	memoryGiB: number;
	loadAverage: number[];
	/** Share of all CPUs that other processes used during the second before the run (0–1). */
	busyBeforeRun: number;
};

/** Above this share of CPU used by others before the run, the figures are flagged as unreliable. */
export const BUSY_WARNING = 0.15;

function cpuTicks(): { busy: number; total: number } {
	let busy = 0;
	let total = 0;
	for (const { times } of cpus()) {
		const all = times.user + times.nice + times.sys + times.idle + times.irq;
		total += all;
		busy += all - times.idle;
	}
	return { busy, total };
}

/** How busy the machine is with other work, sampled over `ms`. */
export async function sampleBusy(ms = 1_000): Promise<number> {
	const before = cpuTicks();
	await new Promise((resolve) => setTimeout(resolve, ms));
	const after = cpuTicks();
	const total = after.total - before.total;
	return total > 0 ? Math.round(((after.busy - before.busy) / total) * 100) / 100 : 0;
}

export type Report = {
	startedAt: string;
	finishedAt: string;
	/** The checkout measured: commit, and whether it had uncommitted changes. */
	source: { commit: string; dirty: boolean } | null;
	machine: Machine;
	versions: RuntimeVersions;
	settings: BenchSettings;
	setup: string;
	rows: Row[];
	/** The assistant's time to first token over the fake provider (null when BENCH_ONLY left it out). */
	firstToken: FirstTokenResult | null;
	/** Message delivery to 100 sockets on one thread (null when BENCH_ONLY left it out). */
	fanout: FanoutResult | null;
	/** Offline sync: 100-mutation pushes and a 5,000-record first sync. */
	sync: SyncProbeResult | null;
	/** Lighthouse scores of the sign-in page and the client dashboard. */
	lighthouse: LighthouseResult | null;
};

export async function describeMachine(): Promise<Machine> {
	const list = cpus();
	const busyBeforeRun = await sampleBusy();
	return {
		busyBeforeRun,
		cpus: list.length,
		cpuModel: list[0]?.model.trim() ?? "unknown",
		platform: process.platform,
		arch: process.arch,
		memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
		loadAverage: loadavg().map((n) => Math.round(n * 100) / 100),
	};
}

/** The commit of the checkout, or null outside git. */
export function describeSource(root: string): Report["source"] {
	try {
		const git = (...args: string[]) =>
			execFileSync("git", ["-C", root, ...args], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
		return { commit: git("rev-parse", "--short", "HEAD"), dirty: git("status", "--porcelain", "--untracked-files=no") !== "" };
	} catch {
		return null;
	}
}

export function checkGoal(goal: Goal | undefined, ratio: number, result: LoadResult): boolean | null {
	if (!goal) return null;
	const ratioOk = goal.minRatio === undefined || ratio >= goal.minRatio;
	const p99Ok = goal.maxP99Ms === undefined || result.latencyMs.p99 <= goal.maxP99Ms;
	const rateOk = goal.minRequestsPerSecond === undefined || result.requestsPerSecond >= goal.minRequestsPerSecond;
	return ratioOk && p99Ok && rateOk && result.unexpected === 0;
}

function describeGoal(goal: Goal | null): string {
	if (!goal) return "";
	const parts = [];
	if (goal.minRatio !== undefined) parts.push(`≥ ${Math.round(goal.minRatio * 100)} %`);
	if (goal.maxP99Ms !== undefined) parts.push(`p99 ≤ ${goal.maxP99Ms} ms`);
	if (goal.minRequestsPerSecond !== undefined) parts.push(`≥ ${goal.minRequestsPerSecond}/s`);
	return parts.join(", ");
}

const integer = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });
const ms = (value: number) => (value < 10 ? value.toFixed(1) : integer.format(value));

export function formatTable(rows: Row[]): string {
	const header = ["scenario", "req/s", "p50 ms", "p99 ms", "ratio to baseline", "goal"];
	const lines = rows.map((row) => [
		row.label,
		integer.format(row.result.requestsPerSecond),
		ms(row.result.latencyMs.p50),
		ms(row.result.latencyMs.p99),
		row.baseline ? "1.00" : `${row.ratio.toFixed(2)} (${Math.round(row.ratio * 100)} %)`,
		row.goal ? `${describeGoal(row.goal)}: ${row.goalMet ? "met" : "MISSED"}` : "",
	]);
	const widths = header.map((title, i) => Math.max(title.length, ...lines.map((line) => (line[i] ?? "").length)));
	const render = (cells: string[]) =>
		cells
			.map((cell, i) => (i === 0 || i === cells.length - 1 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
			.join(" | ")
			.trimEnd();
	return [render(header), widths.map((w) => "-".repeat(w)).join("-|-"), ...lines.map(render)].join("\n");
}

const percent = (share: number) => `${Math.round(share * 100)} %`;

/** One line per row: how the machine's CPU time was shared while it was measured. */
function formatCpu(rows: Row[]): string[] {
	const measured = rows.filter((row) => row.cpu !== null);
	if (measured.length === 0) return [];
	const width = Math.max(...measured.map((row) => row.label.length));
	return [
		"cpu share while measured (all CPUs = 100 %):",
		...measured.map(({ label, cpu }) =>
			cpu
				? `  ${label.padEnd(width)}  workerd ${percent(cpu.workerd)}, load generator ${percent(cpu.loadGenerator)}, Miniflare's Node ${percent(cpu.serverNode)}, others ${percent(cpu.others)}, idle ${percent(cpu.idle)}`
				: "",
		),
	];
}

/** The probes' lines: fan-out, sync and Lighthouse, each when it ran. */
function formatProbes({ fanout, sync, lighthouse }: Report): string[] {
	const lines: string[] = [];
	if (fanout) {
		lines.push(
			`message fan-out (${fanout.messages} messages posted through REST, each to ${fanout.sockets} sockets on one thread): ` +
				`delivery p50 ${fanout.deliveryMs.p50} ms, p99 ${fanout.deliveryMs.p99} ms ` +
				`(per message: first socket p50 ${fanout.firstSocketMs.p50} / p99 ${fanout.firstSocketMs.p99} ms, ` +
				`first to last socket p50 ${fanout.lastMinusFirstMs.p50} / p99 ${fanout.lastMinusFirstMs.p99} ms); ` +
				(fanout.missingOrDoubled === 0
					? "every socket got every message exactly once"
					: `${fanout.missingOrDoubled} deliveries MISSING OR DOUBLED`),
		);
	}
	if (sync) {
		lines.push(
			`sync: first sync of ${integer.format(sync.records)} records p50 ${ms(sync.firstSyncMs.p50)} ms (${sync.firstSyncRatio}× a bare request), ` +
				`100-mutation push p50 ${ms(sync.pushMs.p50)} ms, p99 ${ms(sync.pushMs.p99)} ms (${sync.pushRatio}× a bare request of p50 ${sync.pingMs.p50} ms); ` +
				(sync.notApplied === 0 ? "every mutation applied" : `${sync.notApplied} mutations NOT APPLIED`),
		);
	}
	if (lighthouse) {
		const goals = Object.entries(LIGHTHOUSE_GOALS)
			.map(([id, min]) => `${id} ${min === 100 ? "100" : `≥ ${min}`}`)
			.join(", ");
		lines.push(`lighthouse 13, mobile (goals: ${goals}):`);
		for (const page of lighthouse.pages) {
			const scores = Object.entries(page.scores)
				.map(([id, score]) => `${id} ${score}`)
				.join(", ");
			const failed = page.failedRuns > 0 ? `, ${page.failedRuns} run(s) Lighthouse could not complete` : "";
			lines.push(`  ${page.page.padEnd(16)} ${scores}: ${page.goalsMet ? "met" : "MISSED"}`);
			lines.push(`  ${"".padEnd(16)} median of ${page.runs.length} runs; performance of each run: ${page.runs.join(", ")}${failed}`);
		}
	}
	return lines;
}

export function formatReport(report: Report): string {
	const { machine, versions, settings } = report;
	const notes = report.rows
		.filter((row) => row.result.unexpected > 0)
		.map(
			(row) =>
				`  ! ${row.label}: ${row.result.unexpected} unexpected responses (statuses ${JSON.stringify(row.result.statusCodes)}, errors ${row.result.errors}, timeouts ${row.result.timeouts})`,
		);
	for (const row of report.rows) {
		if (row.cpu && row.cpu.others > BUSY_WARNING) {
			notes.push(
				`  ! ${row.label}: other processes used ${Math.round(row.cpu.others * 100)} % of the CPUs while it was measured: unreliable.`,
			);
		}
	}
	if (machine.busyBeforeRun > BUSY_WARNING) {
		notes.push(
			`  ! Other processes kept ${Math.round(machine.busyBeforeRun * 100)} % of the CPUs busy before the run: these figures are unreliable; rerun on a quiet machine.`,
		);
	}
	return [
		"",
		formatTable(report.rows),
		...(notes.length > 0 ? ["", ...notes] : []),
		"",
		`machine:  ${machine.cpus} CPUs (${machine.cpuModel}), ${machine.memoryGiB} GiB, ${machine.platform}/${machine.arch}; before the run: ${Math.round(machine.busyBeforeRun * 100)} % busy, load average ${machine.loadAverage.join(" ")}`,
		`source:   ${report.source ? `${report.source.commit}${report.source.dirty ? " + uncommitted changes" : ""}` : "not a git checkout"}${report.settings.script ? " (not what ran: BENCH_SCRIPT)" : ""}`,
		`runtime:  Node ${versions.node}, wrangler ${versions.wrangler}, miniflare ${versions.miniflare}, workerd ${versions.workerd}, autocannon ${versions.autocannon}`,
		`settings: ${settings.connections} connections, ${settings.warmupSeconds} s warm-up + ${settings.durationSeconds} s measured per scenario, pipelining 1${settings.script ? `, prebuilt Worker ${settings.script}` : ""}`,
		...formatCpu(report.rows),
		...report.rows.filter((row) => row.check).map((row) => `check:    ${row.label}: ${row.check}`),
		...(report.firstToken
			? [
					`assistant time to first token (${report.firstToken.samples} sequential sends over the fake OpenAI provider): ` +
						`Atrium's overhead p50 ${report.firstToken.overheadMs.p50} ms, p99 ${report.firstToken.overheadMs.p99} ms ` +
						`(as the client sees it, fake included: p50 ${report.firstToken.totalMs.p50} ms, p99 ${report.firstToken.totalMs.p99} ms); ` +
						`POST to the provider call p50 ${report.firstToken.stagesMs.toProvider.p50} / p99 ${report.firstToken.stagesMs.toProvider.p99} ms, ` +
						`provider's first token to the client p50 ${report.firstToken.stagesMs.fromProvider.p50} / p99 ${report.firstToken.stagesMs.fromProvider.p99} ms`,
				]
			: []),
		...formatProbes(report),
		`setup:    ${report.setup}`,
		"",
	].join("\n");
}

export async function writeReport(path: string, report: Report): Promise<void> {
	await mkdir(dirname(path), { recursive: true });
	await writeFile(path, `${JSON.stringify(report, null, "\t")}\n`);
}
