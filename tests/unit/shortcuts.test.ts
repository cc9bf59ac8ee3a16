/** The keyboard shortcuts' rules (pwa/src/lib/shortcuts.ts): which key an event is, and how two-key sequences complete. */
import { describe, expect, it } from "vitest";
import { keyLabel, keyOf, nextKey, SHORTCUTS } from "../../pwa/src/lib/shortcuts";

const press = (key: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {}) =>
	keyOf({ key, ctrlKey: false, metaKey: false, altKey: false, ...mods });

describe("keyboard shortcuts", () => {
	it("read Ctrl+K and ⌘K as the palette, plain keys in lower case, and ignore other modified keys", () => {
		expect(press("k", { ctrlKey: true })).toBe("mod+k");
		expect(press("K", { metaKey: true })).toBe("mod+k");
		expect(press("k", { ctrlKey: true, altKey: true })).toBeNull();
		expect(press("c", { ctrlKey: true })).toBeNull();
		expect(press("G")).toBe("g");
		expect(press("?")).toBe("?");
		expect(press("ArrowDown")).toBeNull();
	});

	it("complete 'g' then a letter, forget an unknown second key, and start again on a fresh 'g'", () => {
		const first = nextKey([], "g");
		expect(first).toEqual({ shortcut: null, pending: ["g"] });
		expect(nextKey(first.pending, "c").shortcut?.action).toEqual({ kind: "go", path: "/clients" });
		expect(nextKey(first.pending, "m").shortcut?.action).toEqual({ kind: "go", path: "/messages" });
		expect(nextKey(first.pending, "x")).toEqual({ shortcut: null, pending: [] });
		expect(nextKey(first.pending, "g")).toEqual({ shortcut: null, pending: ["g"] });
		// "c" alone is not a shortcut; "?" alone is, even after an unfinished "g".
		expect(nextKey([], "c").shortcut).toBeNull();
		expect(nextKey(["g"], "?").shortcut?.action).toEqual({ kind: "help" });
	});

	it("define each key sequence once, and label them for the help sheet", () => {
		const sequences = SHORTCUTS.map((s) => s.keys.join(" "));
		expect(new Set(sequences).size).toBe(sequences.length);
		expect(keyLabel("mod+k", true)).toEqual(["⌘", "K"]);
		expect(keyLabel("mod+k", false)).toEqual(["Ctrl", "K"]);
		expect(keyLabel("g", false)).toEqual(["G"]);
	});
});
