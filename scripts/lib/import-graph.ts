/**
 * The project's import graph and its cycles. TypeScript's own parser (the `typescript` package's
 * API) lists each file's module specifiers — static
 * imports, `import type`, `export … from`, `import()` (lazy pages and other dynamic imports) and
 * `import("…")` types — and the relative ones are resolved to files the way the bundler resolves
 * them. A cycle is a strongly connected group of files (Tarjan), reported as one concrete loop.
 */
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { isStringLiteralLikeNode } from "typescript/unstable/ast/is";
import { API } from "typescript/unstable/sync";

/** file → the files it imports, both as paths relative to the repository root. */
export type ImportGraph = ReadonlyMap<string, readonly string[]>;

const EXTENSIONS = ["", ".ts", ".tsx", ".d.ts", "/index.ts", "/index.tsx"];

/** The file a relative specifier names (`./x`, `./x.ts`, `./x.js` for `./x.ts`, `./dir` for its index), if any. */
export function resolveRelative(fromFile: string, specifier: string): string | null {
	const base = resolve(dirname(fromFile), specifier.replace(/\?.*$/, ""));
	const candidates = [...EXTENSIONS.map((ext) => base + ext), base.replace(/\.js$/, ".ts"), base.replace(/\.js$/, ".tsx")];
	return candidates.find((file) => /\.tsx?$/.test(file) && existsSync(file) && statSync(file).isFile()) ?? null;
}

/**
 * The graph of imports between the files under `folders` (relative to `root`). The files are parsed
 * as one throwaway project (a tsconfig in a temporary folder: no libraries, no module resolution),
 * so only our own files are read; imports of packages and of files outside `folders` are left out.
 */
export function importGraph(root: string, folders: readonly string[]): ImportGraph {
	const inside = (file: string) => folders.some((folder) => file.startsWith(`${join(root, folder)}/`));
	const dir = mkdtempSync(join(tmpdir(), "import-graph-"));
	const config = join(dir, "tsconfig.json");
	const include = folders.flatMap((folder) => [join(root, folder, "**/*.ts"), join(root, folder, "**/*.tsx")]);
	writeFileSync(config, JSON.stringify({ compilerOptions: { noLib: true, noResolve: true, types: [], jsx: "preserve" }, include }));
	const api = new API({ cwd: root });
	try {
		const program = api.updateSnapshot({ openProjects: [config] }).getProjects()[0]?.program;
		const graph = new Map<string, string[]>();
		for (const file of program?.getSourceFileNames() ?? []) {
			if (!inside(file)) continue;
			const targets = new Set<string>();
			for (const node of program?.getSourceFile(file)?.imports ?? []) {
				if (!isStringLiteralLikeNode(node) || !node.text.startsWith(".")) continue;
				const target = resolveRelative(file, node.text);
				if (target && inside(target)) targets.add(relative(root, target));
			}
			graph.set(relative(root, file), [...targets].sort());
		}
		return graph;
	} finally {
		api.close();
		rmSync(dir, { recursive: true, force: true });
	}
}

/** Groups of files that import each other (directly or through others), each as one loop `a → b → … → a`. */
export function importCycles(graph: ImportGraph): string[][] {
	let counter = 0;
	const index = new Map<string, number>();
	const low = new Map<string, number>();
	const stack: string[] = [];
	const onStack = new Set<string>();
	const groups: string[][] = [];
	const visit = (file: string) => {
		index.set(file, counter);
		low.set(file, counter++);
		stack.push(file);
		onStack.add(file);
		for (const next of graph.get(file) ?? []) {
			if (!index.has(next)) {
				visit(next);
				low.set(file, Math.min(low.get(file) ?? 0, low.get(next) ?? 0));
			} else if (onStack.has(next)) low.set(file, Math.min(low.get(file) ?? 0, index.get(next) ?? 0));
		}
		if (low.get(file) !== index.get(file)) return;
		const group: string[] = [];
		let member: string | undefined;
		do {
			member = stack.pop();
			if (member === undefined) break;
			onStack.delete(member);
			group.push(member);
		} while (member !== file);
		if (group.length > 1 || graph.get(file)?.includes(file)) groups.push(group);
	};
	for (const file of [...graph.keys()].sort()) if (!index.has(file)) visit(file);
	return groups.map((group) => loopThrough(graph, new Set(group)));
}

/** The shortest loop from the group's first file (by name) back to itself, staying inside the group. */
function loopThrough(graph: ImportGraph, group: ReadonlySet<string>): string[] {
	const start = [...group].sort()[0] ?? "";
	const previous = new Map<string, string>();
	const queue = [start];
	for (let i = 0; i < queue.length; i++) {
		const file = queue[i] ?? "";
		for (const next of graph.get(file) ?? []) {
			if (!group.has(next)) continue;
			if (next === start) {
				const loop = [file];
				for (let at = previous.get(file); at !== undefined; at = previous.get(at)) loop.unshift(at);
				return [...loop, start];
			}
			if (!previous.has(next) && next !== start) {
				previous.set(next, file);
				queue.push(next);
			}
		}
	}
	return [start, start];
}
