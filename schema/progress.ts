/** How far a project is: completed milestones of all milestones, or done tasks of all tasks when it has no milestones. Shared by the Worker and the PWA (offline pages). */
import type { ProgressT } from "./dto/portal";

export function projectProgress(milestones: readonly { status: string }[], tasks: readonly { status: string }[]): ProgressT {
	if (milestones.length > 0) {
		const done = milestones.filter((m) => m.status === "completed").length;
		return { basis: "milestones", done, total: milestones.length, percent: Math.floor((done * 100) / milestones.length) };
	}
	if (tasks.length > 0) {
		const done = tasks.filter((t) => t.status === "done").length;
		return { basis: "tasks", done, total: tasks.length, percent: Math.floor((done * 100) / tasks.length) };
	}
	return { basis: "none", done: 0, total: 0, percent: 0 };
}
