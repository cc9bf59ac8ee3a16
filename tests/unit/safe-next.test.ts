/** After sign-in the PWA follows `?next=` only to a path on the same origin. */
import { describe, expect, it } from "vitest";
import { safeNext } from "../../pwa/src/lib/safe-next";

describe("safeNext", () => {
	it("keeps same-origin paths with their query", () => {
		expect(safeNext("/account")).toBe("/account");
		expect(safeNext("/projects?tab=open")).toBe("/projects?tab=open");
	});

	it("refuses anything that could leave the site", () => {
		for (const next of ["https://evil.example/", "//evil.example", "/\\evil.example", "javascript:alert(1)", "", undefined]) {
			expect(safeNext(next), String(next)).toBe("/");
		}
	});
});
