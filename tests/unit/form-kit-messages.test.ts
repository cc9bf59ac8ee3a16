/**
 * The form kit's messages: a problem+json's `errors[]` (our `path`, or `field` / JSON `pointer`) is
 * read into messages by field name; a field shows its own check once left (or after a send) and
 * else the server's; the form's alert names one field or counts several; the combobox's search
 * finds an option by any words of its label.
 */
import { describe, expect, it } from "vitest";
import { fieldErrorsOf } from "../../pwa/src/api/problem";
import { filterOptions } from "../../pwa/src/components/form-kit/filter-options";
import { alertFor, failures, messageFor } from "../../pwa/src/components/form-kit/messages";

describe("problem+json errors by field", () => {
	it("reads path, field and JSON pointer entries as dotted field names; the first message per field wins", () => {
		expect(
			fieldErrorsOf([
				{ path: "endsAt", message: "must be after startsAt" },
				{ path: "endsAt", message: "second message" },
				{ field: "title", message: "is required" },
				{ pointer: "/items/0/name", message: "is too long" },
				{ pointer: "/a~1b", message: "escaped" },
				{ message: "names no field" },
				"not an entry",
			]),
		).toEqual({ endsAt: "must be after startsAt", title: "is required", "items.0.name": "is too long", "a/b": "escaped" });
		expect(fieldErrorsOf(undefined)).toEqual({});
	});
});

describe("which message a field shows", () => {
	const local = failures({ title: "is required", body: undefined, endsAt: "must be after the start" });
	const server = { endsAt: "must be after startsAt", locale: "must be a BCP-47 language tag" };

	it("keeps the passed checks out", () => {
		expect(local).toEqual({ title: "is required", endsAt: "must be after the start" });
	});

	it("shows a field's own check only once the person has left it, or after a send", () => {
		expect(messageFor("title", local, new Set(), false, {})).toBeUndefined();
		expect(messageFor("title", local, new Set(["title"]), false, {})).toBe("is required");
		expect(messageFor("title", local, new Set(), true, {})).toBe("is required");
	});

	it("shows the server's message for the field it names when the field's own check passes", () => {
		expect(messageFor("locale", {}, new Set(["locale"]), true, server)).toBe("must be a BCP-47 language tag");
		expect(messageFor("body", local, new Set(["body"]), true, server)).toBeUndefined();
		// The field's own check speaks first: it is what is wrong now.
		expect(messageFor("endsAt", local, new Set(["endsAt"]), false, server)).toBe("must be after the start");
	});

	it("shows a refused list item on the one field the list is typed in", () => {
		expect(messageFor("domains", {}, new Set(), true, { "domains.1": "must be a domain name" })).toBe("must be a domain name");
		expect(messageFor("domain", {}, new Set(), true, { "domains.1": "must be a domain name" })).toBeUndefined();
	});
});

describe("the form's alert", () => {
	const shown = new Map([
		["title", "Title"],
		["endsAt", "Ends"],
	]);
	it("says the one named field's message with its label", () => {
		expect(alertFor({ endsAt: "must be after startsAt" }, shown, "Your request has invalid fields")).toBe("Ends must be after startsAt");
	});
	it("counts several named fields", () => {
		expect(alertFor({ endsAt: "x", title: "y" }, shown, "d")).toBe("Please correct the 2 highlighted fields.");
	});
	it("names the field a list item lands on, and counts one field once", () => {
		const withDomains = new Map([...shown, ["domains", "Email domains"]]);
		expect(alertFor({ "domains.0": "must be a domain name" }, withDomains, "d")).toBe("Email domains must be a domain name");
		expect(alertFor({ "domains.0": "x", "domains.2": "y" }, withDomains, "d")).toBe("Email domains x");
		expect(alertFor({ title: "is required", cursor: "z" }, withDomains, "d")).toBe("Please correct the highlighted field.");
	});
	it("falls back to the problem's detail when no field on the form is named", () => {
		expect(alertFor({ cursor: "must be a cursor" }, shown, "The request could not be read")).toBe("The request could not be read");
		expect(alertFor({}, shown, "Slow down")).toBe("Slow down");
	});
});

describe("the combobox's search", () => {
	const zones = ["America/New_York", "America/St_Johns", "Europe/Berlin", "Asia/Tokyo"].map((z) => ({ value: z, label: z }));
	it("finds an option by any words of its label, ignoring case, _ and /", () => {
		expect(filterOptions(zones, "new york").map((o) => o.value)).toEqual(["America/New_York"]);
		expect(filterOptions(zones, "BERL").map((o) => o.value)).toEqual(["Europe/Berlin"]);
		expect(filterOptions(zones, "america").map((o) => o.value)).toEqual(["America/New_York", "America/St_Johns"]);
		expect(filterOptions(zones, "").length).toBe(4);
		expect(filterOptions(zones, "mars")).toEqual([]);
	});
});
