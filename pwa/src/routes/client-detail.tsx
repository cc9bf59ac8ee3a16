/** One client for the agency: status, people (invited, linked, unlinked here) and projects, and starting a new project (the keyboard then lands on it). */

import { useEffect, useState } from "preact/hooks";
import { useRoute } from "preact-iso";
import { CLIENT_STATUSES, type ClientStatus } from "../../../schema/portal";
import { AskAssistantLink } from "../components/ask-assistant-link";
import { ClientCrmAccess } from "../components/client-crm-access";
import { ClientPeopleCard } from "../components/client-people-card";
import { DocumentsBrowser } from "../components/documents/documents-browser";
import { FormAlert } from "../components/form-kit/form-alert";
import { OnboardingProgress } from "../components/onboarding/onboarding-progress";
import { ProgressBar } from "../components/progress-bar";
import { StatusBadge } from "../components/status-badge";
import { ThreadSection } from "../components/thread-section";
import { useDocumentTitle } from "../components/use-document-title";
import { focusWhenRendered, rowLink } from "../lib/focus-when-rendered";
import { CLIENT_STATUS_LABELS, PROJECT_STATUS_LABELS } from "../lib/portal-labels";
import { addProject, client, clientProjects, detailProblem, loadClient, setStatus } from "../models/client-detail";
import { can, isStaff } from "../models/session";
import NotFound from "./not-found";

function ClientDetailPage() {
	const { params } = useRoute();
	const id = params.id ?? "";
	const [projectName, setProjectName] = useState("");
	const [alert, setAlert] = useState<string | null>(null);
	useDocumentTitle(client.value?.name ?? "Client");
	useEffect(() => {
		void loadClient(id);
	}, [id]);

	if (detailProblem.value?.status === 404) return <NotFound />;
	const c = client.value;
	if (!c) return <div class="skeleton skeleton-card" />;

	const submitProject = async (event: Event) => {
		event.preventDefault();
		if (!projectName.trim()) {
			setAlert("Give the project a name.");
			return;
		}
		const result = await addProject(c.id, projectName.trim());
		setAlert(result.ok ? null : result.problem.detail);
		if (!result.ok) return;
		setProjectName("");
		focusWhenRendered(rowLink(`/projects/${result.value.id}`));
	};

	return (
		<>
			<p>
				<a href="/clients">All clients</a>
			</p>
			<h1>{c.name}</h1>
			<p>
				<AskAssistantLink kind="client" id={c.id} label={c.name} />
			</p>
			<FormAlert message={alert} />
			<section class="card" aria-labelledby="client-status-heading">
				<h2 id="client-status-heading">Status</h2>
				<p>
					<StatusBadge status={c.status} label={CLIENT_STATUS_LABELS[c.status]} /> · {c.tier} tier
					{c.website && (
						<>
							{" "}
							· <a href={c.website}>{c.website}</a>
						</>
					)}
				</p>
				{c.status !== "archived" && (
					<div class="field">
						<label for="client-status">Change status</label>
						<select
							id="client-status"
							value={c.status}
							onChange={async (e) => {
								const result = await setStatus(c.id, e.currentTarget.value as Exclude<ClientStatus, "archived">);
								setAlert(result.ok ? null : result.problem.detail);
							}}
						>
							{CLIENT_STATUSES.filter((s) => s !== "archived").map((s) => (
								<option key={s} value={s}>
									{CLIENT_STATUS_LABELS[s]}
								</option>
							))}
						</select>
					</div>
				)}
				{c.notes && <p>{c.notes}</p>}
			</section>
			<ClientPeopleCard clientId={c.id} clientName={c.name} />
			{can("clients:write") && <ClientCrmAccess clientId={c.id} clientName={c.name} level={c.crmAccess} />}
			<OnboardingProgress clientId={c.id} />
			<section class="card" aria-labelledby="client-projects-heading">
				<h2 id="client-projects-heading">Projects</h2>
				{clientProjects.value.length === 0 ? (
					<p>No projects yet.</p>
				) : (
					<ul class="record-list">
						{clientProjects.value.map((p) => (
							<li key={p.id} class="record record-stacked">
								<a href={`/projects/${p.id}`} class="record-title">
									{p.name}
								</a>
								<span class="record-meta">{PROJECT_STATUS_LABELS[p.status]}</span>
								<ProgressBar progress={p.progress} label={`${p.name} progress`} />
							</li>
						))}
					</ul>
				)}
				<form onSubmit={submitProject} class="inline-form" noValidate>
					<div class="field">
						<label for="project-name">New project name</label>
						<input id="project-name" value={projectName} maxLength={200} onInput={(e) => setProjectName(e.currentTarget.value)} />
					</div>
					<button type="submit" class="button primary">
						Start project
					</button>
				</form>
			</section>
			<ThreadSection clientId={c.id} placeholder={`e.g. ${c.name}: next steps`} />
			{can("documents:read") && (
				<section class="card" aria-labelledby="client-documents-heading">
					<h2 id="client-documents-heading">Documents</h2>
					<DocumentsBrowser clientId={c.id} headingLevel={3} />
				</section>
			)}
		</>
	);
}

/** The agency's page: a client user gets "not found", as for any page their role does not have. */
export default function ClientDetail() {
	return isStaff.value ? <ClientDetailPage /> : <NotFound />;
}
