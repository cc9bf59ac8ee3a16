/**
 * Where the CPU went while a scenario was measured (Linux /proc; null elsewhere): the load
 * generator (this process), the server process (Node hosting Miniflare), workerd, and everything
 * else on the machine. A large "others" share means another job competed and the row is noisy.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";

/** Shares of the whole machine (all CPUs = 1). */
export type CpuSplit = { loadGenerator: number; serverNode: number; workerd: number; others: number; idle: number };

type Snapshot = { total: number; idle: number; perPid: Map<number, number> };

const PROC = "/proc";

function readStat(pid: number): { ppid: number; ticks: number } | null {
	try {
		const text = readFileSync(`${PROC}/${pid}/stat`, "utf8");
		// Fields after the command name, which is in parentheses and may contain spaces.
		const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
		const ppid = Number(fields[1]);
		const ticks = Number(fields[11]) + Number(fields[12]); // utime + stime
		return Number.isFinite(ppid) && Number.isFinite(ticks) ? { ppid, ticks } : null;
	} catch {
		return null;
	}
}

/** This process and its descendants, with their CPU ticks so far. */
function ourProcesses(): Map<number, { ppid: number; ticks: number }> {
	const all = new Map<number, { ppid: number; ticks: number }>();
	for (const entry of readdirSync(PROC)) {
		const pid = Number(entry);
		if (!Number.isInteger(pid)) continue;
		const stat = readStat(pid);
		if (stat) all.set(pid, stat);
	}
	const ours = new Map<number, { ppid: number; ticks: number }>();
	const mine = all.get(process.pid);
	if (mine) ours.set(process.pid, mine);
	let grew = true;
	while (grew) {
		grew = false;
		for (const [pid, stat] of all) {
			if (!ours.has(pid) && ours.has(stat.ppid)) {
				ours.set(pid, stat);
				grew = true;
			}
		}
	}
	return ours;
}

function snapshot(): Snapshot {
	const line = readFileSync(`${PROC}/stat`, "utf8").split("\n")[0] ?? "";
	const [, ...values] = line.trim().split(/\s+/);
	const ticks = values.slice(0, 8).map(Number); // user nice system idle iowait irq softirq steal
	const total = ticks.reduce((sum, n) => sum + n, 0);
	const idle = (ticks[3] ?? 0) + (ticks[4] ?? 0);
	const perPid = new Map([...ourProcesses()].map(([pid, { ticks: t }]) => [pid, t]));
	return { total, idle, perPid };
}

export type CpuMeter = { stop(): CpuSplit | null };

/** Starts measuring; `serverPid` is the server process (its descendants are workerd). */
export function startCpuMeter(serverPid: number | undefined): CpuMeter {
	if (!existsSync(`${PROC}/stat`)) return { stop: () => null };
	const before = snapshot();
	return {
		stop() {
			const after = snapshot();
			const total = after.total - before.total;
			if (total <= 0) return null;
			const delta = (pid: number) => (after.perPid.get(pid) ?? 0) - (before.perPid.get(pid) ?? 0);
			let loadGenerator = 0;
			let serverNode = 0;
			let workerd = 0;
			for (const pid of after.perPid.keys()) {
				if (pid === process.pid) loadGenerator += delta(pid);
				else if (pid === serverPid) serverNode += delta(pid);
				else workerd += delta(pid);
			}
			const busy = total - (after.idle - before.idle);
			const share = (n: number) => Math.round((Math.max(0, n) / total) * 100) / 100;
			return {
				loadGenerator: share(loadGenerator),
				serverNode: share(serverNode),
				workerd: share(workerd),
				others: share(busy - loadGenerator - serverNode - workerd),
				idle: share(after.idle - before.idle),
			};
		},
	};
}
