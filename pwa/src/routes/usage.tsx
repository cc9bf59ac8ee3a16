/** The usage page (owners and admins): the credit balance, the low-balance alert, this month's use by feature, person, model and day (credits and money), and every movement. */

import { useEffect } from "preact/hooks";
import type { LedgerKind } from "../../../schema/credits";
import { formatMoney } from "../../../schema/money";
import { DataTable } from "../components/data-table";
import { FormAlert } from "../components/form-alert";
import { LowBalanceForm } from "../components/low-balance-form";
import { useDocumentTitle } from "../components/use-document-title";
import { formatDateTime } from "../lib/date-format";
import { me } from "../models/session";
import { balance, entries, hasUsage, loadingMore, loadMoreEntries, loadUsage, nextCursor, summary, usageProblem } from "../models/usage";

const KIND_LABELS: Record<LedgerKind, string> = {
	grant: "Added",
	reserve: "Held",
	settle: "Used",
	release: "Returned",
	expire: "Hold expired",
};

const number = new Intl.NumberFormat();

function personName(userId: string | null): string {
	if (userId === null) return "The agency";
	return userId === me.value?.user.id ? "You" : `Member …${userId.slice(-6)}`;
}

function signedAmount(kind: LedgerKind, amount: number): string {
	if (kind === "grant") return `+${number.format(amount)}`;
	if (kind === "settle") return `−${number.format(amount)}`;
	return number.format(amount);
}

/** A credit's value in dollars is a rate (cents per credit may be fractional), not an amount in minor units. */
const rate = new Intl.NumberFormat(undefined, { style: "currency", currency: "USD" });

type TotalRow = { key: string; name: string; calls: number; credits: number; moneyCents: number };

/** One "this month" table: a name column, then uses, credits and their money value. */
function TotalsTable({ caption, heading, rows }: { caption: string; heading: string; rows: TotalRow[] }) {
	return (
		<DataTable
			caption={caption}
			showCaption
			rows={rows}
			rowKey={(row) => row.key}
			empty="Nothing used this month."
			initialSort={{ key: "credits", descending: true }}
			columns={[
				{ key: "name", header: heading, cell: (row) => row.name, sort: (a, b) => a.name.localeCompare(b.name) },
				{ key: "calls", header: "Uses", cell: (row) => number.format(row.calls), sort: (a, b) => a.calls - b.calls },
				{ key: "credits", header: "Credits", cell: (row) => number.format(row.credits), sort: (a, b) => a.credits - b.credits },
				{ key: "cost", header: "Cost", cell: (row) => formatMoney(row.moneyCents, "usd") },
			]}
		/>
	);
}

export default function Usage() {
	useDocumentTitle("Usage");
	useEffect(() => {
		void loadUsage();
	}, []);

	const b = balance.value;
	return (
		<>
			<h1>Usage</h1>
			<FormAlert message={usageProblem.value?.detail ?? null} />
			<section class="card" aria-labelledby="balance-heading">
				<h2 id="balance-heading">Credits</h2>
				{b ? (
					<dl class="stats">
						<div>
							<dt>Available</dt>
							<dd>{number.format(b.available)}</dd>
						</div>
						<div>
							<dt>Held by running work</dt>
							<dd>{number.format(b.reserved)}</dd>
						</div>
						<div>
							<dt>Balance</dt>
							<dd>{number.format(b.balance)}</dd>
						</div>
					</dl>
				) : (
					<div class="skeleton skeleton-line" />
				)}
				<p class="field-hint">
					Credits pay for the assistant, API calls and exports. Work holds credits before it starts and is charged what it actually used.
				</p>
			</section>

			<LowBalanceForm />

			{summary.value && (summary.value.byFeature.length > 0 || summary.value.byUser.length > 0) && (
				<section class="card" aria-labelledby="month-heading">
					<h2 id="month-heading">This month</h2>
					<TotalsTable
						caption="Credits used by feature"
						heading="Feature"
						rows={summary.value.byFeature.map((r) => ({ ...r, key: r.feature, name: r.feature }))}
					/>
					<TotalsTable
						caption="Credits used by person"
						heading="Person"
						rows={summary.value.byUser.map((r) => ({ ...r, key: r.userId ?? "agency", name: personName(r.userId) }))}
					/>
					<TotalsTable
						caption="Credits used by model"
						heading="Model"
						rows={summary.value.byModel.map((r) => ({ ...r, key: r.model ?? "none", name: r.model ?? "No AI model" }))}
					/>
					<TotalsTable
						caption="Credits used by day (UTC)"
						heading="Day"
						rows={summary.value.byDay.map((r) => ({ ...r, key: r.day, name: r.day }))}
					/>
					<p class="field-hint">
						Cost values credits at {rate.format(summary.value.creditValue.centsPerCredit / 100)} each:{" "}
						{summary.value.creditValue.basis.toLowerCase()}.
					</p>
				</section>
			)}

			<section class="card" aria-labelledby="history-heading">
				<h2 id="history-heading">History</h2>
				{!hasUsage.value ? (
					<p>
						No credit movements yet. Credits arrive with your plan's monthly allowance or a top-up; both come with billing, which is on its
						way.
					</p>
				) : (
					<>
						<DataTable
							caption="Credit movements, newest first"
							rows={entries.value}
							rowKey={(entry) => String(entry.seq)}
							empty="No credit movements yet."
							columns={[
								{ key: "when", header: "When", cell: (entry) => formatDateTime(entry.createdAt) },
								{ key: "kind", header: "Movement", cell: (entry) => KIND_LABELS[entry.kind] },
								{ key: "amount", header: "Credits", cell: (entry) => signedAmount(entry.kind, entry.amount) },
								{ key: "after", header: "Balance after", cell: (entry) => number.format(entry.balanceAfter) },
								{ key: "reason", header: "Reason", cell: (entry) => entry.reason },
							]}
						/>
						{nextCursor.value && (
							<button type="button" class="button secondary" aria-disabled={loadingMore.value} onClick={() => void loadMoreEntries()}>
								{loadingMore.value ? "Loading…" : "Show older movements"}
							</button>
						)}
					</>
				)}
			</section>
		</>
	);
}
