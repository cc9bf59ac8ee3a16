/**
 * A time series: one or more series of (instant, value) as lines or areas, dates on the x axis on
 * calendar boundaries in the person's time zone and locale, a value axis from zero with round
 * ticks, a marker shape and dash per series, a focusable point per date with its readout, and the
 * same numbers as a table. Loaded lazily through ./index.ts (import it from there).
 *
 *   <TimeSeriesChart title="Credits by day" series={[{ name: "Credits", points }]} emptyText="Nothing used yet." />
 */
import { useRef } from "preact/hooks";
import { viewerTimeZone } from "../../../lib/date-format";
import { DataTable } from "../data-table";
import { chartLocale, compactNumber, fullNumber, labelWidth, type NumberWriter } from "./chart-format";
import { ChartFrame } from "./chart-frame";
import { Legend } from "./legend";
import { areaPath, linePath } from "./paths";
import { PointTargets } from "./point-targets";
import { Readout } from "./readout";
import { linearScale, nearestIndex, niceTicks } from "./scale";
import { markerPath, seriesStyle } from "./series-style";
import { describeTimeSeries, type TimeSeries } from "./summaries";
import { pointDateLabel, tickLabel, timeTicks } from "./time-ticks";
import { useChartWidth } from "./use-chart-width";
import { usePointReadout } from "./use-point-readout";

export type TimeSeriesChartProps = {
	title: string;
	/** The series to draw; null while loading. Points may come in any order. */
	series: readonly TimeSeries[] | null;
	kind?: "line" | "area";
	/** The zone dates are read in (default: the person's, else the device's). */
	timeZone?: string;
	/** The table's first column header (default "Date"). */
	xLabel?: string;
	/** How a value is written in readouts, the table and the summary (default: the locale's number). */
	format?: NumberWriter;
	/** How an axis tick is written (default: compact, "1.2K"). */
	tickFormat?: NumberWriter;
	/** Values are whole numbers (counts, credits): no ticks between them. */
	integer?: boolean;
	emptyText: string;
	/** Replaces the generated summary sentence. */
	summary?: string;
	headingLevel?: 2 | 3;
};

const HEIGHT = 220;
const TOP = 12;
const BOTTOM = 28;
const RIGHT = 16;
const EDGE = 8;

export function TimeSeriesChartView(props: TimeSeriesChartProps) {
	const { title, series, kind = "line", xLabel = "Date", integer = false, emptyText, headingLevel } = props;
	const timeZone = props.timeZone ?? viewerTimeZone();
	const locale = chartLocale();
	const format = props.format ?? fullNumber(locale);
	const tickFormat = props.tickFormat ?? compactNumber(locale);
	const dateOf = (ms: number) => pointDateLabel(ms, timeZone, locale);
	const xs = [...new Set((series ?? []).flatMap((s) => s.points.map((p) => p.x)))].sort((a, b) => a - b);
	const state = series === null ? "loading" : xs.length === 0 ? "empty" : "ready";
	const names = (series ?? []).map((s) => s.name);
	const valueAt = (s: TimeSeries, x: number) => s.points.find((p) => p.x === x)?.y ?? null;
	const rows = xs.map((x) => ({ x, values: (series ?? []).map((s) => valueAt(s, x)) }));
	return (
		<ChartFrame
			title={title}
			headingLevel={headingLevel}
			state={state}
			emptyText={emptyText}
			summary={props.summary ?? describeTimeSeries(series ?? [], { value: format, date: dateOf })}
			legend={<Legend names={names} kind="line" />}
			table={
				<DataTable
					caption={title}
					rows={rows}
					rowKey={(row) => String(row.x)}
					empty={emptyText}
					columns={[
						{ key: "x", header: xLabel, rowHeader: true, cell: (row) => dateOf(row.x) },
						...names.map((name, i) => ({
							key: `s${i}`,
							header: name,
							cell: (row: (typeof rows)[number]) => {
								const v = row.values[i];
								return v == null ? "—" : format(v);
							},
						})),
					]}
				/>
			}
		>
			{series && xs.length > 0 && (
				<Plot
					title={title}
					series={series}
					xs={xs}
					kind={kind}
					timeZone={timeZone}
					format={format}
					tickFormat={tickFormat}
					integer={integer}
				/>
			)}
		</ChartFrame>
	);
}

type PlotProps = {
	title: string;
	series: readonly TimeSeries[];
	xs: readonly number[];
	kind: "line" | "area";
	timeZone: string;
	format: NumberWriter;
	tickFormat: NumberWriter;
	integer: boolean;
};

function Plot({ title, series, xs, kind, timeZone, format, tickFormat, integer }: PlotProps) {
	const box = useRef<HTMLDivElement>(null);
	const width = useChartWidth(box);
	const locale = chartLocale();
	const readout = usePointReadout(xs.length);

	const maxY = Math.max(0, ...series.flatMap((s) => s.points.map((p) => p.y)));
	const minY = Math.min(0, ...series.flatMap((s) => s.points.map((p) => p.y)));
	const y = niceTicks(minY, maxY, 5, { zero: true, integer });
	const left = Math.max(...y.ticks.map((t) => labelWidth(tickFormat(t)))) + 12;
	const plotRight = width - RIGHT;
	const bottom = HEIGHT - BOTTOM;
	const first = xs[0] ?? 0;
	const last = xs.at(-1) ?? first;
	const xScale = linearScale([first, last], [left + EDGE, plotRight - EDGE]);
	const yScale = linearScale([y.min, y.max], [bottom, TOP]);
	const px = xs.map(xScale);
	const time = timeTicks(first, last, timeZone, Math.max(2, Math.floor((plotRight - left) / 72)));
	const showMarkers = xs.length <= (plotRight - left) / 14;
	const active = readout.active;

	const pixelPoints = (s: TimeSeries) =>
		xs.map((x, i) => {
			const v = s.points.find((p) => p.x === x)?.y;
			return { x: px[i] ?? 0, y: v == null ? null : yScale(v) };
		});
	const label = (i: number) => {
		const x = xs[i] ?? 0;
		const values = series.map((s) => {
			const v = s.points.find((p) => p.x === x)?.y;
			return `${s.name} ${v == null ? "no value" : format(v)}`;
		});
		return `${pointDateLabel(x, timeZone, locale)}: ${values.join(", ")}`;
	};
	return (
		<div class="kit-chart-plot" ref={box}>
			<svg width={width} height={HEIGHT} viewBox={`0 0 ${width} ${HEIGHT}`} aria-hidden="true">
				<g class="kit-chart-axis">
					{y.ticks.map((t) => (
						<g key={t}>
							<line x1={left} x2={plotRight} y1={yScale(t)} y2={yScale(t)} class={t === 0 ? "kit-chart-baseline" : "kit-chart-grid"} />
							<text x={left - 6} y={yScale(t)} dy="0.32em" text-anchor="end">
								{tickFormat(t)}
							</text>
						</g>
					))}
					{time.ticks.map((t) => {
						const text = tickLabel(t, time.unit, timeZone, locale);
						const half = labelWidth(text) / 2;
						const at = xScale(t);
						const anchor = at - half < 0 ? "start" : at + half > width ? "end" : "middle";
						return (
							<text
								key={t}
								x={anchor === "start" ? Math.max(0, at - EDGE) : anchor === "end" ? width - 2 : at}
								y={HEIGHT - 8}
								text-anchor={anchor}
							>
								{text}
							</text>
						);
					})}
				</g>
				<g>
					{series.map((s, i) => {
						const style = seriesStyle(i);
						const points = pixelPoints(s);
						return (
							<g key={s.name} data-series={s.name}>
								{kind === "area" && <path d={areaPath(points, yScale(Math.max(y.min, 0)))} fill={style.color} class="kit-chart-area" />}
								<path
									d={linePath(points)}
									fill="none"
									stroke={style.color}
									stroke-width="2"
									stroke-dasharray={style.dash}
									class="kit-chart-line"
								/>
								{points.map((p, j) =>
									p.y !== null && (showMarkers || j === active) ? (
										<path
											key={xs[j]}
											d={markerPath(style.marker, p.x, p.y, j === active ? 5 : 3.5)}
											fill={style.color}
											class="kit-chart-marker"
											data-point-marker={j}
										/>
									) : null,
								)}
							</g>
						);
					})}
					{active !== null && <line class="kit-chart-guide" x1={px[active]} x2={px[active]} y1={TOP} y2={bottom} />}
				</g>
			</svg>
			<PointTargets
				label={`${title}: points by date`}
				bands={px.map((x, i) => {
					const x0 = i === 0 ? left : (x + (px[i - 1] ?? x)) / 2;
					const x1 = i === px.length - 1 ? plotRight : (x + (px[i + 1] ?? x)) / 2;
					return { x: x0, y: TOP, width: x1 - x0, height: bottom - TOP };
				})}
				pointLabel={label}
				readout={readout}
				nearest={(x) => Math.max(0, nearestIndex(px, x))}
			/>
			{active !== null && (
				<Readout
					heading={pointDateLabel(xs[active] ?? 0, timeZone, locale)}
					rows={series.map((s) => {
						const v = s.points.find((p) => p.x === xs[active])?.y;
						return { name: s.name, value: v == null ? "—" : format(v) };
					})}
					x={px[active] ?? 0}
					width={width}
					kind="line"
				/>
			)}
		</div>
	);
}
