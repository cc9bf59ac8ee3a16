/**
 * The Projects page's Board view: the kit board with a column per status (planned, active, on hold,
 * completed), newest first in each; a card shows the project, its client (for staff) and progress.
 * People who may edit projects move cards (the status changes through the API); others, such as a
 * client's people, get the same board read-only.
 */
import type { ProjectSummaryT } from "../../../schema/dto/portal";
import { PROJECT_STATUS_LABELS } from "../lib/portal-labels";
import { BOARD_STATUSES, isBoardStatus, moveProject, newestFirst } from "../models/projects-board";
import { can, isStaff } from "../models/session";
import { Board } from "./kit/board";
import { ProgressBar } from "./progress-bar";
import "./projects-view.css";

export function ProjectsBoard({ projects }: { projects: readonly ProjectSummaryT[] }) {
	const columns = BOARD_STATUSES.map((status) => ({
		id: status,
		title: PROJECT_STATUS_LABELS[status],
		cards: projects.filter((p) => p.status === status),
	}));
	const move = async (id: string, toColumn: string) => {
		const project = projects.find((p) => p.id === id);
		if (!project || !isBoardStatus(toColumn)) return { ok: false as const, message: "This project is no longer on the board." };
		return moveProject(project, toColumn);
	};
	return (
		<Board
			label="Projects by status"
			headingLevel={3}
			columns={columns}
			cardId={(p) => p.id}
			cardLabel={(p) => p.name}
			order={newestFirst}
			onMove={can("projects:write") ? move : undefined}
			countLabel={(n) => `${n} ${n === 1 ? "project" : "projects"}`}
			empty="No projects."
			renderCard={(p) => (
				<div class="board-project">
					<a href={`/projects/${p.id}`} class="record-title">
						{p.name}
					</a>
					{isStaff.value && <span class="record-meta">{p.clientName}</span>}
					<ProgressBar progress={p.progress} label={`${p.name} progress`} />
				</div>
			)}
		/>
	);
}
