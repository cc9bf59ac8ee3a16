/** One client for the agency: status, people (invited, linked, unlinked here) and projects, and starting a new project (the keyboard then lands on it). */

import { useEffect, useState } from "preact/hooks";
import { useRoute } from "preact-iso";
import { CLIENT_STATUSES, type ClientStatus } from "../../../schema/portal";
import { AskAssistantLink } from "../components/ask-assistant-link";
import { ClientCrmAccess } from "../components/client-crm-access";
import { ClientPeopleCard } from "../components/client-people-card";
import { DocumentsBrowser } from "../components/documents/documents-browser";
import { Form, SubmitButton } from "../components/form-kit/form";
import { SelectField } from "../components/form-kit/select-field";
import { Field } from "../components/form-kit/text-field";
import { actOptimistically } from "../components/kit/optimistic";
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

const STATUS_OPTIONS = CLIENT_STATUSES.filter((s): s is Exclude<ClientStatus, "archived"> => s !== "archived").map((s) => ({
	value: s,
	label: CLIENT_STATUS_LABELS[s],
}));

function ClientDetailPage() {
	const { params } = useRoute();
	const id = params.id ?? "";
	const [projectName, setProjectName] = useState("");
	useDocumentTitle(client.value?.name ?? "Client");
	useEffect(() => {
		void loadClient(id);
	}, [id]);

	if (detailProblem.value?.status === 404) return <NotFound />;
	const c = client.value;
	if (!c) return <div class="skeleton skeleton-card" />;

	/** The new status shows at once; a refusal puts the old one back and says why and what to do. */
	const changeStatus = (status: Exclude<ClientStatus, "archived">) =>
		actOptimistically({
			apply: () => {
				client.value = { ...c, status };
			},
			revert: () => {
				client.value = c;
			},
			send: () => setStatus(c.id, status),
			refused: (detail) =>
				`${c.name} is still ${CLIENT_STATUS_LABELS[c.status]}: ${detail} Try again, or reload the page if it keeps failing.`,
		});

	return (
		<>
			<p>
				<a href="/clients">All clients</a>
			</p>
			<h1>{c.name}</h1>
			<p>
				<AskAssistantLink kind="client" id={c.id} label={c.name} />
			</p>
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
					<SelectField
						id="client-status"
						label="Change status"
						value={c.status}
						options={STATUS_OPTIONS}
						onChange={(status) => void changeStatus(status)}
					/>
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
				<Form
					class="inline-form"
					aria-label="Start a project"
					send={() => addProject(c.id, projectName.trim())}
					check={() => ({ name: projectName.trim() ? undefined : "is required" })}
					onSuccess={(project) => {
						setProjectName("");
						focusWhenRendered(rowLink(`/projects/${project.id}`));
					}}
				>
					<Field id="project-name" name="name" label="New project name" maxLength={200} value={projectName} onInput={setProjectName} />
					<SubmitButton busyLabel="Starting…">Start project</SubmitButton>
				</Form>
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
