/**
 * A counting wrapper around a built Worker, for `bench/tools/profile.ts`: a module that imports the
 * bundle, re-exports its Durable Objects and wraps `env.DB` of every HTTP request so each D1 round
 * trip (`first`/`all`/`run`/`raw`/`exec`, or one `batch`) and each statement is counted. A request
 * to the host `d1-count.bench` answers the totals so far. Queries made inside Durable Objects are
 * not counted (their `env` is not the request's).
 */
import { writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

export const D1_COUNT_HOST = "d1-count.bench";

export type D1Count = { roundTrips: number; statements: number };

const WRAPPER = (bundle: string) => `
import app from "./${bundle}";
export * from "./${bundle}";
const count = { roundTrips: 0, statements: 0 };
const realOf = new WeakMap();
const EXECUTE = new Set(["first", "all", "run", "raw"]);
function statement(real) {
	const proxy = new Proxy(real, {
		get(target, key) {
			if (key === "bind") return (...args) => statement(target.bind(...args));
			if (EXECUTE.has(key)) return (...args) => { count.roundTrips++; count.statements++; return target[key](...args); };
			const value = target[key];
			return typeof value === "function" ? value.bind(target) : value;
		},
	});
	realOf.set(proxy, real);
	return proxy;
}
function database(real) {
	return new Proxy(real, {
		get(target, key) {
			if (key === "prepare") return (query) => statement(target.prepare(query));
			if (key === "batch") return (list) => { count.roundTrips++; count.statements += list.length; return target.batch(list.map((s) => realOf.get(s) ?? s)); };
			if (key === "exec") return (query) => { count.roundTrips++; count.statements++; return target.exec(query); };
			const value = target[key];
			return typeof value === "function" ? value.bind(target) : value;
		},
	});
}
const wrapped = new WeakMap();
export default {
	...app,
	fetch(request, env, ctx) {
		if (new URL(request.url).hostname === "${D1_COUNT_HOST}") return Response.json(count);
		let counted = wrapped.get(env);
		if (!counted) { counted = { ...env, DB: database(env.DB) }; wrapped.set(env, counted); }
		return app.fetch(request, counted, ctx);
	},
};
`;

/** Writes the wrapper beside `bundlePath` and returns its path (run it instead of the bundle). */
export async function writeD1CountingWrapper(bundlePath: string): Promise<string> {
	const path = join(dirname(bundlePath), "d1-counting.js");
	await writeFile(path, WRAPPER(basename(bundlePath)));
	return path;
}
