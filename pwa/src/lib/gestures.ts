/**
 * Touch gestures for lists: pull-to-refresh and swipe actions. Both read passive touch events (what
 * a phone sends; the mouse never triggers them) and never call preventDefault, so the page's own
 * vertical scrolling is never taken over: a gesture locks to one axis after SLOP px and lets go the
 * moment the finger moves the other way. Swipe rows carry `touch-action: pan-y` (gestures.css) so a
 * sideways move is ours and an up/down one stays the browser's. People who ask for less motion get
 * the same actions without the content following the finger. Every gesture has a button twin.
 *
 * - `usePullToRefresh(refresh)`: while the page is scrolled to the very top, a pull down past
 *   PULL_THRESHOLD runs `refresh`; answers `{ pull, refreshing }` for an indicator.
 * - `useSwipe(ref, onSwipe)`: a sideways swipe past SWIPE_THRESHOLD on the element calls
 *   `onSwipe("left" | "right")`; answers the current offset for the row to follow the finger.
 */
import type { RefObject } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";

const SLOP = 10;
export const PULL_THRESHOLD = 70;
const PULL_MAX = 110;
export const SWIPE_THRESHOLD = 80;

export function prefersReducedMotion(): boolean {
	return typeof matchMedia === "function" && matchMedia("(prefers-reduced-motion: reduce)").matches;
}

type Track = { x: number; y: number; axis: "x" | "y" | null };

function begin(event: TouchEvent): Track | null {
	const touch = event.touches[0];
	return event.touches.length === 1 && touch ? { x: touch.clientX, y: touch.clientY, axis: null } : null;
}

/** The finger's movement since `begin`, and the axis it locked to (null until it moved SLOP px). */
function follow(track: Track, event: TouchEvent): { dx: number; dy: number } | null {
	const touch = event.touches[0];
	if (!touch) return null;
	const dx = touch.clientX - track.x;
	const dy = touch.clientY - track.y;
	if (!track.axis && Math.max(Math.abs(dx), Math.abs(dy)) >= SLOP) track.axis = Math.abs(dx) > Math.abs(dy) ? "x" : "y";
	return { dx, dy };
}

export function usePullToRefresh(refresh: () => Promise<unknown>): { pull: number; refreshing: boolean; ready: boolean } {
	const [pull, setPull] = useState(0);
	const [refreshing, setRefreshing] = useState(false);
	const latest = useRef(refresh);
	latest.current = refresh;
	useEffect(() => {
		let track: Track | null = null;
		let distance = 0;
		let busy = false;
		const start = (event: TouchEvent) => {
			track = !busy && window.scrollY <= 0 ? begin(event) : null;
			distance = 0;
		};
		const move = (event: TouchEvent) => {
			if (!track) return;
			const moved = follow(track, event);
			if (!moved || track.axis === "x" || moved.dy <= 0 || window.scrollY > 0) {
				if (track.axis) track = null;
				distance = 0;
				setPull(0);
				return;
			}
			if (track.axis !== "y") return;
			// Resistance: the indicator moves half as far as the finger, up to PULL_MAX.
			distance = Math.min(PULL_MAX, moved.dy / 2);
			setPull(distance);
		};
		const end = () => {
			const pulled = track && distance >= PULL_THRESHOLD;
			track = null;
			distance = 0;
			setPull(0);
			if (!pulled) return;
			busy = true;
			setRefreshing(true);
			void latest.current().finally(() => {
				busy = false;
				setRefreshing(false);
			});
		};
		// The browser's own pull-to-refresh (Chrome on Android) would reload the page on top of ours.
		const root = document.documentElement;
		const before = root.style.overscrollBehaviorY;
		root.style.overscrollBehaviorY = "contain";
		document.addEventListener("touchstart", start, { passive: true });
		document.addEventListener("touchmove", move, { passive: true });
		document.addEventListener("touchend", end, { passive: true });
		document.addEventListener("touchcancel", end, { passive: true });
		return () => {
			root.style.overscrollBehaviorY = before;
			document.removeEventListener("touchstart", start);
			document.removeEventListener("touchmove", move);
			document.removeEventListener("touchend", end);
			document.removeEventListener("touchcancel", end);
		};
	}, []);
	return { pull, refreshing, ready: pull >= PULL_THRESHOLD };
}

export function useSwipe<E extends HTMLElement>(ref: RefObject<E | null>, onSwipe: ((direction: "left" | "right") => void) | null): number {
	const [offset, setOffset] = useState(0);
	const latest = useRef(onSwipe);
	latest.current = onSwipe;
	const enabled = onSwipe !== null;
	useEffect(() => {
		const element = ref.current;
		if (!element || !enabled) return;
		let track: Track | null = null;
		let dx = 0;
		const start = (event: TouchEvent) => {
			track = begin(event);
			dx = 0;
		};
		const move = (event: TouchEvent) => {
			if (!track) return;
			const moved = follow(track, event);
			if (!moved || track.axis === "y") {
				if (track.axis) track = null;
				dx = 0;
				setOffset(0);
				return;
			}
			if (track.axis !== "x") return;
			dx = moved.dx;
			if (!prefersReducedMotion()) setOffset(dx);
		};
		const end = () => {
			const swiped = track?.axis === "x" && Math.abs(dx) >= SWIPE_THRESHOLD;
			const direction = dx < 0 ? "left" : "right";
			track = null;
			dx = 0;
			setOffset(0);
			if (swiped) latest.current?.(direction);
		};
		element.addEventListener("touchstart", start, { passive: true });
		element.addEventListener("touchmove", move, { passive: true });
		element.addEventListener("touchend", end, { passive: true });
		element.addEventListener("touchcancel", end, { passive: true });
		return () => {
			element.removeEventListener("touchstart", start);
			element.removeEventListener("touchmove", move);
			element.removeEventListener("touchend", end);
			element.removeEventListener("touchcancel", end);
		};
	}, [ref, enabled]);
	return offset;
}
