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

const PLAN_NAMES: Record<string, string> = { starter: "Starter", pro: "Pro", agency: "Agency" };

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
				<div class="field">
					<label for="agency-search">Agency name</label>
					<input
						id="agency-search"
						type="search"
						value={agencySearch.value}
						onInput={(e) => (agencySearch.value = e.currentTarget.value)}
					/>
				</div>
				<button type="submit" class="button secondary">
					Search
				</button>
			</form>
			<FormAlert message={agenciesProblem.value?.detail ?? null} />
			{list === null ? (
				<div class="skeleton skeleton-line" />
			) : list.length === 0 ? (
				<p class="muted">No agency matches.</p>
			) : (
				<table>
					<caption class="visually-hidden">Agencies, newest first</caption>
					<thead>
						<tr>
							<th scope="col">Agency</th>
							<th scope="col">Plan</th>
							<th scope="col">Subscription</th>
							<th scope="col">
								<span class="visually-hidden">Actions</span>
							</th>
						</tr>
					</thead>
					<tbody>
						{list.map((agency) => (
							<tr key={agency.id}>
								<th scope="row">
									{agency.name} <span class="muted">({agency.slug})</span>
								</th>
								<td>{PLAN_NAMES[agency.planId] ?? agency.planId}</td>
								<td>{statusLabel(agency.subscriptionStatus)}</td>
								<td>
									<button
										type="button"
										class="button small secondary"
										aria-pressed={selectedAgency.value?.id === agency.id ? "true" : "false"}
										onClick={() => void showInvoicesOf(agency)}
									>
										Invoices<span class="visually-hidden"> of {agency.name}</span>
									</button>
								</td>
							</tr>
						))}
					</tbody>
				</table>
			)}
			{agenciesNextCursor.value && (
				<button
					type="button"
					class="button secondary"
					aria-disabled={loadingMoreAgencies.value ? "true" : undefined}
					onClick={() => void loadMoreAgencies()}
				>
					More agencies
				</button>
			)}
		</section>
	);
}
