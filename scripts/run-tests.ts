/**
 * `npm test`: the whole suite as three lanes side by side — the Worker and unit tests, and the two
 * e2e lanes (vitest.config.ts), each its own vitest process. In one vitest process the e2e files of
 * both lanes ran one at a time after the Worker tests (a project with `fileParallelism: false` goes
 * into vitest's final sequential group), so nothing overlapped. With arguments it is one plain
 * `vitest run <arguments>` (e.g. `npm test -- tests/worker/sso.test.ts`).
 */
import { fileURLToPath } from "node:url";
import { type Lane, laneSummary, runLanes } from "./lib/test-lanes";

const vitest = fileURLToPath(new URL("../node_modules/vitest/vitest.mjs", import.meta.url));
const run = (args: string[]): Lane["args"] => [vitest, "run", ...args];

const extra = process.argv.slice(2);
const lanes: Lane[] =
	extra.length > 0
		? [{ name: "vitest", command: process.execPath, args: run(extra) }]
		: [
				{ name: "e2e", command: process.execPath, args: run(["--project", "e2e"]) },
				{ name: "e2e-2", command: process.execPath, args: run(["--project", "e2e-2"]) },
				{ name: "worker+unit", command: process.execPath, args: run(["--project", "worker", "--project", "unit"]) },
			];

const started = performance.now();
const results = await runLanes(lanes, (text) => process.stdout.write(text));
process.stdout.write(`\n${laneSummary(results, (performance.now() - started) / 1000)}\n`);
process.exitCode = results.some((r) => r.code !== 0) ? 1 : 0;
