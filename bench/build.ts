/**
 * Bundles the Worker exactly as a deploy would (`wrangler deploy --dry-run --outdir`), into a
 * throw-away directory, with the Node that runs the benchmark.
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { wranglerBin } from "./lib/runtime";

export const ROOT = join(import.meta.dirname, "..");

/** Offline-friendly wrangler environment (TOOLING.md, "Workers runtime"). */
export const WRANGLER_ENV: NodeJS.ProcessEnv = {
	...process.env,
	WRANGLER_SEND_METRICS: "false",
	CLOUDFLARE_CF_FETCH_ENABLED: "false",
	X_LOCAL_OBSERVABILITY: "false",
	X_LOCAL_EXPLORER: "false",
};

/** wrangler insists that the assets directory exists; the PWA build normally fills it. */
async function ensureAssetsDirectory(): Promise<void> {
	const dir = join(ROOT, "dist", "pwa");
	if (existsSync(join(dir, "index.html"))) return;
	await mkdir(dir, { recursive: true });
	await writeFile(join(dir, "index.html"), "");
}

/** Builds the Worker into `outDir` and returns the path of its entry module. */
export async function buildWorker(outDir: string): Promise<string> {
	await ensureAssetsDirectory();
	const args = [wranglerBin(), "deploy", "--dry-run", "--outdir", outDir];
	await new Promise<void>((resolve, reject) => {
		const child = spawn(process.execPath, args, { cwd: ROOT, env: WRANGLER_ENV, stdio: ["ignore", "pipe", "pipe"] });
		let output = "";
		child.stdout.on("data", (chunk: Buffer) => {
			output += chunk;
		});
		child.stderr.on("data", (chunk: Buffer) => {
			output += chunk;
		});
		child.on("error", reject);
		child.on("close", (code) => (code === 0 ? resolve() : reject(new Error(`wrangler deploy --dry-run failed (${code}):\n${output}`))));
	});
	const entry = join(outDir, "index.js");
	if (!existsSync(entry)) throw new Error(`wrangler built no ${entry}`);
	return entry;
}
