/** CRM duplicate keys (normalised email, phone, domain) and the values a merge keeps. */
import { describe, expect, it } from "vitest";
import { mergedValues } from "../../worker/services/crm/merge-values";
import { normalizeDomain, normalizeEmail, normalizePhone } from "../../worker/services/crm/normalize";

describe("normalisation", () => {
	it("compares emails trimmed and lower-cased, phones by digits, domains by host", () => {
		expect(normalizeEmail("  Ada@Example.COM ")).toBe("ada@example.com");
		expect(normalizeEmail("  ")).toBeNull();
		expect(normalizePhone("+44 (20) 7946-0000")).toBe("+442079460000");
		expect(normalizePhone("020 7946 0000")).toBe("02079460000");
		expect(normalizePhone("call me")).toBeNull();
		expect(normalizeDomain("https://www.Engines.example/about?x=1")).toBe("engines.example");
		expect(normalizeDomain("engines.example:8080")).toBe("engines.example");
	});
});

describe("mergedValues", () => {
	const target = { firstName: "Ada", lastName: "", email: "ada@example.com", tags: ["vip"], customFields: { seats: 3 } };
	const source = {
		firstName: "Augusta",
		lastName: "King",
		email: "a@example.com",
		tags: ["vip", "news"],
		customFields: { seats: 5, tier: "gold" },
	};
	const fields = ["firstName", "lastName", "email"] as const;

	it("keeps the survivor's values, fills its empty ones, unions tags and combines custom values", () => {
		const { values, errors } = mergedValues(target, source, fields, []);
		expect(errors).toEqual([]);
		expect(values).toEqual({
			firstName: "Ada",
			lastName: "King",
			email: "ada@example.com",
			tags: ["vip", "news"],
			customFields: { seats: 3, tier: "gold" },
		});
	});

	it("takes the duplicate's value where preferred, and names an unknown preference", () => {
		expect(mergedValues(target, source, fields, ["email", "customFields.seats"]).values).toMatchObject({
			email: "a@example.com",
			customFields: { seats: 5, tier: "gold" },
		});
		expect(mergedValues(target, source, fields, ["tenantId"]).errors).toEqual([
			{ path: "preferSource", message: "tenantId is not a field of the duplicate to prefer" },
		]);
	});
});
