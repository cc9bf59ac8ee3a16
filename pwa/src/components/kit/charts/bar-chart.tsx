/**
 * Bars: categories with one value each (single) or one per series (grouped), horizontal (long
 * labels, phones) or vertical. Each bar carries its value as a direct label where it fits, each
 * series its own pattern as well as colour, each category is one focusable point with a readout,
 * and the table holds the same numbers. Values are zero or more. Loaded lazily through ./index.ts.
 *
 *   <BarChart title="Credits by feature" data={{ categories: ["Assistant"], series: [{ name: "Credits", values: [12] }] }} emptyText="…" />
 */
import { useId, useRef } from "preact/hooks";
import { DataTable } from "../data-table";
import { chartLocale, compactNumber, fullNumber, labelWidth, type NumberWriter, truncateLabel } from "./chart-format";
import { ChartFrame } from "./chart-frame";
import { Legend } from "./legend";
import { BarPatterns, barFill, patternIdFor } from "./patterns";
import { type PointBand, PointTargets } from "./point-targets";
import { Readout } from "./readout";
import { linearScale, niceTicks } from "./scale";
import { seriesStyle } from "./series-style";
import { type BarData, describeBars } from "./summaries";

export type { BarData };

import { useChartWidth } from "./use-chart-width";
import { usePointReadout } from "./use-point-readout";

export type BarChartProps = {
	title: string;
	/** null while loading. */
	data: BarData | null;
	orientation?: "horizontal" | "vertical";
	/** The table's first column header (default "Category"). */
	categoryLabel?: string;
	format?: NumberWriter;
	tickFormat?: NumberWriter;
	integer?: boolean;
	emptyText: string;
	summary?: string;
	headingLevel?: 2 | 3;
};

export function BarChartView(props: BarChartProps) {
	const { title, data, orientation = "horizontal", categoryLabel = "Category", integer = false, emptyText, headingLevel } = props;
	const locale = chartLocale();
	const format = props.format ?? fullNumber(locale);
	const tickFormat = props.tickFormat ?? compactNumber(locale);
	const id = useId().replace(/[^a-zA-Z0-9_-]/g, "");
	const state = data === null ? "loading" : data.categories.length === 0 || data.series.length === 0 ? "empty" : "ready";
	const names = data?.series.map((s) => s.name) ?? [];
	const rows = (data?.categories ?? []).map((category, i) => ({ category, values: (data?.series ?? []).map((s) => s.values[i] ?? 0) }));
	return (
		<ChartFrame
			title={title}
			headingLevel={headingLevel}
			state={state}
			emptyText={emptyText}
			summary={props.summary ?? describeBars(data?.categories ?? [], data?.series ?? [], format)}
			legend={<Legend names={names} kind="bar" patternId={patternIdFor(`chart${id}`)} />}
			table={
				<DataTable
					caption={title}
					rows={rows}
					rowKey={(row) => row.category}
					empty={emptyText}
					columns={[
						{ key: "category", header: categoryLabel, rowHeader: true, cell: (row) => row.category },
						...names.map((name, i) => ({ key: `s${i}`, header: name, cell: (row: (typeof rows)[number]) => format(row.values[i] ?? 0) })),
					]}
				/>
			}
		>
			{data && state === "ready" && (
				<Bars
					title={title}
					data={data}
					prefix={`chart${id}`}
					orientation={orientation}
					format={format}
					tickFormat={tickFormat}
					integer={integer}
				/>
			)}
		</ChartFrame>
	);
}

type BarsProps = {
	title: string;
	data: BarData;
	prefix: string;
	orientation: "horizontal" | "vertical";
	format: NumberWriter;
	tickFormat: NumberWriter;
	integer: boolean;
};

/** A bar's geometry in pixels, with its series and category. */
type Bar = { series: number; category: number; x: number; y: number; width: number; height: number; value: number };
/** A category's band (its focusable area) and where its label and readout go. */
type Band = PointBand & { anchorX: number };

const BAR = 20;
const BAR_GAP = 2;
const GROUP_GAP = 14;
const V_HEIGHT = 240;
const V_TOP = 20;
const V_BOTTOM = 28;

function Bars({ title, data, prefix, orientation, format, tickFormat, integer }: BarsProps) {
	const box = useRef<HTMLDivElement>(null);
	const width = useChartWidth(box);
	const readout = usePointReadout(data.categories.length);
	const n = data.series.length;
	const max = Math.max(0, ...data.series.flatMap((s) => s.values));
	const bars: Bar[] = [];
	const bands: Band[] = [];
	const valueLabels: { x: number; y: number; text: string; anchor: "start" | "middle" }[] = [];
	const categoryLabels: { x: number; y: number; text: string; anchor: "end" | "middle" }[] = [];
	let height: number;
	let axis: { ticks: number[]; left: number; right: number; scale: (v: number) => number } | null = null;

	if (orientation === "horizontal") {
		const rowHeight = n * BAR + (n - 1) * BAR_GAP + GROUP_GAP;
		height = data.categories.length * rowHeight;
		const labelColumn = Math.min(Math.floor(width * 0.4), Math.max(...data.categories.map(labelWidth)) + 12);
		const valueColumn = Math.max(...data.series.flatMap((s) => s.values.map((v) => labelWidth(format(v))))) + 10;
		const scale = linearScale([0, max || 1], [labelColumn, Math.max(labelColumn + 1, width - valueColumn)]);
		data.categories.forEach((category, c) => {
			const top = c * rowHeight + GROUP_GAP / 2;
			bands.push({ x: 0, y: c * rowHeight, width, height: rowHeight, anchorX: labelColumn });
			categoryLabels.push({
				x: labelColumn - 8,
				y: top + (rowHeight - GROUP_GAP) / 2,
				text: truncateLabel(category, Math.floor((labelColumn - 12) / 7)),
				anchor: "end",
			});
			data.series.forEach((s, i) => {
				const value = s.values[c] ?? 0;
				const y = top + i * (BAR + BAR_GAP);
				const end = scale(value);
				bars.push({ series: i, category: c, x: labelColumn, y, width: Math.max(0, end - labelColumn), height: BAR, value });
				valueLabels.push({ x: end + 6, y: y + BAR / 2, text: format(value), anchor: "start" });
			});
		});
	} else {
		height = V_HEIGHT;
		const ticks = niceTicks(0, max, 5, { zero: true, integer });
		const left = Math.max(...ticks.ticks.map((t) => labelWidth(tickFormat(t)))) + 12;
		const scale = linearScale([ticks.min, ticks.max], [V_HEIGHT - V_BOTTOM, V_TOP]);
		axis = { ticks: ticks.ticks, left, right: width - 8, scale };
		const band = (width - 8 - left) / data.categories.length;
		const barWidth = (band * 0.8) / n;
		const every = Math.max(1, Math.ceil(48 / band));
		data.categories.forEach((category, c) => {
			const x0 = left + c * band;
			bands.push({ x: x0, y: V_TOP, width: band, height: V_HEIGHT - V_BOTTOM - V_TOP, anchorX: x0 + band / 2 });
			if (c % every === 0)
				categoryLabels.push({
					x: x0 + band / 2,
					y: V_HEIGHT - 10,
					text: truncateLabel(category, Math.floor((band * every) / 7)),
					anchor: "middle",
				});
			data.series.forEach((s, i) => {
				const value = s.values[c] ?? 0;
				const x = x0 + band * 0.1 + i * barWidth;
				const top = scale(value);
				bars.push({ series: i, category: c, x, y: top, width: Math.max(1, barWidth - BAR_GAP), height: V_HEIGHT - V_BOTTOM - top, value });
				if (labelWidth(format(value)) <= barWidth + 4)
					valueLabels.push({ x: x + barWidth / 2, y: top - 6, text: format(value), anchor: "middle" });
			});
		});
	}

	const active = readout.active;
	const label = (c: number) => `${data.categories[c]}: ${data.series.map((s) => `${s.name} ${format(s.values[c] ?? 0)}`).join(", ")}`;
	const nearest = (x: number, y: number) => {
		const found = bands.findIndex((b) => (orientation === "horizontal" ? y >= b.y && y < b.y + b.height : x >= b.x && x < b.x + b.width));
		return found < 0 ? (readout.active ?? readout.tabStop) : found;
	};

	return (
		<div class="kit-chart-plot" ref={box}>
			<svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} aria-hidden="true">
				<BarPatterns prefix={prefix} count={data.series.length} />
				<g class="kit-chart-axis">
					{axis?.ticks.map((t) => (
						<g key={t}>
							<line
								x1={axis.left}
								x2={axis.right}
								y1={axis.scale(t)}
								y2={axis.scale(t)}
								class={t === 0 ? "kit-chart-baseline" : "kit-chart-grid"}
							/>
							<text x={axis.left - 6} y={axis.scale(t)} dy="0.32em" text-anchor="end">
								{tickFormat(t)}
							</text>
						</g>
					))}
					{categoryLabels.map((l) => (
						<text key={`${l.x},${l.y}`} x={l.x} y={l.y} dy="0.32em" text-anchor={l.anchor} class="kit-chart-category">
							{l.text}
						</text>
					))}
				</g>
				<g>
					{active !== null && bands[active] && (
						<rect
							class="kit-chart-band"
							x={bands[active].x}
							y={bands[active].y}
							width={bands[active].width}
							height={bands[active].height}
						/>
					)}
					{bars.map((b) => (
						<rect
							key={`${b.series}-${b.category}`}
							class="kit-chart-bar"
							data-series={data.series[b.series]?.name}
							x={b.x}
							y={b.y}
							width={b.width}
							height={b.height}
							fill={barFill(b.series, prefix)}
							stroke={seriesStyle(b.series).color}
						/>
					))}
					{valueLabels.map((l) => (
						<text
							key={`${l.x},${l.y}`}
							x={l.x}
							y={l.y}
							dy={l.anchor === "start" ? "0.32em" : undefined}
							text-anchor={l.anchor}
							class="kit-chart-value"
						>
							{l.text}
						</text>
					))}
				</g>
			</svg>
			<PointTargets label={`${title}: bars`} bands={bands} pointLabel={label} readout={readout} nearest={nearest} />
			{active !== null && (
				<Readout
					heading={data.categories[active] ?? ""}
					rows={data.series.map((s) => ({ name: s.name, value: format(s.values[active] ?? 0) }))}
					x={bands[active]?.anchorX ?? 0}
					y={orientation === "horizontal" ? (bands[active]?.y ?? 0) + (bands[active]?.height ?? 0) - GROUP_GAP / 2 : 0}
					width={width}
					kind="bar"
					patternId={patternIdFor(prefix)}
				/>
			)}
		</div>
	);
}
