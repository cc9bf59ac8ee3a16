/**
 * No import cycles in the code that ships or serves the tests: the Worker, its Durable Objects,
 * the PWA, the shared schema, and the scripts and fakes. Every import counts — `import type`, lazy
 * `import()` pages, re-exports — because a cycle of any kind ties the files together (a module
 * evaluated half-way, a chunk that cannot be split, a change that ripples around the loop). Break
 * one by moving what both sides share into a module of its own (docs/ARCHITECTURE.md, "Import cycles").
 */
import { describe, expect, it } from "vitest";
import { type ImportGraph, importCycles, importGraph } from "../../scripts/lib/import-graph";

const ROOT = new URL("../..", import.meta.url).pathname;
const FOLDERS = ["worker", "durable-objects", "pwa/src", "schema", "scripts", "tests/fakes", "tests/support"];

describe("import cycles", () => {
	// Parsing every file (~900) takes 5–10 s alone and over 40 s beside the e2e lane on a loaded 2-core machine.
	it("none in worker/, durable-objects/, pwa/src/, schema/, scripts/, tests/fakes/ and tests/support/", () => {
		const graph = importGraph(ROOT, FOLDERS);
		// The graph is the real one: the app's entry points and their imports are in it.
		expect(graph.get("worker/index.ts")).toContain("worker/app.ts");
		expect(graph.get("pwa/src/main.tsx")?.length).toBeGreaterThan(0);
		expect(importCycles(graph).map((loop) => loop.join(" → "))).toEqual([]);
	}, 120_000);

	it("the detector finds a loop of any length, a file importing itself, and nothing in a tree", () => {
		const graph: ImportGraph = new Map([
			["a.ts", ["b.ts"]],
			["b.ts", ["c.ts", "d.ts"]],
			["c.ts", ["a.ts"]],
			["d.ts", ["e.ts"]],
			["e.ts", []],
			["self.ts", ["self.ts"]],
		]);
		expect(importCycles(graph)).toEqual([
			["a.ts", "b.ts", "c.ts", "a.ts"],
			["self.ts", "self.ts"],
		]);
		expect(
			importCycles(
				new Map([
					["x.ts", ["y.ts"]],
					["y.ts", []],
				]),
			),
		).toEqual([]);
	});
});
