/** The agency's clients: search, filter by status and tier, sort, archive and restore, and add a client (the keyboard then lands on it in the list). */
import { useEffect, useState } from "preact/hooks";
import { useLocation } from "preact-iso";
import { CLIENT_STATUSES, SERVICE_TIERS, type ServiceTier } from "../../../schema/portal";
import { Form, SubmitButton } from "../components/form-kit/form";
import { FormAlert } from "../components/form-kit/form-alert";
import { SelectField } from "../components/form-kit/select-field";
import { Field } from "../components/form-kit/text-field";
import { Button } from "../components/kit/button";
import { IconMore } from "../components/kit/icons";
import { Menu } from "../components/kit/menu";
import { toast } from "../components/kit/toast";
import { LimitGate } from "../components/plan-gate";
import { StatusBadge } from "../components/status-badge";
import { useDocumentTitle } from "../components/use-document-title";
import { focusWhenRendered, rowLink } from "../lib/focus-when-rendered";
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

const TIER_OPTIONS = SERVICE_TIERS.map((tier) => ({ value: tier, label: tier }));

function AddClientForm() {
	const [name, setName] = useState("");
	const [tier, setTier] = useState<ServiceTier>("standard");
	const [website, setWebsite] = useState("");
	return (
		<section class="card" aria-labelledby="add-client-heading">
			<h2 id="add-client-heading">Add a client</h2>
			<Form
				class="inline-form"
				check={() => ({ name: name.trim() ? undefined : "Give the client a name." })}
				send={() => addClient({ name: name.trim(), tier, website, notes: "" })}
				onSuccess={(added) => {
					focusWhenRendered(rowLink(`/clients/${added.id}`));
					void loadEntitlements();
					setName("");
					setWebsite("");
				}}
			>
				<Field id="client-name" name="name" label="Name" value={name} maxLength={200} onInput={setName} />
				<SelectField id="client-tier" name="tier" label="Service tier" value={tier} options={TIER_OPTIONS} onChange={setTier} />
				<Field
					id="client-website"
					name="website"
					label="Website (optional)"
					type="url"
					required={false}
					value={website}
					placeholder="https://"
					onInput={setWebsite}
				/>
				<SubmitButton busyLabel="Adding…">Add client</SubmitButton>
			</Form>
		</section>
	);
}

function ClientsPage() {
	useDocumentTitle("Clients");
	const [rowProblem, setRowProblem] = useState<string | null>(null);
	const { route } = useLocation();
	useEffect(() => {
		void loadClients();
	}, []);
	const f = filters.value;
	/** Archive or restore, then a toast whose Undo does the opposite through the API. */
	const toggleArchive = async (id: string, name: string, archived: boolean) => {
		const problem = await setArchived(id, archived);
		setRowProblem(problem?.detail ?? null);
		if (problem) return;
		toast.show({
			message: archived ? `${name} archived.` : `${name} restored.`,
			action: { label: "Undo", run: async () => (await setArchived(id, !archived))?.detail },
		});
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
								<Menu
									label={`Actions for ${client.name}`}
									icon={IconMore}
									variant="ghost"
									items={[
										{ label: "Open", onSelect: () => route(`/clients/${client.id}`) },
										client.status === "archived"
											? { label: "Restore", onSelect: () => void toggleArchive(client.id, client.name, false) }
											: { label: "Archive", onSelect: () => void toggleArchive(client.id, client.name, true) },
									]}
								/>
							</li>
						))}
					</ul>
				)}
				{nextCursor.value && <Button onClick={() => void loadClients(true)}>Show more clients</Button>}
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
