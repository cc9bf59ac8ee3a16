/**
 * What the board's polite live region says at each step of a move, so a screen-reader user hears
 * what a sighted person sees: pick-up, each move, the drop, a cancel, a refused move rolled back.
 */
import type { Blocked } from "./keyboard-move";
import type { Whereabouts } from "./placement";

const at = (w: Whereabouts) => `column ${w.column}, position ${w.position} of ${w.of}`;
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export const KEYBOARD_INSTRUCTIONS =
	"To move a card, press Space or Enter on it, use the arrow keys to move it, then Space or Enter to drop it, or Escape to cancel.";

export function pickedUp(label: string, where: Whereabouts, byKeyboard: boolean): string {
	const hint = byKeyboard ? " Arrow keys move it, Space or Enter drops it, Escape cancels." : "";
	return `Picked up ${label}. ${capital(at(where))}.${hint}`;
}

export function movedTo(label: string, where: Whereabouts): string {
	return `${label}: ${at(where)}.`;
}

const BLOCKED: Record<Blocked, string> = {
	top: "is already at the top of its column",
	bottom: "is already at the bottom of its column",
	"first-column": "is already in the first column",
	"last-column": "is already in the last column",
	"fixed-order": "keeps its place in the column's order; Left and Right change the column",
};

export function cannotMove(label: string, blocked: Blocked): string {
	return `${label} ${BLOCKED[blocked]}.`;
}

export function dropped(label: string, where: Whereabouts): string {
	return `Dropped ${label} in ${at(where)}.`;
}

export function cancelled(label: string, where: Whereabouts): string {
	return `Move cancelled. ${label} is back in ${at(where)}.`;
}

export function rolledBack(label: string, where: Whereabouts, reason: string): string {
	return `${label} could not be moved: ${reason} It is in ${at(where)}.`;
}
