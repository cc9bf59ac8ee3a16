/** The usage page (owners and admins): the credit balance, the low-balance alert, what used credits by feature, person, model and day for a chosen period (credits and money), and every movement. */

import { useEffect } from "preact/hooks";
import type { LedgerKind } from "../../../schema/credits";
import { FormAlert } from "../components/form-kit/form-alert";
import { DataTable } from "../components/kit/data-table";
import { LowBalanceForm } from "../components/low-balance-form";
import { UsageBreakdown } from "../components/usage/usage-breakdown";
import { useDocumentTitle } from "../components/use-document-title";
import { formatDateTime } from "../lib/date-format";
import { balance, entries, hasUsage, loadingMore, loadMoreEntries, loadUsage, nextCursor, usageProblem } from "../models/usage";

const KIND_LABELS: Record<LedgerKind, string> = {
	grant: "Added",
	reserve: "Held",
	settle: "Used",
	release: "Returned",
	expire: "Hold expired",
};

const number = new Intl.NumberFormat();

function signedAmount(kind: LedgerKind, amount: number): string {
	if (kind === "grant") return `+${number.format(amount)}`;
	if (kind === "settle") return `−${number.format(amount)}`;
	return number.format(amount);
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

			<UsageBreakdown />

			<section class="card" aria-labelledby="history-heading">
				<h2 id="history-heading">History</h2>
				{!hasUsage.value ? (
					<p>No credit movements yet. Credits arrive with your plan's monthly allowance and with top-ups from Billing.</p>
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
