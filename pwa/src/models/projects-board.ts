/**
 * The Projects page's Board view: which view this device shows (List or Board, remembered in
 * localStorage), the statuses the board has columns for (archived is not one), and a move, which
 * changes the project's status through PATCH /api/v1/projects/{id} with the status the mover saw
 * (`fromStatus`), so a change made meanwhile is refused instead of overwritten. The server judges
 * who may move (projects:write); the list is reloaded either way, so the board shows what it kept.
 */
import { signal } from "@preact/signals";
import type { ProjectSummaryT } from "../../../schema/dto/portal";
import type { ProjectStatus } from "../../../schema/portal";
import { api } from "../api/client";
import { fetchJson } from "../api/fetch-json";
import type { MoveOutcome } from "../components/kit/board";
import { refreshProjects } from "./projects-list";

export const BOARD_STATUSES = ["planned", "active", "on_hold", "completed"] as const satisfies readonly ProjectStatus[];
export type BoardStatus = (typeof BOARD_STATUSES)[number];

export function isBoardStatus(status: string): status is BoardStatus {
	return (BOARD_STATUSES as readonly string[]).includes(status);
}

export type ProjectsView = "list" | "board";
const VIEW_KEY = "atrium.projects-view";

function storedView(): ProjectsView {
	try {
		return localStorage.getItem(VIEW_KEY) === "board" ? "board" : "list";
	} catch {
		return "list";
	}
}

export const projectsView = signal<ProjectsView>(storedView());

export function chooseProjectsView(view: ProjectsView): void {
	projectsView.value = view;
	try {
		localStorage.setItem(VIEW_KEY, view);
	} catch {
		// Storage refused (private mode, quota): the choice lasts this visit only.
	}
}

/** Newest first, as the list shows them: the order a board column keeps. */
export function newestFirst(a: ProjectSummaryT, b: ProjectSummaryT): number {
	return b.createdAt - a.createdAt || (a.id < b.id ? 1 : -1);
}

/** Moves a project to another status; resolves once the reloaded list shows what the server kept. */
export async function moveProject(project: ProjectSummaryT, to: BoardStatus): Promise<MoveOutcome> {
	const result = await fetchJson(() =>
		api.api.v1.projects[":id"].$patch({ param: { id: project.id }, json: { status: to, fromStatus: project.status } }),
	);
	await refreshProjects();
	return result.ok ? { ok: true } : { ok: false, message: result.problem.detail };
}
