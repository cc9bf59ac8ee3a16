/**
 * The form kit's Draft: data that arrives late (the first load, a save's answer) fills only the
 * fields the person has not changed, and a save frees only the fields that still hold what it sent.
 */
import { describe, expect, it } from "vitest";
import { Draft, mergeIncoming } from "../../pwa/src/components/form-kit/draft";

describe("form draft", () => {
	it("keeps what the person typed when the server's values arrive after it", () => {
		const draft = new Draft({ name: "", color: "", sender: "" });
		draft.set("name", "Typed before the load");
		draft.load({ name: "Saved name", color: "#0b6e4f", sender: "Saved sender" });
		expect(draft.values.value).toEqual({ name: "Typed before the load", color: "#0b6e4f", sender: "Saved sender" });
		expect(draft.loaded.value).toBe(true);
		// A later refresh still leaves the person's field alone.
		draft.load({ name: "Renamed elsewhere", color: "#123456", sender: "x" });
		expect(draft.values.value.name).toBe("Typed before the load");
		expect(draft.values.value.color).toBe("#123456");
	});

	it("after a save, takes the answer where the field still holds what was sent, and keeps text typed meanwhile", () => {
		const draft = new Draft({ title: "", due: "" });
		draft.set("title", "First milestone");
		draft.set("due", "2026-03-01");
		const sent = draft.values.value;
		draft.set("title", "Second milestone"); // typed while the add was on its way
		draft.saved(sent, { title: "", due: "" });
		expect(draft.values.value).toEqual({ title: "Second milestone", due: "" });
		expect(draft.isTouched("title")).toBe(true);
		expect(draft.isTouched("due")).toBe(false);
		// The field that was saved follows the server again.
		draft.load({ title: "ignored", due: "2026-04-01" });
		expect(draft.values.value).toEqual({ title: "Second milestone", due: "2026-04-01" });
	});

	it("merges without touching the fields named as the person's", () => {
		expect(mergeIncoming({ a: "mine", b: "old" }, { a: "theirs", b: "new" }, new Set(["a" as const]))).toEqual({ a: "mine", b: "new" });
	});
});
