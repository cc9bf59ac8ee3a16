/** The agency's clients: search, filter by status and tier, sort, archive and restore, and add a client. */
import { useEffect, useState } from "preact/hooks";
import { CLIENT_STATUSES, SERVICE_TIERS, type ServiceTier } from "../../../schema/portal";
import { FormAlert } from "../components/form-alert";
import { LimitGate } from "../components/plan-gate";
import { StatusBadge } from "../components/status-badge";
import { useDocumentTitle } from "../components/use-document-title";
import { CLIENT_STATUS_LABELS } from "../lib/portal-labels";
import {
	addClient,
	type ClientSort,
	clientList,
	filters,
	listProblem,
	loadClients,
	nextCursor,
	setArchived,
	setFilter,
} from "../models/clients";
import { loadEntitlements } from "../models/entitlements";
import { isStaff } from "../models/session";
import NotFound from "./not-found";

const SORT_LABELS: Record<ClientSort, string> = { name: "Name", created: "Newest", updated: "Recently updated", status: "Status" };

function AddClientForm() {
	const [name, setName] = useState("");
	const [tier, setTier] = useState<ServiceTier>("standard");
	const [website, setWebsite] = useState("");
	const [errors, setErrors] = useState<Record<string, string>>({});
	const [alert, setAlert] = useState<string | null>(null);

	const submit = async (event: Event) => {
		event.preventDefault();
		if (!name.trim()) {
			setErrors({ name: "Give the client a name." });
			document.getElementById("client-name")?.focus();
			return;
		}
		const result = await addClient({ name: name.trim(), tier, website, notes: "" });
		if (result.ok) {
			void loadEntitlements();
			setName("");
			setWebsite("");
			setErrors({});
			setAlert(null);
			return;
		}
		setErrors(result.problem.fields);
		setAlert(result.problem.detail);
	};

	return (
		<section class="card" aria-labelledby="add-client-heading">
			<h2 id="add-client-heading">Add a client</h2>
			<form onSubmit={submit} noValidate class="inline-form">
				<FormAlert message={alert} />
				<div class="field">
					<label for="client-name">Name</label>
					<input
						id="client-name"
						value={name}
						maxLength={200}
						required
						onInput={(e) => setName(e.currentTarget.value)}
						aria-invalid={errors.name ? "true" : undefined}
						aria-describedby={errors.name ? "client-name-error" : undefined}
					/>
					{errors.name && (
						<p id="client-name-error" class="field-error">
							{errors.name}
						</p>
					)}
				</div>
				<div class="field">
					<label for="client-tier">Service tier</label>
					<select id="client-tier" value={tier} onChange={(e) => setTier(e.currentTarget.value as ServiceTier)}>
						{SERVICE_TIERS.map((t) => (
							<option key={t} value={t}>
								{t}
							</option>
						))}
					</select>
				</div>
				<div class="field">
					<label for="client-website">Website (optional)</label>
					<input
						id="client-website"
						type="url"
						value={website}
						placeholder="https://"
						onInput={(e) => setWebsite(e.currentTarget.value)}
						aria-invalid={errors.website ? "true" : undefined}
						aria-describedby={errors.website ? "client-website-error" : undefined}
					/>
					{errors.website && (
						<p id="client-website-error" class="field-error">
							{errors.website}
						</p>
					)}
				</div>
				<button type="submit" class="button primary">
					Add client
				</button>
			</form>
		</section>
	);
}

function ClientsPage() {
	useDocumentTitle("Clients");
	const [rowProblem, setRowProblem] = useState<string | null>(null);
	useEffect(() => {
		void loadClients();
	}, []);
	const f = filters.value;
	const toggleArchive = async (id: string, archived: boolean) => {
		const problem = await setArchived(id, archived);
		setRowProblem(problem?.detail ?? null);
	};

	return (
		<>
			<h1>Clients</h1>
			<section class="card" aria-label="Find clients">
				<form class="filters" aria-label="Filter clients" onSubmit={(e) => e.preventDefault()}>
					<div class="field">
						<label for="client-search">Search by name</label>
						<input id="client-search" type="search" value={f.q} onInput={(e) => setFilter("q", e.currentTarget.value)} />
					</div>
					<div class="field">
						<label for="client-status-filter">Status</label>
						<select
							id="client-status-filter"
							value={f.status}
							onChange={(e) => setFilter("status", e.currentTarget.value as typeof f.status)}
						>
							<option value="">Any status</option>
							{CLIENT_STATUSES.map((s) => (
								<option key={s} value={s}>
									{CLIENT_STATUS_LABELS[s]}
								</option>
							))}
						</select>
					</div>
					<div class="field">
						<label for="client-tier-filter">Tier</label>
						<select id="client-tier-filter" value={f.tier} onChange={(e) => setFilter("tier", e.currentTarget.value as typeof f.tier)}>
							<option value="">Any tier</option>
							{SERVICE_TIERS.map((t) => (
								<option key={t} value={t}>
									{t}
								</option>
							))}
						</select>
					</div>
					<div class="field">
						<label for="client-sort">Sort by</label>
						<select id="client-sort" value={f.sort} onChange={(e) => setFilter("sort", e.currentTarget.value as ClientSort)}>
							{Object.entries(SORT_LABELS).map(([value, label]) => (
								<option key={value} value={value}>
									{label}
								</option>
							))}
						</select>
					</div>
				</form>
			</section>

			<FormAlert message={listProblem.value?.detail ?? rowProblem} />
			<section class="card" aria-labelledby="client-list-heading">
				<h2 id="client-list-heading">Your clients</h2>
				{clientList.value === null ? (
					<div class="skeleton skeleton-line" />
				) : clientList.value.length === 0 ? (
					<p>No clients match. Add your first client below, or clear the filters.</p>
				) : (
					<ul class="record-list">
						{clientList.value.map((client) => (
							<li key={client.id} class="record">
								<div>
									<a href={`/clients/${client.id}`} class="record-title">
										{client.name}
									</a>
									<p class="record-meta">
										<StatusBadge status={client.status} label={CLIENT_STATUS_LABELS[client.status]} /> <span>{client.tier}</span>
									</p>
								</div>
								<button
									type="button"
									class="button secondary small"
									onClick={() => void toggleArchive(client.id, client.status !== "archived")}
									aria-label={`${client.status === "archived" ? "Restore" : "Archive"} ${client.name}`}
								>
									{client.status === "archived" ? "Restore" : "Archive"}
								</button>
							</li>
						))}
					</ul>
				)}
				{nextCursor.value && (
					<button type="button" class="button secondary" onClick={() => void loadClients(true)}>
						Show more clients
					</button>
				)}
			</section>
			<LimitGate limit="clients" what="clients">
				<AddClientForm />
			</LimitGate>
		</>
	);
}

/** The agency's page: a client user gets "not found", as for any page their role does not have. */
export default function Clients() {
	return isStaff.value ? <ClientsPage /> : <NotFound />;
}
