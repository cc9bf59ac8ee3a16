/**
 * Projects with their progress: every client's for the agency, one's own for a client user, as a list
 * or as a board by status (the choice remembered on the device; models/projects-board.ts). Read from the
 * device's synced store first (works offline), the network's newer records laid over it (models/projects-list.ts).
 */
import { useEffect } from "preact/hooks";
import { FormAlert } from "../components/form-kit/form-alert";
import { ProgressBar } from "../components/progress-bar";
import { ProjectsBoard } from "../components/projects-board";
import { ProjectsViewSwitch } from "../components/projects-view-switch";
import { useDocumentTitle } from "../components/use-document-title";
import { PROJECT_STATUS_LABELS } from "../lib/portal-labels";
import { dashboardProblem } from "../models/dashboards";
import { projectsView } from "../models/projects-board";
import { refreshProjects, shownProjects } from "../models/projects-list";
import { isStaff } from "../models/session";

export default function Projects() {
	useDocumentTitle("Projects");
	useEffect(() => {
		void refreshProjects();
	}, []);
	const shown = shownProjects.value;
	return (
		<>
			<h1>Projects</h1>
			<FormAlert message={dashboardProblem.value?.detail ?? null} />
			<section class="card" aria-labelledby="projects-heading">
				<h2 id="projects-heading">{isStaff.value ? "All projects" : "Your projects"}</h2>
				<ProjectsViewSwitch />
				{shown === null ? (
					<div class="skeleton skeleton-line" />
				) : shown.length === 0 ? (
					<p>{isStaff.value ? "No projects yet. Start one from a client's page." : "No projects yet."}</p>
				) : projectsView.value === "board" ? (
					<ProjectsBoard projects={shown} />
				) : (
					<ul class="record-list">
						{shown.map((p) => (
							<li key={p.id} class="record record-stacked">
								<a href={`/projects/${p.id}`} class="record-title">
									{p.name}
								</a>
								<span class="record-meta">
									{isStaff.value ? `${p.clientName} · ` : ""}
									{PROJECT_STATUS_LABELS[p.status]}
								</span>
								<ProgressBar progress={p.progress} label={`${p.name} progress`} />
							</li>
						))}
					</ul>
				)}
			</section>
		</>
	);
}
