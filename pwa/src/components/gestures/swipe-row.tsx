/**
 * A list item that a sideways swipe acts on (lib/gestures.ts): `<SwipeRow class="record" action="Mark done"
 * onSwipe={…}>…</SwipeRow>` renders an `<li>` whose content follows the finger and reveals the action's
 * name behind it; past the threshold, letting go runs `onSwipe`. `onSwipe={null}` turns it off (no
 * action for this row). The row must also hold a visible button doing the same, for keyboard,
 * mouse and screen-reader users: the swipe is a shortcut, never the only way.
 */
import type { ComponentChildren } from "preact";
import { useRef } from "preact/hooks";
import { SWIPE_THRESHOLD, useSwipe } from "../../lib/gestures";
import "./gestures.css";

export function SwipeRow({
	class: className,
	action,
	onSwipe,
	children,
}: {
	class: string;
	action: string;
	onSwipe: (() => void) | null;
	children: ComponentChildren;
}) {
	const ref = useRef<HTMLLIElement>(null);
	const offset = useSwipe(ref, onSwipe ? () => onSwipe() : null);
	const armed = Math.abs(offset) >= SWIPE_THRESHOLD;
	return (
		<li ref={ref} class={`${className} swipe-row${onSwipe ? " swipeable" : ""}`}>
			{offset !== 0 && (
				<span class={`swipe-reveal${offset < 0 ? " from-right" : ""}${armed ? " armed" : ""}`} aria-hidden="true">
					{action}
				</span>
			)}
			<div class="swipe-content" style={offset !== 0 ? { transform: `translateX(${offset}px)` } : undefined}>
				{children}
			</div>
		</li>
	);
}
