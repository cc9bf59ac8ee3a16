/**
 * Index maths of a board: where a card is, the layout with a card moved (what an optimistic move
 * shows), and a card's position as a person reads it ("position 2 of 5", counted with the card).
 */
import type { Layout, Placement } from "./types";

export function findPlacement(layout: Layout, cardId: string): Placement | null {
	for (const column of layout) {
		const index = column.cardIds.indexOf(cardId);
		if (index >= 0) return { columnId: column.id, index };
	}
	return null;
}

/** The ids of a column without `cardId`: the list a placement's index counts in. */
export function othersIn(layout: Layout, columnId: string, cardId: string): readonly string[] {
	return layout.find((c) => c.id === columnId)?.cardIds.filter((id) => id !== cardId) ?? [];
}

/** The layout with `cardId` taken out of its column and put at `to` (the index clamped into the column). */
export function withCardAt(layout: Layout, cardId: string, to: Placement): Layout {
	if (!layout.some((c) => c.id === to.columnId)) return layout;
	return layout.map((column) => {
		const others = column.cardIds.filter((id) => id !== cardId);
		if (column.id !== to.columnId) return others.length === column.cardIds.length ? column : { ...column, cardIds: others };
		const index = Math.max(0, Math.min(to.index, others.length));
		return { ...column, cardIds: [...others.slice(0, index), cardId, ...others.slice(index)] };
	});
}

export function samePlacement(a: Placement, b: Placement): boolean {
	return a.columnId === b.columnId && a.index === b.index;
}

/** How a placement reads: the column's title, the 1-based position and the column's size with the card in it. */
export type Whereabouts = { column: string; position: number; of: number };

export function whereabouts(layout: Layout, cardId: string, at: Placement): Whereabouts {
	const column = layout.find((c) => c.id === at.columnId);
	const size = othersIn(layout, at.columnId, cardId).length + 1;
	return { column: column?.title ?? at.columnId, position: Math.max(1, Math.min(at.index + 1, size)), of: size };
}

/**
 * Where a card lands in a column that keeps its own order (`order`): the number of the column's
 * other cards that sort before it.
 */
export function sortedIndex<Card>(others: readonly Card[], card: Card, order: (a: Card, b: Card) => number): number {
	return others.filter((other) => order(other, card) <= 0).length;
}
