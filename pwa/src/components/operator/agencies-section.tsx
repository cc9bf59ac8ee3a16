/** The operator's agency list: search by name, plan and subscription status, more pages, and a way into each agency's invoices. */
import { useEffect } from "preact/hooks";
import {
	agencies,
	agenciesNextCursor,
	agenciesProblem,
	agencySearch,
	loadAgencies,
	loadingMoreAgencies,
	loadMoreAgencies,
	selectedAgency,
	showInvoicesOf,
} from "../../models/operator-agencies";
import { FormAlert } from "../form-kit/form-alert";
import { Field } from "../form-kit/text-field";
import { Button } from "../kit/button";
import { byText, DataTable } from "../kit/data-table";

const PLAN_NAMES: Record<string, string> = { starter: "Starter", pro: "Pro", agency: "Agency" };

function planName(agency: { planId: string }): string {
	return PLAN_NAMES[agency.planId] ?? agency.planId;
}

function statusLabel(status: string | null): string {
	return status === null ? "No subscription" : status.replace(/_/g, " ");
}

function search(event: Event): void {
	event.preventDefault();
	void loadAgencies();
}

export function AgenciesSection() {
	useEffect(() => {
		if (agencies.value === null) void loadAgencies();
	}, []);
	const list = agencies.value;
	return (
		<section class="card" aria-labelledby="agencies-heading">
			<h2 id="agencies-heading">Agencies</h2>
			<form class="inline-form" aria-label="Search agencies" onSubmit={search}>
				<Field
					id="agency-search"
					name="search"
					label="Agency name"
					type="search"
					required={false}
					value={agencySearch.value}
					onInput={(value) => (agencySearch.value = value)}
				/>
				<Button type="submit">Search</Button>
			</form>
			<FormAlert message={agenciesProblem.value?.detail ?? null} />
			<DataTable
				caption="Agencies, newest first"
				rows={list}
				rowKey={(agency) => agency.id}
				empty="No agency matches."
				more={
					agenciesNextCursor.value
						? { onMore: () => void loadMoreAgencies(), loading: loadingMoreAgencies.value, label: "More agencies" }
						: null
				}
				columns={[
					{
						key: "agency",
						header: "Agency",
						rowHeader: true,
						cell: (agency) => (
							<>
								{agency.name} <span class="muted">({agency.slug})</span>
							</>
						),
						sort: byText((agency) => agency.name),
					},
					{ key: "plan", header: "Plan", cell: planName, sort: byText(planName) },
					{
						key: "subscription",
						header: "Subscription",
						cell: (agency) => statusLabel(agency.subscriptionStatus),
						sort: byText((agency) => statusLabel(agency.subscriptionStatus)),
					},
					{
						key: "actions",
						header: "Actions",
						hideHeader: true,
						cell: (agency) => (
							<Button
								size="small"
								aria-pressed={selectedAgency.value?.id === agency.id ? "true" : "false"}
								onClick={() => void showInvoicesOf(agency)}
							>
								Invoices<span class="visually-hidden"> of {agency.name}</span>
							</Button>
						),
					},
				]}
			/>
		</section>
	);
}
