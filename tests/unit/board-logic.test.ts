/**
 * The kanban board's pure rules: where a card is and the layout with it moved (index maths), what
 * each arrow key does (within a column, between columns, at the edges, in columns that keep their
 * own order), where a pointer drop lands and how fast the board scrolls at its edges, and what the
 * live region says at each step.
 */
import { describe, expect, it } from "vitest";
import * as say from "../../pwa/src/components/kit/board/announcements";
import { keyboardMove } from "../../pwa/src/components/kit/board/keyboard-move";
import { findPlacement, sortedIndex, whereabouts, withCardAt } from "../../pwa/src/components/kit/board/placement";
import { dropIndex, edgeScrollSpeed, edgeZone, travelled } from "../../pwa/src/components/kit/board/pointer-geometry";
import type { Layout } from "../../pwa/src/components/kit/board/types";

const layout: Layout = [
	{ id: "planned", title: "Planned", cardIds: ["a", "b", "c"] },
	{ id: "active", title: "Active", cardIds: ["d", "e"] },
	{ id: "hold", title: "On hold", cardIds: [] },
];
const ids = (l: Layout) => l.map((c) => c.cardIds.join(""));

describe("index maths", () => {
	it("finds a card and moves it within a column or to another (index counted without the card, clamped)", () => {
		expect(findPlacement(layout, "e")).toEqual({ columnId: "active", index: 1 });
		expect(findPlacement(layout, "z")).toBeNull();
		expect(ids(withCardAt(layout, "a", { columnId: "planned", index: 2 }))).toEqual(["bca", "de", ""]);
		expect(ids(withCardAt(layout, "c", { columnId: "planned", index: 0 }))).toEqual(["cab", "de", ""]);
		expect(ids(withCardAt(layout, "b", { columnId: "active", index: 1 }))).toEqual(["ac", "dbe", ""]);
		expect(ids(withCardAt(layout, "b", { columnId: "hold", index: 9 }))).toEqual(["ac", "de", "b"]);
		expect(withCardAt(layout, "b", { columnId: "nowhere", index: 0 })).toBe(layout);
	});

	it("reads a placement as column, position and size with the card in it", () => {
		expect(whereabouts(layout, "a", { columnId: "active", index: 1 })).toEqual({ column: "Active", position: 2, of: 3 });
		expect(whereabouts(layout, "a", { columnId: "planned", index: 2 })).toEqual({ column: "Planned", position: 3, of: 3 });
		expect(whereabouts(layout, "a", { columnId: "hold", index: 0 })).toEqual({ column: "On hold", position: 1, of: 1 });
	});

	it("places a card in a column that keeps its order where it sorts", () => {
		const newestFirst = (x: number, y: number) => y - x;
		expect(sortedIndex([30, 20, 10], 25, newestFirst)).toBe(1);
		expect(sortedIndex([30, 20, 10], 40, newestFirst)).toBe(0);
		expect(sortedIndex([], 5, newestFirst)).toBe(0);
	});
});

describe("keyboard moves", () => {
	it("moves up and down within a column and says why it stops at the top and bottom", () => {
		expect(keyboardMove(layout, "b", { columnId: "planned", index: 1 }, "ArrowUp")).toEqual({
			placement: { columnId: "planned", index: 0 },
			blocked: null,
		});
		expect(keyboardMove(layout, "b", { columnId: "planned", index: 0 }, "ArrowUp").blocked).toBe("top");
		expect(keyboardMove(layout, "b", { columnId: "planned", index: 1 }, "ArrowDown").placement.index).toBe(2);
		expect(keyboardMove(layout, "b", { columnId: "planned", index: 2 }, "ArrowDown").blocked).toBe("bottom");
		expect(keyboardMove(layout, "a", { columnId: "planned", index: 1 }, "Home").placement.index).toBe(0);
		expect(keyboardMove(layout, "a", { columnId: "planned", index: 0 }, "End").placement.index).toBe(2);
	});

	it("moves left and right between columns, keeping the row where the column is long enough", () => {
		expect(keyboardMove(layout, "c", { columnId: "planned", index: 2 }, "ArrowRight").placement).toEqual({ columnId: "active", index: 2 });
		expect(keyboardMove(layout, "a", { columnId: "planned", index: 0 }, "ArrowRight").placement).toEqual({ columnId: "active", index: 0 });
		expect(keyboardMove(layout, "a", { columnId: "active", index: 2 }, "ArrowRight").placement).toEqual({ columnId: "hold", index: 0 });
		expect(keyboardMove(layout, "d", { columnId: "active", index: 1 }, "ArrowLeft").placement).toEqual({ columnId: "planned", index: 1 });
		expect(keyboardMove(layout, "a", { columnId: "planned", index: 0 }, "ArrowLeft").blocked).toBe("first-column");
		expect(keyboardMove(layout, "a", { columnId: "hold", index: 0 }, "ArrowRight").blocked).toBe("last-column");
	});

	it("in columns that keep their order, only changes column, landing where the card sorts", () => {
		const fixed = (columnId: string) => (columnId === "active" ? 1 : 0);
		expect(keyboardMove(layout, "a", { columnId: "planned", index: 0 }, "ArrowRight", fixed).placement).toEqual({
			columnId: "active",
			index: 1,
		});
		expect(keyboardMove(layout, "a", { columnId: "planned", index: 0 }, "ArrowDown", fixed)).toEqual({
			placement: { columnId: "planned", index: 0 },
			blocked: "fixed-order",
		});
	});
});

describe("pointer geometry", () => {
	it("drops a card after every card whose middle is above the pointer", () => {
		expect(dropIndex([100, 200, 300], 50)).toBe(0);
		expect(dropIndex([100, 200, 300], 150)).toBe(1);
		expect(dropIndex([100, 200, 300], 999)).toBe(3);
		expect(dropIndex([], 10)).toBe(0);
	});

	it("scrolls sideways only near the edges, faster nearer them, never in a scroller too narrow for both zones", () => {
		expect(edgeScrollSpeed(500, 0, 1000)).toBe(0);
		expect(edgeScrollSpeed(0, 0, 1000)).toBe(-14);
		expect(edgeScrollSpeed(24, 0, 1000)).toBe(-7);
		expect(edgeScrollSpeed(1000, 0, 1000)).toBe(14);
		expect(edgeScrollSpeed(980, 0, 1000)).toBeGreaterThan(0);
		expect(edgeScrollSpeed(0, 0, 90, 48)).toBe(0);
	});

	it("keeps the edge zone narrow on a phone, so the next column's visible edge is a drop place", () => {
		expect(edgeZone(1200)).toBe(48);
		expect(edgeZone(326)).toBe(26);
		expect(edgeScrollSpeed(300, 0, 326)).toBe(0);
		expect(edgeScrollSpeed(320, 0, 326)).toBeGreaterThan(0);
	});

	it("tells a drag (or a scroll) from a tap by the distance travelled", () => {
		expect(travelled({ x: 0, y: 0 }, { x: 3, y: 3 }, 4)).toBe(true);
		expect(travelled({ x: 0, y: 0 }, { x: 2, y: 2 }, 4)).toBe(false);
	});
});

describe("announcements", () => {
	const where = { column: "Active", position: 2, of: 5 };
	it("says the pick-up with the place (and the keys for a keyboard user), each move, the drop, a cancel and a rollback", () => {
		expect(say.pickedUp("Website", where, false)).toBe("Picked up Website. Column Active, position 2 of 5.");
		expect(say.pickedUp("Website", where, true)).toBe(
			"Picked up Website. Column Active, position 2 of 5. Arrow keys move it, Space or Enter drops it, Escape cancels.",
		);
		expect(say.movedTo("Website", where)).toBe("Website: column Active, position 2 of 5.");
		expect(say.dropped("Website", where)).toBe("Dropped Website in column Active, position 2 of 5.");
		expect(say.cancelled("Website", where)).toBe("Move cancelled. Website is back in column Active, position 2 of 5.");
		expect(say.rolledBack("Website", where, "It was archived meanwhile.")).toBe(
			"Website could not be moved: It was archived meanwhile. It is in column Active, position 2 of 5.",
		);
		expect(say.cannotMove("Website", "first-column")).toBe("Website is already in the first column.");
	});
});
