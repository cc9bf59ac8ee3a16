/**
 * A build budget: the JavaScript a phone must download before the first page shows (the entry
 * chunk and everything it imports statically, not the lazily loaded pages) must stay under
 * 60 KB gzipped. The build prints the figure and fails above the budget.
 */
import { gzipSync } from "node:zlib";
import type { Plugin } from "vite";

export const INITIAL_JS_BUDGET_BYTES = 60 * 1024;

type ChunkLike = { type: "chunk"; isEntry: boolean; imports: string[]; code: string; fileName: string };
type OutputLike = ChunkLike | { type: "asset" };

/** The entry's chunk and its static imports, transitively. */
export function initialChunks(bundle: Record<string, OutputLike>, entryFileName: string): ChunkLike[] {
	const seen = new Map<string, ChunkLike>();
	const visit = (fileName: string) => {
		const output = bundle[fileName];
		if (output?.type !== "chunk" || seen.has(fileName)) return;
		seen.set(fileName, output);
		for (const imported of output.imports) visit(imported);
	};
	visit(entryFileName);
	return [...seen.values()];
}

export function initialJsBudget(budget = INITIAL_JS_BUDGET_BYTES): Plugin {
	return {
		name: "atrium-initial-js-budget",
		apply: "build",
		generateBundle(_options, bundle) {
			const outputs = bundle as unknown as Record<string, OutputLike>;
			const entry = Object.values(outputs).find((o): o is ChunkLike => o.type === "chunk" && o.isEntry && !o.fileName.includes("sw"));
			if (!entry) return;
			const chunks = initialChunks(outputs, entry.fileName);
			const gzipped = chunks.reduce((total, chunk) => total + gzipSync(chunk.code, { level: 9 }).length, 0);
			const kb = (gzipped / 1024).toFixed(1);
			this.info(`initial JavaScript: ${kb} KB gzipped (${chunks.map((c) => c.fileName).join(", ")}); budget ${budget / 1024} KB`);
			if (gzipped > budget)
				this.error(
					`Initial JavaScript is ${kb} KB gzipped, over the ${budget / 1024} KB budget. Lazy-load what the first page does not need.`,
				);
		},
	};
}
