/** The project's tasks: who has each and when it is due. The agency adds and assigns; the assignee (or the agency) marks it done. */
import { useState } from "preact/hooks";
import { dateInputToMs, formatDate } from "../lib/date-format";
import { addTask, assignTask, completeTask, pendingIds, project } from "../models/project";
import { isStaff, me } from "../models/session";

function AddTaskForm() {
	const assignees = project.value?.assignees ?? [];
	const [title, setTitle] = useState("");
	const [assignee, setAssignee] = useState("");
	const [due, setDue] = useState("");
	const [error, setError] = useState<string | null>(null);
	const submit = async (event: Event) => {
		event.preventDefault();
		if (!title.trim()) {
			setError("Give the task a title.");
			document.getElementById("task-title")?.focus();
			return;
		}
		const problem = await addTask({ title: title.trim(), assigneeUserId: assignee || null, dueAt: dateInputToMs(due), milestoneId: null });
		setError(problem ? (problem.fields.title ?? problem.fields.assigneeUserId ?? problem.detail) : null);
		if (!problem) {
			setTitle("");
			setDue("");
		}
	};
	return (
		<form onSubmit={submit} class="inline-form" noValidate aria-label="Add a task">
			<div class="field">
				<label for="task-title">New task</label>
				<input
					id="task-title"
					value={title}
					maxLength={200}
					onInput={(e) => setTitle(e.currentTarget.value)}
					aria-invalid={error ? "true" : undefined}
					aria-describedby={error ? "task-title-error" : undefined}
				/>
				{error && (
					<p id="task-title-error" class="field-error">
						{error}
					</p>
				)}
			</div>
			<div class="field">
				<label for="task-assignee">Assign to</label>
				<select id="task-assignee" value={assignee} onChange={(e) => setAssignee(e.currentTarget.value)}>
					<option value="">Nobody yet</option>
					{assignees.map((a) => (
						<option key={a.userId} value={a.userId}>
							{a.name} ({a.side === "agency" ? "your team" : "client"})
						</option>
					))}
				</select>
			</div>
			<div class="field">
				<label for="task-due">Due date</label>
				<input id="task-due" type="date" value={due} onInput={(e) => setDue(e.currentTarget.value)} />
			</div>
			<button type="submit" class="button primary">
				Add task
			</button>
		</form>
	);
}

export function ProjectTasks() {
	const detail = project.value;
	if (!detail) return null;
	const staff = isStaff.value;
	const myId = me.value?.user.id;
	const nameOf = (userId: string | null) => detail.assignees.find((a) => a.userId === userId)?.name ?? "Nobody";
	return (
		<section class="card" aria-labelledby="tasks-heading">
			<h2 id="tasks-heading">Tasks</h2>
			{detail.tasks.length === 0 ? (
				<p>No tasks yet.</p>
			) : (
				<ul class="record-list">
					{detail.tasks.map((t) => (
						<li key={t.id} class="record">
							<div>
								<p class={`record-title${t.status === "done" ? " done" : ""}`}>{t.title}</p>
								<p class="record-meta">
									{t.status === "done" ? "Done" : `Due ${formatDate(t.dueAt)}`} ·{" "}
									{t.assigneeUserId === myId ? "You" : nameOf(t.assigneeUserId)}
									{pendingIds.value.has(t.id) && <span class="pending-tag">Pending — not sent yet</span>}
								</p>
							</div>
							<div class="button-row">
								{staff && (
									<>
										<label for={`assign-${t.id}`} class="visually-hidden">
											Assign {t.title}
										</label>
										<select
											id={`assign-${t.id}`}
											value={t.assigneeUserId ?? ""}
											onChange={(e) => void assignTask(t.id, e.currentTarget.value || null)}
										>
											<option value="">Nobody</option>
											{detail.assignees.map((a) => (
												<option key={a.userId} value={a.userId}>
													{a.name}
												</option>
											))}
										</select>
									</>
								)}
								{t.status === "open" && (staff || t.assigneeUserId === myId) && (
									<button type="button" class="button secondary small" onClick={() => void completeTask(t.id)}>
										Mark done<span class="visually-hidden"> {t.title}</span>
									</button>
								)}
							</div>
						</li>
					))}
				</ul>
			)}
			{staff && <AddTaskForm />}
		</section>
	);
}
