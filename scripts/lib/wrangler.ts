/** Running wrangler from scripts with Node 22 and the offline-friendly environment TOOLING.md asks for. */
import { type ChildProcess, spawn } from "node:child_process";
import { spawnGroup, stopGroup } from "./process-group";

export const WRANGLER_ENV = {
	...process.env,
	WRANGLER_SEND_METRICS: "false",
	CLOUDFLARE_CF_FETCH_ENABLED: "false",
};

/** Runs `wrangler <args>` to completion and returns its stdout; throws with its output on failure. */
export function wrangler(args: string[], options: { quiet?: boolean } = {}): Promise<string> {
	return new Promise((resolve, reject) => {
		const child = spawn("wrangler", args, { env: WRANGLER_ENV, stdio: ["ignore", "pipe", "pipe"] });
		let out = "";
		let err = "";
		child.stdout.on("data", (d: Buffer) => {
			out += d;
			if (!options.quiet) process.stdout.write(d);
		});
		child.stderr.on("data", (d: Buffer) => {
			err += d;
		});
		child.on("close", (code) =>
			code === 0 ? resolve(out) : reject(new Error(`wrangler ${args.join(" ")} failed (${code}):\n${out}\n${err}`)),
		);
	});
}

/** Starts `wrangler dev` in its own process group, so stopping it stops workerd too (and so does this process's exit). */
export function startWranglerDev(args: string[], onOutput?: (line: string) => void): ChildProcess {
	const child = spawnGroup("wrangler", ["dev", ...args], { env: WRANGLER_ENV, stdio: ["ignore", "pipe", "pipe"] });
	const forward = (d: Buffer) => {
		const text = String(d);
		if (onOutput) onOutput(text);
	};
	child.stdout?.on("data", forward);
	child.stderr?.on("data", forward);
	return child;
}

/** Stops a process started by `startWranglerDev` with its whole group (workerd included), SIGKILL after a bounded wait. */
export function stopProcessGroup(child: ChildProcess): Promise<void> {
	return stopGroup(child);
}

/** Polls `url` until it answers 200, within `timeoutMs`. */
export async function waitForHttp(url: string, timeoutMs: number, headers: Record<string, string> = {}): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	let lastError = "";
	while (Date.now() < deadline) {
		try {
			const res = await fetch(url, { headers });
			if (res.ok) return;
			lastError = `HTTP ${res.status}`;
		} catch (error) {
			lastError = String(error);
		}
		await new Promise((r) => setTimeout(r, 250));
	}
	throw new Error(`${url} did not answer within ${timeoutMs} ms (${lastError})`);
}
