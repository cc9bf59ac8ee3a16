/** The kit primitives' pure rules: the toast model's timers and Undo, menu keys and typeahead, avatar colours, count labels. */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { AVATAR_TEXT, avatarBackground, initials } from "../../pwa/src/components/kit/avatar-colour";
import { countLabel } from "../../pwa/src/components/kit/count-label";
import { moveIndex, typeaheadIndex } from "../../pwa/src/components/kit/menu-keys";
import {
	ACTION_DURATION,
	DEFAULT_DURATION,
	dismiss,
	MAX_TOASTS,
	pauseAll,
	resumeAll,
	runAction,
	show,
	toasts,
} from "../../pwa/src/components/kit/toast";
import { contrastRatio } from "../../schema/brand-palette";

describe("toast model", () => {
	beforeEach(() => vi.useFakeTimers());
	afterEach(() => {
		for (const t of toasts.value) dismiss(t.id);
		vi.useRealTimers();
	});

	it("dismisses itself after its duration, longer when it offers an action", () => {
		show({ message: "Saved." });
		show({ message: "Archived.", action: { label: "Undo", run: () => undefined } });
		vi.advanceTimersByTime(DEFAULT_DURATION);
		expect(toasts.value.map((t) => t.message)).toEqual(["Archived."]);
		vi.advanceTimersByTime(ACTION_DURATION - DEFAULT_DURATION);
		expect(toasts.value).toEqual([]);
	});

	it("holds its countdown while paused and finishes the rest after resuming", () => {
		show({ message: "Saved.", duration: 1_000 });
		vi.advanceTimersByTime(600);
		pauseAll();
		vi.advanceTimersByTime(10_000);
		expect(toasts.value).toHaveLength(1);
		resumeAll();
		vi.advanceTimersByTime(399);
		expect(toasts.value).toHaveLength(1);
		vi.advanceTimersByTime(1);
		expect(toasts.value).toHaveLength(0);
	});

	it("keeps at most a few, dropping the oldest", () => {
		for (let i = 0; i < MAX_TOASTS + 2; i++) show({ message: `m${i}` });
		expect(toasts.value.map((t) => t.message)).toEqual(["m2", "m3", "m4"]);
	});

	it("runs the action once, dismisses the toast, and shows a failure as a new toast", async () => {
		const run = vi.fn(() => "Could not restore the client.");
		const id = show({ message: "Archived.", action: { label: "Undo", run } });
		await runAction(id);
		await runAction(id);
		expect(run).toHaveBeenCalledTimes(1);
		expect(toasts.value.map((t) => [t.message, t.tone])).toEqual([["Could not restore the client.", "danger"]]);
	});
});

describe("menu keys", () => {
	it("moves with wrapping arrows and jumps with Home and End", () => {
		expect(moveIndex(0, "ArrowDown", 3)).toBe(1);
		expect(moveIndex(2, "ArrowDown", 3)).toBe(0);
		expect(moveIndex(0, "ArrowUp", 3)).toBe(2);
		expect(moveIndex(1, "Home", 3)).toBe(0);
		expect(moveIndex(0, "End", 3)).toBe(2);
		expect(moveIndex(0, "a", 3)).toBeNull();
	});

	it("typeahead finds the next item starting with the letters, wrapping, and cycles on a repeated letter", () => {
		const labels = ["Rename", "Archive", "Reassign", "Delete"];
		expect(typeaheadIndex(labels, 0, "d")).toBe(3);
		expect(typeaheadIndex(labels, 0, "r")).toBe(2);
		expect(typeaheadIndex(labels, 2, "r")).toBe(0);
		expect(typeaheadIndex(labels, 2, "rr")).toBe(0);
		expect(typeaheadIndex(labels, 0, "rea")).toBe(2);
		expect(typeaheadIndex(labels, 0, "x")).toBeNull();
	});
});

describe("avatar", () => {
	it("takes the first letters of the first and last words", () => {
		expect(initials("Ada M. Lovelace")).toBe("AL");
		expect(initials("grace")).toBe("G");
		expect(initials("  ")).toBe("?");
		expect(initials("émile zola")).toBe("ÉZ");
	});

	it("gives each seed a stable colour on which white initials reach AA", () => {
		const seeds = Array.from({ length: 300 }, (_, i) => `person-${i}`);
		for (const seed of seeds) expect(contrastRatio(avatarBackground(seed), AVATAR_TEXT)).toBeGreaterThanOrEqual(4.5);
		expect(avatarBackground("person-1")).toBe(avatarBackground("person-1"));
		expect(new Set(seeds.map(avatarBackground)).size).toBeGreaterThan(50);
	});
});

describe("count badge", () => {
	it("shows nothing for zero and caps large counts", () => {
		expect(countLabel(0)).toBeNull();
		expect(countLabel(7)).toBe("7");
		expect(countLabel(100)).toBe("99+");
	});
});
