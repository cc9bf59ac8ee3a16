/** Input rules of the public contract and how their failures are named field by field. */
import { describe, expect, it } from "vitest";
import { LoginBody, SignupBody, SlugSchema } from "../../schema/dto/auth";
import { fieldErrors } from "../../worker/http/create-router";

describe("SlugSchema", () => {
	it("accepts lower-case labels and normalises case and spaces", () => {
		expect(SlugSchema.parse("acme")).toBe("acme");
		expect(SlugSchema.parse(" Acme-Studio ")).toBe("acme-studio");
		expect(SlugSchema.parse("a1b")).toBe("a1b");
	});

	it("rejects reserved, short, long and malformed slugs", () => {
		for (const bad of ["api", "www", "ab", "a".repeat(33), "-x1", "x1-", "a_b", "a.b", "ümlaut"]) {
			expect(SlugSchema.safeParse(bad).success, bad).toBe(false);
		}
	});
});

describe("fieldErrors", () => {
	it("names each bad field once, and each unknown field", () => {
		const result = SignupBody.safeParse({ agencyName: "A", slug: 1, name: "", email: "x", password: ["p"], plan: "gold" });
		expect(result.success).toBe(false);
		if (result.success) return;
		expect(fieldErrors(result.error)).toEqual([
			{ path: "agencyName", message: "must be at least 2 characters" },
			{ path: "slug", message: "must be a string" },
			{ path: "name", message: "is required" },
			{ path: "email", message: "must be a valid email address" },
			{ path: "password", message: "must be a string" },
			{ path: "plan", message: "is not a known field" },
		]);
	});

	it("says a missing field is required", () => {
		const result = LoginBody.safeParse({});
		expect(result.success).toBe(false);
		if (result.success) return;
		expect(fieldErrors(result.error)).toEqual([
			{ path: "email", message: "is required" },
			{ path: "password", message: "is required" },
		]);
	});
});
