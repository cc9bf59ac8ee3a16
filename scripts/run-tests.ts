/**
 * `npm test`: the whole suite as two lanes side by side — the Worker and unit tests, and the e2e
 * tests (two files at a time, each against its own station: vitest.config.ts), each lane its own
 * vitest process. In one vitest process the e2e files would start only after the Worker tests end
 * (projects with different `maxWorkers` run one group after another). With arguments it is one plain
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
				{ name: "worker+unit", command: process.execPath, args: run(["--project", "worker", "--project", "unit"]) },
			];

const started = performance.now();
const results = await runLanes(lanes, (text) => process.stdout.write(text));
process.stdout.write(`\n${laneSummary(results, (performance.now() - started) / 1000)}\n`);
process.exitCode = results.some((r) => r.code !== 0) ? 1 : 0;
