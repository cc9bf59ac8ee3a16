/**
 * The fills that tell bar series apart without colour: solid, diagonal hatching, dots and a cross
 * hatch, each drawn in its series' colour. Rendered once per chart inside its <svg> (ids prefixed
 * by the chart's own id); legend and readout swatches point at them.
 */
import { type BarPattern, seriesStyle } from "./series-style";

export const patternIdFor = (prefix: string) => (pattern: BarPattern) => `${prefix}-${pattern}`;

/** The fill for series `index`: its colour when solid, else its pattern. */
export function barFill(index: number, prefix: string): string {
	const style = seriesStyle(index);
	return style.pattern === "solid" ? style.color : `url(#${patternIdFor(prefix)(style.pattern)})`;
}

export function BarPatterns({ prefix, count }: { prefix: string; count: number }) {
	const id = patternIdFor(prefix);
	return (
		<defs>
			{Array.from({ length: Math.min(count, 4) }, (_, i) => {
				const { color, pattern } = seriesStyle(i);
				if (pattern === "solid") return null;
				return (
					<pattern key={pattern} id={id(pattern)} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
						{pattern === "hatch" && <rect width="3" height="6" fill={color} />}
						{pattern === "dots" && <circle cx="3" cy="3" r="1.6" fill={color} />}
						{pattern === "cross" && (
							<>
								<rect width="2" height="6" fill={color} />
								<rect width="6" height="2" fill={color} />
							</>
						)}
					</pattern>
				);
			})}
		</defs>
	);
}
