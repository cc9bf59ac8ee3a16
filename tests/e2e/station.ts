/**
 * The station (app, Chromium, fakes; tests/e2e/global-setup.ts) of the pool slot this file runs in.
 * Vitest numbers the e2e project's slots 1…maxWorkers (`VITEST_POOL_ID`) and never runs two files in
 * one slot at once, so a file has its station to itself.
 */
import { inject } from "vitest";
import type { E2eStation } from "./global-setup";

export function station(): E2eStation {
	const stations = inject("stations");
	const slot = Number(process.env.VITEST_POOL_ID ?? "1");
	const mine = stations[slot - 1];
	if (!mine) throw new Error(`No e2e station for pool slot ${slot}: the set-up started ${stations.length}.`);
	return mine;
}
