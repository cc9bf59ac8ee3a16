/**
 * The readout beside the point a person is on (focus, hover or tap): its label (a date, a category)
 * and each series' value beside its swatch. Placed at the point's x, on whichever side has room.
 * Hidden from screen readers, which read the focused point's own label with the same words.
 */
import { SeriesSwatch } from "./legend";
import type { BarPattern } from "./series-style";

export type ReadoutRow = { name: string; value: string };

type ReadoutProps = {
	heading: string;
	rows: readonly ReadoutRow[];
	/** The point's x in the plot (px) and the plot's width. */
	x: number;
	width: number;
	/** How far down the plot the readout sits (px; default the top). */
	y?: number;
	kind: "line" | "bar";
	patternId?: (p: BarPattern) => string;
};

export function Readout({ heading, rows, x, width, y = 0, kind, patternId }: ReadoutProps) {
	const onRight = x < width / 2;
	const side = onRight ? { left: `${Math.round(x + 12)}px` } : { right: `${Math.round(width - x + 12)}px` };
	const style = { ...side, top: `${Math.round(y)}px` };
	return (
		<div class="kit-chart-readout" style={style} aria-hidden="true" data-testid="chart-readout">
			<strong>{heading}</strong>
			{rows.map((row, i) => (
				<span key={row.name} class="kit-chart-readout-row">
					{rows.length > 1 && <SeriesSwatch index={i} kind={kind} patternId={patternId} />}
					<span>{row.name}</span>
					<span class="kit-chart-readout-value">{row.value}</span>
				</span>
			))}
		</div>
	);
}
