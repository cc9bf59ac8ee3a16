/**
 * The Miniflare that wrangler itself runs, resolved from wrangler's own directory, so the benchmark
 * uses the same workerd as `wrangler dev` whatever npm hoists; and the versions of the tools in use.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const ROOT = join(import.meta.dirname, "..", "..");
const requireFromRoot = createRequire(join(ROOT, "package.json"));
const wranglerPackage = requireFromRoot.resolve("wrangler/package.json");
const requireFromWrangler = createRequire(wranglerPackage);
const miniflarePackage = requireFromWrangler.resolve("miniflare/package.json");
const requireFromMiniflare = createRequire(miniflarePackage);

/** wrangler's CLI script, to run with this Node (22) whatever `node` is first on the PATH. */
export function wranglerBin(): string {
	const { bin } = JSON.parse(readFileSync(wranglerPackage, "utf8")) as { bin: string | Record<string, string> };
	const script = typeof bin === "string" ? bin : bin.wrangler;
	if (!script) throw new Error(`no wrangler bin in ${wranglerPackage}`);
	return join(dirname(wranglerPackage), script);
}

export type MiniflareModule = typeof import("miniflare");

export function loadMiniflare(): MiniflareModule {
	return requireFromWrangler("miniflare") as MiniflareModule;
}

function versionAt(packageJson: string): string {
	return (JSON.parse(readFileSync(packageJson, "utf8")) as { version: string }).version;
}

export type RuntimeVersions = { node: string; wrangler: string; miniflare: string; workerd: string; autocannon: string };

export function runtimeVersions(): RuntimeVersions {
	return {
		node: process.versions.node,
		wrangler: versionAt(wranglerPackage),
		miniflare: versionAt(miniflarePackage),
		workerd: versionAt(requireFromMiniflare.resolve("workerd/package.json")),
		autocannon: versionAt(join(dirname(requireFromRoot.resolve("autocannon")), "package.json")),
	};
}
