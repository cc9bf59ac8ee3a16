/**
 * `npm test` runs its lanes side by side (scripts/run-tests.ts): every lane's output reaches the
 * log line by line under its name, a failing lane fails the run while the others still finish, the
 * lanes really overlap, and nothing a lane started outlives it.
 */
import { describe, expect, it } from "vitest";
import { laneSummary, linePrefixer, runLanes } from "../../scripts/lib/test-lanes";

const node = (script: string) => ({ command: process.execPath, args: ["-e", script] });

describe("test lanes", () => {
	it("prefixes whole lines, holding a partial line until it ends", () => {
		const seen: string[] = [];
		const out = linePrefixer("e2e", (text) => seen.push(text));
		out.push("one\ntw");
		out.push("o\nthr");
		expect(seen).toEqual(["[e2e] one\n", "[e2e] two\n"]);
		out.end();
		expect(seen.at(-1)).toBe("[e2e] thr\n");
	});

	it("runs lanes at the same time, answers each exit code, and fails the summary when one failed", async () => {
		const output: string[] = [];
		// Each lane waits until the other has written its file: only lanes that overlap can both finish.
		const dir = `/tmp/atrium-lanes-${process.pid}-${Date.now()}`;
		const waitFor = (mine: string, theirs: string, code: number) =>
			node(`
				const fs = require("node:fs");
				fs.mkdirSync(${JSON.stringify(dir)}, { recursive: true });
				fs.writeFileSync(${JSON.stringify(`${dir}/`)} + ${JSON.stringify(mine)}, "");
				const deadline = Date.now() + 10000;
				const poll = () => {
					if (fs.existsSync(${JSON.stringify(`${dir}/`)} + ${JSON.stringify(theirs)})) { console.log("saw ${theirs}"); process.exit(${code}); }
					if (Date.now() > deadline) { console.log("alone"); process.exit(9); }
					setTimeout(poll, 10);
				};
				poll();`);
		const results = await runLanes(
			[
				{ name: "a", ...waitFor("a", "b", 0) },
				{ name: "b", ...waitFor("b", "a", 3) },
			],
			(text) => output.push(text),
		);
		expect(results.map((r) => [r.name, r.code])).toEqual([
			["a", 0],
			["b", 3],
		]);
		expect(output.sort()).toEqual(["[a] saw b\n", "[b] saw a\n"]);
		const summary = laneSummary(results, 12.4);
		expect(summary).toContain("FAILED in 12 s");
		expect(summary).toContain("b            FAILED (exit 3)");
		expect(laneSummary([results[0] as (typeof results)[0]], 1)).toContain("passed in 1 s");
	});

	it("leaves nothing running that a lane started", async () => {
		const output: string[] = [];
		// The lane starts a long sleeper (in the lane's process group) and exits at once.
		const [result] = await runLanes(
			[
				{
					name: "leaky",
					...node(
						`const c = require("node:child_process").spawn(process.execPath, ["-e", "setTimeout(() => {}, 60000)"], { stdio: "ignore" }); console.log(c.pid); c.unref();`,
					),
				},
			],
			(text) => output.push(text),
		);
		expect(result?.code).toBe(0);
		const sleeper = Number(output.join("").replace("[leaky] ", "").trim());
		expect(sleeper).toBeGreaterThan(0);
		await expect.poll(() => isAlive(sleeper), { timeout: 5_000, interval: 20 }).toBe(false);
	});
});

function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}
