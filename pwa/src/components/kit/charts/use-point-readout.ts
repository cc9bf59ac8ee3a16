/**
 * The point a chart is showing the readout for, and how a person gets there: keyboard focus on a
 * point (one tab stop, arrows/Home/End move, Escape hides the readout), a mouse over the plot, or a
 * finger tapping it (the nearest point, until the next tap). The focused point's
 * own label says the same to a screen reader.
 */
import { useRef, useState } from "preact/hooks";
import { pointIndexAfterKey } from "./point-keys";

export type PointReadout = {
	/** The point shown in the readout, or null. */
	active: number | null;
	/** The point that takes the tab stop (the last one visited; the last point at first). */
	tabStop: number;
	/** Handlers for the group holding the focusable points (`data-point` = index on each). */
	groupProps: {
		onKeyDown: (event: KeyboardEvent) => void;
		onFocusIn: (event: FocusEvent) => void;
		onFocusOut: (event: FocusEvent) => void;
	};
	/** Handlers for the plot: `pick` turns a pointer position into the nearest point. */
	plotProps: (pick: (event: PointerEvent) => number) => {
		onPointerMove: (event: PointerEvent) => void;
		onPointerDown: (event: PointerEvent) => void;
		onPointerLeave: (event: PointerEvent) => void;
	};
};

function pointOf(target: EventTarget | null): number | null {
	if (!(target instanceof Element)) return null;
	const value = target.closest("[data-point]")?.getAttribute("data-point");
	return value == null ? null : Number(value);
}

export function usePointReadout(count: number): PointReadout {
	const [active, setActive] = useState<number | null>(null);
	const [tabStop, setTabStop] = useState<number | null>(null);
	const focused = useRef(false);
	const stop = Math.min(tabStop ?? count - 1, Math.max(0, count - 1));

	const show = (index: number | null) => {
		setActive(index);
		if (index !== null) setTabStop(index);
	};

	return {
		active: active !== null && active < count ? active : null,
		tabStop: stop,
		groupProps: {
			onKeyDown(event) {
				const current = pointOf(event.target) ?? stop;
				if (event.key === "Escape") {
					if (active !== null) event.stopPropagation();
					setActive(null);
					return;
				}
				const next = pointIndexAfterKey(event.key, current, count);
				if (next === null) return;
				event.preventDefault();
				show(next);
				const group = event.currentTarget instanceof Element ? event.currentTarget : null;
				const element = group?.querySelector(`[data-point="${next}"]`);
				if (element instanceof SVGElement || element instanceof HTMLElement) element.focus();
			},
			onFocusIn(event) {
				focused.current = true;
				const index = pointOf(event.target);
				if (index !== null) show(index);
			},
			onFocusOut(event) {
				const group = event.currentTarget instanceof Element ? event.currentTarget : null;
				if (event.relatedTarget instanceof Node && group?.contains(event.relatedTarget)) return;
				focused.current = false;
				setActive(null);
			},
		},
		plotProps: (pick) => ({
			onPointerMove(event) {
				if (event.pointerType === "mouse") show(pick(event));
			},
			onPointerDown(event) {
				if (event.pointerType !== "mouse") show(pick(event));
			},
			onPointerLeave(event) {
				if (event.pointerType === "mouse" && !focused.current) setActive(null);
			},
		}),
	};
}
