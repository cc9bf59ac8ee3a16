/**
 * The Usage page's breakdown: for a chosen period, credits used by feature, by person, by model and
 * by day (each in credits and money), then every day × feature × person × model in one sortable
 * table. Above the tables, credits by day and by feature as charts (./usage-charts.tsx). People are
 * named as the agency knows them; models as the assistant offers them.
 */

import type { UsageSummary } from "../../../../schema/credits";
import { formatMoney } from "../../../../schema/money";
import { me } from "../../models/session";
import { loadSummary, summary, USAGE_PERIODS, type UsagePeriod, usagePeriod } from "../../models/usage";
import { SelectField } from "../form-kit/select-field";
import { DataTable } from "../kit/data-table";
import { UsageCharts } from "./usage-charts";
import { featureName } from "./usage-labels";

const number = new Intl.NumberFormat();
/** A credit's value in dollars is a rate (cents per credit may be fractional), not an amount in minor units. */
const rate = new Intl.NumberFormat(undefined, { style: "currency", currency: "USD" });

function personName(row: { userId: string | null; name: string | null }): string {
	if (row.userId === null) return "The agency";
	const name = row.name ?? "A former member";
	return row.userId === me.value?.user.id ? `${name} (you)` : name;
}

function modelName(row: { model: string | null; label: string | null }): string {
	return row.model === null ? "No AI model" : (row.label ?? row.model);
}

type TotalRow = { key: string; name: string; calls: number; credits: number; moneyCents: number };

/** One totals table: a name column, then uses, credits and their money value. */
function TotalsTable({ caption, heading, rows }: { caption: string; heading: string; rows: TotalRow[] }) {
	return (
		<DataTable
			caption={caption}
			showCaption
			rows={rows}
			rowKey={(row) => row.key}
			empty="Nothing used in this period."
			initialSort={{ key: "credits", descending: true }}
			columns={[
				{ key: "name", header: heading, rowHeader: true, cell: (row) => row.name, sort: (a, b) => a.name.localeCompare(b.name) },
				{ key: "calls", header: "Uses", cell: (row) => number.format(row.calls), sort: (a, b) => a.calls - b.calls },
				{ key: "credits", header: "Credits", cell: (row) => number.format(row.credits), sort: (a, b) => a.credits - b.credits },
				{ key: "cost", header: "Cost", cell: (row) => formatMoney(row.moneyCents, "usd") },
			]}
		/>
	);
}

type DetailRow = UsageSummary["breakdown"][number];

function DetailTable({ rows }: { rows: DetailRow[] }) {
	return (
		<DataTable
			caption="Credits by day, feature, person and model"
			showCaption
			rows={rows}
			rowKey={(row) => `${row.day}|${row.feature}|${row.userId ?? ""}|${row.model ?? ""}`}
			empty="Nothing used in this period."
			initialSort={{ key: "day", descending: true }}
			columns={[
				{ key: "day", header: "Day (UTC)", cell: (row) => row.day, sort: (a, b) => a.day.localeCompare(b.day) || a.credits - b.credits },
				{ key: "feature", header: "Feature", cell: (row) => featureName(row.feature), sort: (a, b) => a.feature.localeCompare(b.feature) },
				{ key: "person", header: "Person", cell: personName, sort: (a, b) => personName(a).localeCompare(personName(b)) },
				{ key: "model", header: "Model", cell: modelName, sort: (a, b) => modelName(a).localeCompare(modelName(b)) },
				{ key: "calls", header: "Uses", cell: (row) => number.format(row.calls), sort: (a, b) => a.calls - b.calls },
				{ key: "credits", header: "Credits", cell: (row) => number.format(row.credits), sort: (a, b) => a.credits - b.credits },
				{ key: "cost", header: "Cost", cell: (row) => formatMoney(row.moneyCents, "usd") },
			]}
		/>
	);
}

export function UsageBreakdown() {
	const s = summary.value;
	return (
		<section class="card" aria-labelledby="breakdown-heading">
			<h2 id="breakdown-heading">Breakdown</h2>
			<SelectField
				id="usage-period"
				label="Period"
				value={usagePeriod.value}
				options={USAGE_PERIODS}
				onChange={(value: UsagePeriod) => void loadSummary(value)}
			/>
			<UsageCharts summary={s} />
			{!s ? (
				<div class="skeleton skeleton-line" />
			) : (
				<>
					<TotalsTable
						caption="Credits used by feature"
						heading="Feature"
						rows={s.byFeature.map((r) => ({ ...r, key: r.feature, name: featureName(r.feature) }))}
					/>
					<TotalsTable
						caption="Credits used by person"
						heading="Person"
						rows={s.byUser.map((r) => ({ ...r, key: r.userId ?? "agency", name: personName(r) }))}
					/>
					<TotalsTable
						caption="Credits used by model"
						heading="Model"
						rows={s.byModel.map((r) => ({ ...r, key: r.model ?? "none", name: modelName(r) }))}
					/>
					<TotalsTable caption="Credits used by day (UTC)" heading="Day" rows={s.byDay.map((r) => ({ ...r, key: r.day, name: r.day }))} />
					<DetailTable rows={s.breakdown} />
					<p class="field-hint">
						Cost values credits at {rate.format(s.creditValue.centsPerCredit / 100)} each: {s.creditValue.basis.toLowerCase()}.
					</p>
				</>
			)}
		</section>
	);
}
