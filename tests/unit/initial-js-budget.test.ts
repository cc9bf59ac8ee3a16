/** The initial-JS budget counts the entry and its static imports only, and fails the build above the budget. */
import { describe, expect, it } from "vitest";
import { initialChunks, initialJsBudget } from "../../pwa/initial-js-budget";

const chunk = (fileName: string, imports: string[], code: string, isEntry = false) => ({
	type: "chunk" as const,
	fileName,
	imports,
	code,
	isEntry,
});

/** Incompressible text of about `bytes` bytes, so its gzipped size is close to its length. */
function randomCode(bytes: number): string {
	const chars = new Uint8Array(bytes);
	for (let offset = 0; offset < bytes; offset += 65_536) crypto.getRandomValues(chars.subarray(offset, offset + 65_536));
	return Buffer.from(chars).toString("base64");
}

const bundle = {
	"index.js": chunk("index.js", ["vendor.js"], "import './vendor.js'", true),
	"vendor.js": chunk("vendor.js", [], randomCode(30_000)),
	"page.js": chunk("page.js", ["vendor.js"], randomCode(90_000)),
	"app.css": { type: "asset" as const },
};

function run(budget: number): { infos: string[]; error: string | null } {
	const plugin = initialJsBudget(budget);
	const infos: string[] = [];
	let error: string | null = null;
	const context = {
		info: (message: string) => infos.push(message),
		error: (message: string) => {
			error = message;
		},
	};
	(plugin.generateBundle as unknown as (this: typeof context, options: unknown, b: unknown) => void).call(context, {}, bundle);
	return { infos, error };
}

describe("initial JavaScript budget", () => {
	it("counts the entry and what it imports statically, not lazily loaded pages", () => {
		expect(initialChunks(bundle, "index.js").map((c) => c.fileName)).toEqual(["index.js", "vendor.js"]);
	});

	it("passes under the budget and fails the build over it", () => {
		expect(run(60 * 1024).error).toBeNull();
		expect(run(10 * 1024).error).toMatch(/over the 10 KB budget/);
	});
});
