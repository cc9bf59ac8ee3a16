/**
 * The width a chart draws at: its container's, followed with a ResizeObserver, so the SVG is drawn
 * at its real pixel size (text never scales) from a 360 px phone to a 1280 px desktop. Before the
 * first measurement, and where ResizeObserver is missing, `fallback`.
 */
import type { RefObject } from "preact";
import { useLayoutEffect, useState } from "preact/hooks";

export function useChartWidth(ref: RefObject<HTMLElement | null>, fallback = 600): number {
	const [width, setWidth] = useState(fallback);
	useLayoutEffect(() => {
		const element = ref.current;
		if (!element) return;
		const measure = () => {
			const measured = Math.floor(element.getBoundingClientRect().width);
			if (measured > 0) setWidth(measured);
		};
		measure();
		if (typeof ResizeObserver === "undefined") return;
		const observer = new ResizeObserver(measure);
		observer.observe(element);
		return () => observer.disconnect();
	}, [ref]);
	return width;
}
