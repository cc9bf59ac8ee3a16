/**
 * The chart kit: import charts from here (`components/kit/charts`). Each one's code loads the first
 * time it is shown (./lazy-chart.tsx), so pages pay for charts only when they draw one. See
 * docs/DESIGN-SYSTEM.md "Charts".
 */
import type { BarChartProps } from "./bar-chart";
import type { FunnelChartProps } from "./funnel-chart";
import { lazyChart } from "./lazy-chart";
import type { TimeSeriesChartProps } from "./time-series-chart";

export type { BarChartProps, BarData } from "./bar-chart";
export type { FunnelChartProps } from "./funnel-chart";
export type { FunnelStepInput } from "./funnel-maths";
export type { BarSeries, TimePoint, TimeSeries } from "./summaries";
export type { TimeSeriesChartProps } from "./time-series-chart";

export const TimeSeriesChart = lazyChart<TimeSeriesChartProps>(() => import("./time-series-chart").then((m) => m.TimeSeriesChartView));
export const BarChart = lazyChart<BarChartProps>(() => import("./bar-chart").then((m) => m.BarChartView));
export const FunnelChart = lazyChart<FunnelChartProps>(() => import("./funnel-chart").then((m) => m.FunnelChartView));
