/**
 * Dragging a card by pointer: a mouse drags a card from anywhere on it once it has moved 4 px; a
 * finger drags from the card's handle at once, or from anywhere on the card after a long press
 * (450 ms without moving; moving sooner is a scroll and is left to the browser). While a finger
 * drags, touchmove is cancelled so the page does not scroll under it; near the board's left or
 * right edge the board scrolls sideways. Escape or a cancelled pointer ends the drag without a move.
 * The board decides what a position means (`onOver`) and what a release does (`onRelease`).
 */
import type { RefObject } from "preact";
import { useEffect, useRef } from "preact/hooks";
import { edgeScrollSpeed, travelled } from "./pointer-geometry";

export const LONG_PRESS_MS = 450;
const MOUSE_SLOP = 4;
const TOUCH_SLOP = 8;

export type Lift = { cardId: string; x: number; y: number; offsetX: number; offsetY: number; width: number; byTouch: boolean };

type Options = {
	enabled: boolean;
	scroller: RefObject<HTMLElement | null>;
	ghost: RefObject<HTMLElement | null>;
	onLift(lift: Lift): void;
	onOver(x: number, y: number): void;
	onRelease(commit: boolean): void;
};

type Session = {
	cardId: string;
	pointerId: number;
	start: { x: number; y: number };
	last: { x: number; y: number };
	offset: { x: number; y: number };
	width: number;
	byTouch: boolean;
	lifted: boolean;
	timer: ReturnType<typeof setTimeout> | null;
	frame: number | null;
};

/** Moves the floating copy of the card under the pointer. */
export function placeGhost(ghost: HTMLElement | null, x: number, y: number, offsetX: number, offsetY: number): void {
	if (ghost) ghost.style.transform = `translate(${Math.round(x - offsetX)}px, ${Math.round(y - offsetY)}px)`;
}

export function usePointerDrag(options: Options) {
	const opts = useRef(options);
	opts.current = options;
	const session = useRef<Session | null>(null);

	function scrollNearEdges(): void {
		const s = session.current;
		const scroller = opts.current.scroller.current;
		if (!s?.lifted || !scroller || s.frame !== null) return;
		const rect = scroller.getBoundingClientRect();
		const speed = edgeScrollSpeed(s.last.x, rect.left, rect.right);
		if (speed === 0) return;
		s.frame = requestAnimationFrame(() => {
			s.frame = null;
			if (session.current !== s) return;
			const before = scroller.scrollLeft;
			scroller.scrollLeft += speed;
			if (scroller.scrollLeft !== before) opts.current.onOver(s.last.x, s.last.y);
			scrollNearEdges();
		});
	}

	function lift(s: Session): void {
		s.lifted = true;
		if (s.timer) clearTimeout(s.timer);
		s.timer = null;
		opts.current.onLift({
			cardId: s.cardId,
			x: s.last.x,
			y: s.last.y,
			offsetX: s.offset.x,
			offsetY: s.offset.y,
			width: s.width,
			byTouch: s.byTouch,
		});
		opts.current.onOver(s.last.x, s.last.y);
	}

	function end(commit: boolean): void {
		const s = session.current;
		if (!s) return;
		session.current = null;
		if (s.timer) clearTimeout(s.timer);
		if (s.frame !== null) cancelAnimationFrame(s.frame);
		window.removeEventListener("pointermove", onPointerMove);
		window.removeEventListener("pointerup", onPointerUp);
		window.removeEventListener("pointercancel", onPointerCancel);
		window.removeEventListener("keydown", onKeyDown, true);
		document.removeEventListener("touchmove", onTouchMove);
		if (!s.lifted) return;
		// The click that follows a mouse drag must not open the card's link.
		const swallow = (event: Event) => {
			event.preventDefault();
			event.stopPropagation();
		};
		window.addEventListener("click", swallow, { capture: true, once: true });
		setTimeout(() => window.removeEventListener("click", swallow, { capture: true }), 0);
		opts.current.onRelease(commit);
	}

	function onPointerMove(event: PointerEvent): void {
		const s = session.current;
		if (!s || event.pointerId !== s.pointerId) return;
		s.last = { x: event.clientX, y: event.clientY };
		if (!s.lifted) {
			if (s.byTouch && travelled(s.start, s.last, TOUCH_SLOP)) end(false);
			else if (!s.byTouch && travelled(s.start, s.last, MOUSE_SLOP)) lift(s);
			return;
		}
		placeGhost(opts.current.ghost.current, s.last.x, s.last.y, s.offset.x, s.offset.y);
		opts.current.onOver(s.last.x, s.last.y);
		scrollNearEdges();
	}

	function onPointerUp(event: PointerEvent): void {
		if (session.current && event.pointerId === session.current.pointerId) end(true);
	}

	function onPointerCancel(event: PointerEvent): void {
		if (session.current && event.pointerId === session.current.pointerId) end(false);
	}

	function onKeyDown(event: KeyboardEvent): void {
		if (event.key !== "Escape" || !session.current?.lifted) return;
		event.preventDefault();
		event.stopPropagation();
		end(false);
	}

	function onTouchMove(event: TouchEvent): void {
		if (session.current?.lifted && event.cancelable) event.preventDefault();
	}

	useEffect(() => () => end(false), []);

	return {
		/** A pointer went down on a card (`fromHandle`: on its grip): maybe the start of a drag. */
		pointerDown(cardId: string, event: PointerEvent, fromHandle: boolean): void {
			if (!opts.current.enabled || session.current || !event.isPrimary || event.button !== 0) return;
			const card = event.currentTarget as HTMLElement;
			const rect = card.getBoundingClientRect();
			const point = { x: event.clientX, y: event.clientY };
			const byTouch = event.pointerType !== "mouse";
			const s: Session = {
				cardId,
				pointerId: event.pointerId,
				start: point,
				last: point,
				offset: { x: point.x - rect.left, y: point.y - rect.top },
				width: rect.width,
				byTouch,
				lifted: false,
				timer: null,
				frame: null,
			};
			session.current = s;
			window.addEventListener("pointermove", onPointerMove);
			window.addEventListener("pointerup", onPointerUp);
			window.addEventListener("pointercancel", onPointerCancel);
			window.addEventListener("keydown", onKeyDown, true);
			document.addEventListener("touchmove", onTouchMove, { passive: false });
			if (byTouch && fromHandle) lift(s);
			else if (byTouch) s.timer = setTimeout(() => session.current === s && lift(s), LONG_PRESS_MS);
		},
		/** Whether a finger is holding a card (the long-press menu must not open). */
		holding(): boolean {
			return session.current !== null;
		},
	};
}
