/** The board's shapes: typed columns of cards, where a card sits, and what a move answers. */

/** One column as the screen gives it: its cards in the order shown. */
export type BoardColumn<Card> = {
	id: string;
	title: string;
	cards: readonly Card[];
	/** A short figure after the count, e.g. a deal board's total ("€12,400"). */
	summary?: string;
};

/** Where a card sits: its column and its index in that column (counted after the card left its old place). */
export type Placement = { columnId: string; index: number };

/** The board's view of the columns: card ids only, so the move rules stay pure and testable. */
export type Layout = readonly { id: string; title: string; cardIds: readonly string[] }[];

/** What `onMove` answers: the server kept the move, or refused it with a sentence for the person. */
export type MoveOutcome = { ok: true } | { ok: false; message: string };
