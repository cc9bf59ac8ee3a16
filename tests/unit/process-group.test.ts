/**
 * Nothing the tests or `npm run bench` start outlives them: `wrangler dev` (and the workerd it
 * spawns) run as one process group that stopping ends entirely — also when a member ignores
 * SIGTERM, and when the parent exits or is sent SIGTERM without stopping it.
 */
import { type ChildProcess, execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { freePort } from "../../scripts/lib/free-port";
import { livingGroupMembers, spawnGroup, stopGroup } from "../../scripts/lib/process-group";
import { startWranglerDev, stopProcessGroup, waitForHttp } from "../../scripts/lib/wrangler";

const started: number[] = [];
afterEach(() => {
	// A failed test must not leak its group either.
	for (const pgid of started.splice(0)) {
		try {
			process.kill(-pgid, "SIGKILL");
		} catch {
			// Gone.
		}
	}
});

function track(child: ChildProcess): number {
	if (child.pid === undefined) throw new Error("not started");
	started.push(child.pid);
	return child.pid;
}

async function membersAtLeast(pgid: number, count: number): Promise<number[]> {
	await expect.poll(() => livingGroupMembers(pgid).length, { timeout: 10_000, interval: 20 }).toBeGreaterThanOrEqual(count);
	return livingGroupMembers(pgid);
}

/** Runs a Node process (with tsx) that starts a group, prints its pgid, then does `then`; resolves its pgid and exit code. */
function parentThat(then: string): Promise<{ pgid: number; code: number | null; signal: string | null }> {
	const module = new URL("../../scripts/lib/process-group.ts", import.meta.url).pathname;
	const source = `import { spawnGroup } from ${JSON.stringify(module)};
const child = spawnGroup("sh", ["-c", "sleep 300 & sleep 300 & wait"], { stdio: "ignore" });
console.log(child.pid);
setTimeout(() => { ${then} }, 300);`;
	return new Promise((resolve, reject) => {
		const parent = execFile(process.execPath, ["--import", "tsx", "--input-type=module", "--eval", source], (error, stdout) => {
			const pgid = Number(stdout.trim());
			if (!pgid) reject(error ?? new Error(`no pgid printed: ${stdout}`));
			else resolve({ pgid, code: parent.exitCode, signal: parent.signalCode });
		});
	});
}

describe("process groups", () => {
	it("stopGroup ends the leader and every process it started, leaving none of the group alive", async () => {
		const child = spawnGroup("sh", ["-c", "sleep 300 & sleep 300 & wait"], { stdio: "ignore" });
		const pgid = track(child);
		expect(await membersAtLeast(pgid, 3)).toContain(pgid);
		await stopGroup(child);
		expect(livingGroupMembers(pgid)).toEqual([]);
	});

	it("a member that ignores SIGTERM is killed after the bounded wait", async () => {
		const child = spawnGroup("sh", ["-c", "trap '' TERM; sleep 300 & wait"], { stdio: "ignore" });
		const pgid = track(child);
		await membersAtLeast(pgid, 2);
		const startedAt = Date.now();
		await stopGroup(child, 300);
		expect(livingGroupMembers(pgid)).toEqual([]);
		expect(Date.now() - startedAt).toBeLessThan(5_000);
	});

	it("a parent that exits without stopping its group takes the group with it", async () => {
		const { pgid, code } = await parentThat("process.exit(0)");
		started.push(pgid);
		expect(code).toBe(0);
		await expect.poll(() => livingGroupMembers(pgid), { timeout: 5_000, interval: 20 }).toEqual([]);
	});

	it("a parent sent SIGTERM ends its groups and exits as SIGTERM would", async () => {
		const { pgid, code } = await parentThat("process.kill(process.pid, 'SIGTERM')");
		started.push(pgid);
		expect(code).toBe(143);
		await expect.poll(() => livingGroupMembers(pgid), { timeout: 5_000, interval: 20 }).toEqual([]);
	});

	it("stopping wrangler dev leaves neither wrangler nor its workerd running", async () => {
		const dir = await mkdtemp(join(tmpdir(), "atrium-group-"));
		try {
			await writeFile(join(dir, "worker.js"), 'export default { fetch: () => new Response("up") };\n');
			await writeFile(join(dir, "wrangler.toml"), 'name = "group-test"\nmain = "worker.js"\ncompatibility_date = "2025-01-01"\n');
			const port = await freePort();
			const child = startWranglerDev([
				"--config",
				join(dir, "wrangler.toml"),
				"--port",
				String(port),
				"--ip",
				"127.0.0.1",
				"--persist-to",
				join(dir, "state"),
				"--show-interactive-dev-session=false",
			]);
			const pgid = track(child);
			await waitForHttp(`http://127.0.0.1:${port}/`, 60_000);
			const names = livingGroupMembers(pgid).map((pid) => commandName(pid));
			expect(names).toContain("workerd");
			await stopProcessGroup(child);
			expect(livingGroupMembers(pgid)).toEqual([]);
		} finally {
			await rm(dir, { recursive: true, force: true });
		}
	}, 90_000);
});

function commandName(pid: number): string {
	try {
		const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
		return stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
	} catch {
		return "";
	}
}
