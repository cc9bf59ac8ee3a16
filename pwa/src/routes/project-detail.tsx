/**
 * One project: progress and milestone timeline, tasks and deliverables. The agency adds, completes,
 * reorders and assigns; a client user completes their own tasks and reviews deliverables.
 */

import { useEffect } from "preact/hooks";
import { useRoute } from "preact-iso";
import { AskAssistantLink } from "../components/ask-assistant-link";
import { FormAlert } from "../components/form-kit/form-alert";
import { MilestoneTimeline } from "../components/milestone-timeline";
import { ProgressBar } from "../components/progress-bar";
import { ProjectDeliverables } from "../components/project-deliverables";
import { ProjectTasks } from "../components/project-tasks";
import { StatusBadge } from "../components/status-badge";
import { SyncConflicts } from "../components/sync-conflicts";
import { ThreadSection } from "../components/thread-section";
import { useDocumentTitle } from "../components/use-document-title";
import { PROJECT_STATUS_LABELS } from "../lib/portal-labels";
import { actionProblem, loadProject, project, projectProblem } from "../models/project";
import { isStaff } from "../models/session";
import NotFound from "./not-found";

export default function ProjectDetail() {
	const { params } = useRoute();
	const id = params.id ?? "";
	useDocumentTitle(project.value?.project.name ?? "Project");
	useEffect(() => {
		project.value = null;
		actionProblem.value = null;
		void loadProject(id);
	}, [id]);

	if (projectProblem.value?.status === 404) return <NotFound />;
	const detail = project.value;
	if (!detail) return <div class="skeleton skeleton-card" />;
	const p = detail.project;

	return (
		<>
			<p>
				<a href="/projects">All projects</a>
				{isStaff.value && (
					<>
						{" · "}
						<a href={`/clients/${detail.client.id}`}>{detail.client.name}</a>
					</>
				)}
			</p>
			<h1>{p.name}</h1>
			<p class="lead">
				<StatusBadge status={p.status} label={PROJECT_STATUS_LABELS[p.status]} /> {p.description}
			</p>
			<p>
				<AskAssistantLink kind="project" id={p.id} label={p.name} />
			</p>
			<FormAlert message={actionProblem.value?.detail ?? null} />
			<SyncConflicts />
			<section class="card" aria-labelledby="progress-heading">
				<h2 id="progress-heading">Progress</h2>
				<ProgressBar progress={detail.progress} label="Project progress" />
			</section>
			<MilestoneTimeline />
			<ProjectTasks />
			<ProjectDeliverables />
			<ThreadSection clientId={detail.client.id} projectId={p.id} placeholder={`e.g. ${p.name}: feedback`} />
		</>
	);
}
