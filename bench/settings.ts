/**
 * Run settings, from the environment: BENCH_DURATION (seconds measured per scenario, default 10),
 * BENCH_WARMUP (seconds of discarded load before each, default 2), BENCH_CONNECTIONS (default 50)
 * BENCH_ONLY (comma-separated scenario ids; the baseline always runs) and BENCH_SCRIPT (an already
 * built Worker bundle to run instead of building this checkout, e.g. to compare two builds).
 */
import { resolve } from "node:path";

export type BenchSettings = {
	durationSeconds: number;
	warmupSeconds: number;
	connections: number;
	only: string[] | null;
	/** A prebuilt `index.js`; null builds the checkout. */
	script: string | null;
};

function positiveNumber(name: string, fallback: number, options: { integer?: boolean; allowZero?: boolean } = {}): number {
	const raw = process.env[name];
	if (raw === undefined || raw.trim() === "") return fallback;
	const value = Number(raw);
	const valid = Number.isFinite(value) && (options.allowZero ? value >= 0 : value > 0) && (!options.integer || Number.isInteger(value));
	if (!valid) throw new Error(`${name}=${raw} is not a ${options.integer ? "whole " : ""}number${options.allowZero ? " ≥ 0" : " > 0"}.`);
	return value;
}

export function readSettings(): BenchSettings {
	const only = process.env.BENCH_ONLY?.split(",")
		.map((id) => id.trim())
		.filter((id) => id !== "");
	return {
		durationSeconds: positiveNumber("BENCH_DURATION", 10),
		warmupSeconds: positiveNumber("BENCH_WARMUP", 2, { allowZero: true }),
		connections: positiveNumber("BENCH_CONNECTIONS", 50, { integer: true }),
		only: only && only.length > 0 ? only : null,
		script: process.env.BENCH_SCRIPT?.trim() ? resolve(process.env.BENCH_SCRIPT.trim()) : null,
	};
}
