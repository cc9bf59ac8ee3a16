/**
 * The focusable points of a chart, laid over its (decorative, aria-hidden) drawing: a listbox with
 * one option per date or category, covering its band of the plot. One tab stop; arrows, Home and
 * End move; the option in focus is the selected one and its label carries the values, so a screen
 * reader hears what the readout shows. The overlay also takes the mouse and touch (./use-point-readout.ts).
 */
import type { PointReadout } from "./use-point-readout";

export type PointBand = { x: number; y: number; width: number; height: number };

type PointTargetsProps = {
	/** Names the listbox ("Credits by day: points by date"). */
	label: string;
	bands: readonly PointBand[];
	/** Each point's label: what it is and its values. */
	pointLabel: (index: number) => string;
	readout: PointReadout;
	/** The nearest point to a pointer position within the plot (px from its top left corner). */
	nearest: (x: number, y: number) => number;
};

export function PointTargets({ label, bands, pointLabel, readout, nearest }: PointTargetsProps) {
	const pick = (event: PointerEvent) => {
		const box = event.currentTarget instanceof Element ? event.currentTarget.getBoundingClientRect() : null;
		return nearest(event.clientX - (box?.left ?? 0), event.clientY - (box?.top ?? 0));
	};
	return (
		<div class="kit-chart-points" role="listbox" aria-label={label} {...readout.groupProps} {...readout.plotProps(pick)}>
			{bands.map((band, i) => (
				<div
					key={i}
					role="option"
					data-point={i}
					class="kit-chart-hit"
					style={{ left: `${band.x}px`, top: `${band.y}px`, width: `${Math.max(1, band.width)}px`, height: `${band.height}px` }}
					tabIndex={i === readout.tabStop ? 0 : -1}
					aria-selected={i === readout.active}
					aria-label={pointLabel(i)}
				/>
			))}
		</div>
	);
}
