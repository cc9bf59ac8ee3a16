/**
 * Optimistic moves: a dropped card shows at its new place at once while `onMove` runs; when the
 * server refuses (or the call throws) it goes back to where the data has it, is marked "returned"
 * for a moment, and the refusal is said in the live region and in a kit toast.
 */
import { useEffect, useRef, useState } from "preact/hooks";
import { show as showToast } from "../toast";
import { withCardAt } from "./placement";
import type { Layout, MoveOutcome, Placement } from "./types";

/** How long a returned card stays marked. */
export const RETURNED_MS = 2500;

export type OptimisticMoves = {
	/** `base` with the moves still waiting for the server laid over it. */
	apply(base: Layout): Layout;
	pending: ReadonlySet<string>;
	/** The card that just went back after a refusal (marked on screen). */
	returned: string | null;
	/** Shows the move at once, runs it, and on refusal rolls back: `onRefused` gets the reason. */
	run(cardId: string, to: Placement, move: () => Promise<MoveOutcome>, onRefused: (reason: string) => void): Promise<void>;
};

function reasonOf(error: unknown): string {
	return error instanceof Error && error.message ? error.message : "The move failed.";
}

export function useOptimisticMoves(cardLabel: (cardId: string) => string): OptimisticMoves {
	const [moves, setMoves] = useState<ReadonlyMap<string, Placement>>(new Map());
	const [returned, setReturned] = useState<string | null>(null);
	const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
	useEffect(
		() => () => {
			if (timer.current) clearTimeout(timer.current);
		},
		[],
	);
	const settle = (cardId: string) =>
		setMoves((current) => {
			const next = new Map(current);
			next.delete(cardId);
			return next;
		});
	return {
		apply(base) {
			let layout = base;
			for (const [cardId, to] of moves) layout = withCardAt(layout, cardId, to);
			return layout;
		},
		pending: new Set(moves.keys()),
		returned,
		async run(cardId, to, move, onRefused) {
			setMoves((current) => new Map(current).set(cardId, to));
			const outcome = await move().catch((error: unknown): MoveOutcome => ({ ok: false, message: reasonOf(error) }));
			settle(cardId);
			if (outcome.ok) return;
			setReturned(cardId);
			if (timer.current) clearTimeout(timer.current);
			timer.current = setTimeout(() => setReturned(null), RETURNED_MS);
			onRefused(outcome.message);
			showToast({ message: `Couldn't move ${cardLabel(cardId)}: ${outcome.message}`, tone: "danger" });
		},
	};
}
