/**
 * Runs commands side by side as lanes of one test run: each lane is its own process group
 * (process-group.ts, so nothing a lane starts outlives the run), its output lines are passed on as
 * they come with the lane's name in front, and the run answers each lane's exit code and seconds.
 */
import { spawnGroup, stopGroup } from "./process-group";

export type Lane = { name: string; command: string; args: string[] };
export type LaneResult = { name: string; code: number; seconds: number };

/** Prefixes each complete line of a stream with `[name] `; keeps a partial last line until it ends. */
export function linePrefixer(name: string, write: (text: string) => void): { push(chunk: string): void; end(): void } {
	let pending = "";
	return {
		push(chunk) {
			const lines = (pending + chunk).split("\n");
			pending = lines.pop() ?? "";
			for (const line of lines) write(`[${name}] ${line}\n`);
		},
		end() {
			if (pending) write(`[${name}] ${pending}\n`);
			pending = "";
		},
	};
}

function runLane(lane: Lane, write: (text: string) => void, env: NodeJS.ProcessEnv): Promise<LaneResult> {
	const started = performance.now();
	const child = spawnGroup(lane.command, lane.args, { env, stdio: ["ignore", "pipe", "pipe"] });
	const out = linePrefixer(lane.name, write);
	child.stdout?.setEncoding("utf8").on("data", (chunk: string) => out.push(chunk));
	child.stderr?.setEncoding("utf8").on("data", (chunk: string) => out.push(chunk));
	return new Promise((resolve) => {
		child.once("close", async (code, signal) => {
			out.end();
			// The lane's leader is done; anything it left behind in its group goes too.
			await stopGroup(child, 2_000).catch(() => {});
			resolve({ name: lane.name, code: code ?? (signal ? 128 : 1), seconds: (performance.now() - started) / 1000 });
		});
	});
}

/** Runs every lane at once and answers when all have ended, in the lanes' order. */
export function runLanes(lanes: Lane[], write: (text: string) => void, env: NodeJS.ProcessEnv = process.env): Promise<LaneResult[]> {
	return Promise.all(lanes.map((lane) => runLane(lane, write, env)));
}

/** One line per lane and the run's verdict, for the end of the output. */
export function laneSummary(results: LaneResult[], totalSeconds: number): string {
	const rows = results.map(
		(r) => `  ${r.name.padEnd(12)} ${r.code === 0 ? "passed" : `FAILED (exit ${r.code})`} in ${Math.round(r.seconds)} s`,
	);
	const failed = results.some((r) => r.code !== 0);
	return [`Test lanes (side by side), ${failed ? "FAILED" : "passed"} in ${Math.round(totalSeconds)} s:`, ...rows].join("\n");
}
