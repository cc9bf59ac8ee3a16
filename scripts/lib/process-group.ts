/**
 * Child processes that never outlive their parent: each starts as the leader of its own process
 * group (so `wrangler dev` and the workerd it spawns are one group), stops as a whole group
 * (SIGTERM, then SIGKILL after a bounded wait, until no live process of the group is left), and
 * every group still running is signalled when the parent exits or gets SIGINT/SIGTERM.
 */
import { type ChildProcess, type SpawnOptions, spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";

/** Groups started here and not stopped yet, by leader pid. */
const running = new Set<number>();

function signalGroup(pgid: number, signal: NodeJS.Signals): void {
	try {
		process.kill(-pgid, signal);
	} catch {
		// No process of the group is left.
	}
}

function signalAll(signal: NodeJS.Signals): void {
	for (const pgid of running) signalGroup(pgid, signal);
}

const SIGNAL_EXIT_CODES = { SIGINT: 130, SIGTERM: 143 } as const;

function onParentSignal(signal: "SIGINT" | "SIGTERM"): void {
	signalAll("SIGTERM");
	// With no other listener, do what the signal would have done; otherwise the parent's own handler decides.
	if (process.listenerCount(signal) === 1) process.exit(SIGNAL_EXIT_CODES[signal]);
}

let hooksInstalled = false;
function installParentHooks(): void {
	if (hooksInstalled) return;
	hooksInstalled = true;
	// `exit` handlers run synchronously: a signal is all there is time for.
	process.on("exit", () => signalAll("SIGTERM"));
	for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => onParentSignal(signal));
}

/**
 * Pids of the live (not zombie) processes whose process group is `pgid`, read from /proc; on a
 * system without /proc, the leader's pid while the group can still be signalled.
 */
export function livingGroupMembers(pgid: number): number[] {
	let entries: string[];
	try {
		entries = readdirSync("/proc");
	} catch {
		try {
			process.kill(-pgid, 0);
			return [pgid];
		} catch {
			return [];
		}
	}
	const members: number[] = [];
	for (const entry of entries) {
		if (!/^\d+$/.test(entry)) continue;
		let stat: string;
		try {
			stat = readFileSync(`/proc/${entry}/stat`, "utf8");
		} catch {
			continue; // Gone meanwhile.
		}
		// After "pid (comm) ": state, ppid, pgrp, … (comm may hold spaces and parentheses).
		const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
		if (Number(fields[2]) === pgid && fields[0] !== "Z" && fields[0] !== "X") members.push(Number(entry));
	}
	return members;
}

/** Starts `command` as the leader of a new process group that `stopGroup` (or the parent's exit) ends. */
export function spawnGroup(command: string, args: string[], options: SpawnOptions = {}): ChildProcess {
	installParentHooks();
	const child = spawn(command, args, { ...options, detached: true });
	const pgid = child.pid;
	if (pgid !== undefined) {
		running.add(pgid);
		child.once("exit", () => {
			// The leader is gone; its group may not be, so it stays tracked until stopGroup checks.
			if (livingGroupMembers(pgid).length === 0) running.delete(pgid);
		});
	}
	return child;
}

async function groupEmpty(pgid: number, timeoutMs: number): Promise<boolean> {
	const deadline = Date.now() + timeoutMs;
	while (livingGroupMembers(pgid).length > 0) {
		if (Date.now() >= deadline) return false;
		await new Promise((resolve) => setTimeout(resolve, 50));
	}
	return true;
}

/**
 * Stops the whole group `child` leads: SIGTERM (sent before this returns its promise), then SIGKILL
 * if anything of it is still alive after `graceMs`; resolves once no live process of the group is left.
 */
export async function stopGroup(child: ChildProcess, graceMs = 5_000): Promise<void> {
	const pgid = child.pid;
	if (pgid === undefined) return;
	signalGroup(pgid, "SIGTERM");
	if (!(await groupEmpty(pgid, graceMs))) {
		signalGroup(pgid, "SIGKILL");
		if (!(await groupEmpty(pgid, 5_000))) throw new Error(`process group ${pgid} survived SIGKILL: ${livingGroupMembers(pgid).join(", ")}`);
	}
	running.delete(pgid);
}
