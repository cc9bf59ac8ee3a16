/**
 * How a chart tells its series apart, in colour and without it. Colours are the theme's text-safe
 * roles (link, accent text, muted, text), which tokens.css and schema/theme-colors.ts keep at 4.5:1
 * on the surface in light and dark, so every line and bar clears the 3:1 that graphics need. Each
 * series also has its own marker shape, line dash and bar pattern, so it reads in greyscale too.
 */

export type MarkerShape = "circle" | "square" | "triangle" | "diamond";
export type BarPattern = "solid" | "hatch" | "dots" | "cross";

export type SeriesStyle = { color: string; marker: MarkerShape; dash: string | undefined; pattern: BarPattern };

const STYLES: readonly SeriesStyle[] = [
	{ color: "var(--color-link)", marker: "circle", dash: undefined, pattern: "solid" },
	{ color: "var(--color-accent-text)", marker: "square", dash: "6 3", pattern: "hatch" },
	{ color: "var(--color-muted)", marker: "triangle", dash: "2 3", pattern: "dots" },
	{ color: "var(--color-text)", marker: "diamond", dash: "8 3 2 3", pattern: "cross" },
];

/** The style of the `index`-th series (a fifth series repeats the first's colour with a later shape). */
export function seriesStyle(index: number): SeriesStyle {
	const style = STYLES[index % STYLES.length] ?? STYLES[0];
	if (!style) throw new Error("no series styles");
	return style;
}

/** SVG path data for a marker of `shape` centred on (x, y) with radius `r`. */
export function markerPath(shape: MarkerShape, x: number, y: number, r: number): string {
	switch (shape) {
		case "circle":
			return `M${x - r},${y}a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0Z`;
		case "square":
			return `M${x - r},${y - r}h${2 * r}v${2 * r}h${-2 * r}Z`;
		case "triangle":
			return `M${x},${y - r * 1.2}L${x + r * 1.1},${y + r * 0.9}L${x - r * 1.1},${y + r * 0.9}Z`;
		case "diamond":
			return `M${x},${y - r * 1.3}L${x + r * 1.3},${y}L${x},${y + r * 1.3}L${x - r * 1.3},${y}Z`;
	}
}
