/**
 * The keyboard's move rule: from where a lifted card is shown, what an arrow key (or Home/End) does.
 * Up and Down move it within its column, Left and Right to the neighbouring column (keeping its row
 * where the column is long enough); at an edge it stays and the reason is given. A board whose
 * columns keep their own order (`fixedIndex`) only changes column: the card lands where it sorts.
 */
import { othersIn } from "./placement";
import type { Layout, Placement } from "./types";

export const MOVE_KEYS = ["ArrowUp", "ArrowDown", "ArrowLeft", "ArrowRight", "Home", "End"] as const;
export type MoveKey = (typeof MOVE_KEYS)[number];

export function isMoveKey(key: string): key is MoveKey {
	return (MOVE_KEYS as readonly string[]).includes(key);
}

/** Why a key did not move the card. */
export type Blocked = "top" | "bottom" | "first-column" | "last-column" | "fixed-order";

export type KeyMove = { placement: Placement; blocked: Blocked | null };

export function keyboardMove(
	layout: Layout,
	cardId: string,
	at: Placement,
	key: MoveKey,
	/** Set when columns keep their own order: where the card would sort in a column. */
	fixedIndex?: (columnId: string) => number,
): KeyMove {
	const columnIndex = layout.findIndex((c) => c.id === at.columnId);
	const size = othersIn(layout, at.columnId, cardId).length;
	const stay = (blocked: Blocked): KeyMove => ({ placement: at, blocked });
	const go = (placement: Placement): KeyMove => ({ placement, blocked: null });
	if (key === "ArrowLeft" || key === "ArrowRight") {
		const next = layout[columnIndex + (key === "ArrowLeft" ? -1 : 1)];
		if (!next) return stay(key === "ArrowLeft" ? "first-column" : "last-column");
		const room = othersIn(layout, next.id, cardId).length;
		return go({ columnId: next.id, index: fixedIndex ? fixedIndex(next.id) : Math.min(at.index, room) });
	}
	if (fixedIndex) return stay("fixed-order");
	if (key === "ArrowUp" || key === "Home")
		return at.index === 0 ? stay("top") : go({ columnId: at.columnId, index: key === "Home" ? 0 : at.index - 1 });
	return at.index >= size ? stay("bottom") : go({ columnId: at.columnId, index: key === "End" ? size : at.index + 1 });
}
