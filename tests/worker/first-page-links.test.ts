/**
 * The start and sign-in pages' HTML preloads their own chunks (worker/http/first-page-links.ts):
 * the links name the files the build listed for that address, every one of them is served, the
 * first-page script they replace is gone, and any other address gets the plain app shell.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { type Agency, signUpUniqueAgency } from "../support/agencies";
import { call } from "../support/http";

const navigate = { headers: { Accept: "text/html", "Sec-Fetch-Mode": "navigate" } };

function preloadedModules(html: string): string[] {
	return [...html.matchAll(/<link rel="modulepreload" crossorigin href="([^"]+)">/g)].map((match) => match[1] ?? "");
}

let acme: Agency;
let table: Record<string, string[]>;
// One agency for the file: the tests only read pages, they change nothing.
beforeAll(async () => {
	acme = await signUpUniqueAgency("acme");
	const response = await call(acme.host, "/first-pages.json");
	expect(response.headers.get("Content-Type")).toContain("json");
	table = await response.json();
});

describe("first page links", () => {
	for (const path of ["/", "/signin"]) {
		it(`preloads the chunks the build listed for ${path}, and drops the script that would add them later`, async () => {
			const expected = table[path] ?? [];
			expect(expected.length).toBeGreaterThan(0);
			const shell = preloadedModules(await (await call(acme.host, "/projects", navigate)).text());
			const response = await call(acme.host, path, navigate);
			expect(response.status).toBe(200);
			expect(response.headers.get("Cache-Control")).toBe("no-cache");
			const html = await response.text();
			expect(preloadedModules(html)).toEqual([...shell, ...expected]);
			expect(html).not.toContain("/assets/first-page-");
			for (const file of expected) {
				const chunk = await call(acme.host, file);
				expect(chunk.status, file).toBe(200);
				expect(chunk.headers.get("Content-Type"), file).toContain("javascript");
				await chunk.body?.cancel();
			}
		});
	}

	it("serves any other page as the plain app shell, with the script for the service worker's copy", async () => {
		const html = await (await call(acme.host, "/projects", navigate)).text();
		expect(html).toContain('<script type="module"');
		const pageChunks = [...(table["/"] ?? []), ...(table["/signin"] ?? [])];
		expect(pageChunks.length).toBeGreaterThan(0);
		expect(preloadedModules(html).filter((file) => pageChunks.includes(file))).toEqual([]);
		expect(html).toMatch(/<script src="\/assets\/first-page-[\w-]+\.js" async/);
	});

	it("preloads on an agency's host only: an unknown host still gets the 404 page", async () => {
		const response = await call("nobody.atrium.localhost", "/", navigate);
		expect(response.status).toBe(404);
		expect(preloadedModules(await response.text())).toEqual([]);
	});
});
