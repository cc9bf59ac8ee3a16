/** The reviewed list of sub-domain labels no agency may take, as the sign-up contract applies it. */
import { describe, expect, it } from "vitest";
import { SlugSchema } from "../../schema/dto/auth";
import { isReservedSlug } from "../../schema/reserved-slugs";

describe("isReservedSlug", () => {
	it("keeps the platform's own and infrastructure names", () => {
		for (const slug of ["operator", "login", "auth", "admin", "api", "www", "mail", "app", "static", "assets", "status", "docs", "help"]) {
			expect(isReservedSlug(slug), slug).toBe(true);
		}
		for (const slug of ["support", "billing", "platform", "dashboard"]) expect(isReservedSlug(slug), slug).toBe(true);
	});

	it("keeps every punycode label, whatever follows the prefix", () => {
		expect(isReservedSlug("xn--80ak6aa92e")).toBe(true);
		expect(isReservedSlug("xn--mnchen-3ya")).toBe(true);
	});

	it("leaves ordinary agency names and names that merely contain a reserved word", () => {
		for (const slug of ["acme", "operators-guild", "mail-room", "apiary", "wwwx", "axn--b"]) expect(isReservedSlug(slug), slug).toBe(false);
	});

	it("is what the sign-up slug rule refuses, after normalising case and spaces", () => {
		const result = SlugSchema.safeParse("  XN--Mnchen-3ya ");
		expect(result.success).toBe(false);
		expect(result.error?.issues.map((i) => i.message)).toEqual(["is reserved"]);
		expect(SlugSchema.safeParse(" Operator ").error?.issues.map((i) => i.message)).toEqual(["is reserved"]);
	});
});
