/**
 * The Usage page's charts, above its tables: credits by day over the chosen period (a time series;
 * the API counts days in UTC, so the dates read in UTC) and credits by feature (bars). Both come
 * from the kit (loaded when first shown), each with its table alternative.
 */
import type { UsageSummary } from "../../../../schema/credits";
import { BarChart, TimeSeriesChart } from "../kit/charts";
import { creditsByDay, creditsByFeature } from "./usage-chart-data";

const EMPTY = "Nothing used in this period.";

export function UsageCharts({ summary }: { summary: UsageSummary | null }) {
	return (
		<div class="usage-charts">
			<TimeSeriesChart
				title="Credits by day"
				series={summary ? [{ name: "Credits", points: creditsByDay(summary, Date.now()) }] : null}
				kind="area"
				timeZone="UTC"
				xLabel="Day (UTC)"
				integer
				emptyText={EMPTY}
			/>
			<BarChart
				title="Credits by feature"
				data={summary ? creditsByFeature(summary) : null}
				orientation="horizontal"
				categoryLabel="Feature"
				integer
				emptyText={EMPTY}
			/>
		</div>
	);
}
