/**
 * A chart's legend: each series' name beside its marker, line dash or bar pattern in its colour,
 * so the series are told apart by shape as well as colour. Hidden from screen readers: the readouts
 * and the table name every series.
 */
import { type BarPattern, markerPath, seriesStyle } from "./series-style";

/** A small drawing of series `index`: its line and marker (lines) or its bar fill (bars). */
export function SeriesSwatch({ index, kind, patternId }: { index: number; kind: "line" | "bar"; patternId?: (p: BarPattern) => string }) {
	const style = seriesStyle(index);
	return (
		<svg class="kit-chart-swatch" width="28" height="14" viewBox="0 0 28 14" aria-hidden="true">
			{kind === "line" ? (
				<>
					<line x1="1" y1="7" x2="27" y2="7" stroke={style.color} stroke-width="2" stroke-dasharray={style.dash} />
					<path d={markerPath(style.marker, 14, 7, 4)} fill={style.color} />
				</>
			) : (
				<rect
					x="1"
					y="1"
					width="26"
					height="12"
					fill={style.pattern === "solid" || !patternId ? style.color : `url(#${patternId(style.pattern)})`}
					stroke={style.color}
				/>
			)}
		</svg>
	);
}

export function Legend({
	names,
	kind,
	patternId,
}: {
	names: readonly string[];
	kind: "line" | "bar";
	patternId?: (p: BarPattern) => string;
}) {
	if (names.length < 2) return null;
	return (
		<ul class="kit-chart-legend" aria-hidden="true">
			{names.map((name, i) => (
				<li key={name}>
					<SeriesSwatch index={i} kind={kind} patternId={patternId} />
					{name}
				</li>
			))}
		</ul>
	);
}
