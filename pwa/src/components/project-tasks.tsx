/**
 * The project's tasks: who has each and when it is due. The agency adds and assigns (to a member, or
 * to someone invited who has not joined yet: the task waits for them); the assignee (or the agency)
 * marks it done — with the button, or by swiping the task sideways on a touch screen. Pulling down
 * from the top of the page (or the Refresh button) syncs and reloads the project. Keyboard: after an
 * add the keyboard stays in the title for the next task and a status says what was added; after
 * "Mark done" (whose button then goes) it lands on the task itself.
 */
import { useState } from "preact/hooks";
import { dateInputToMs, formatDate } from "../lib/date-format";
import { addTask, assignTask, assignTaskToInvitee, completeTask, loadProject, pendingIds, project } from "../models/project";
import { isStaff, me } from "../models/session";
import { syncNow } from "../models/sync";
import { DateField } from "./form-kit/date-field";
import { useDraft } from "./form-kit/draft";
import { PullToRefresh } from "./gestures/pull-to-refresh";
import { SwipeRow } from "./gestures/swipe-row";

/** A select value naming a pending invitee rather than a member. */
const INVITEE = "invitation:";

/** Members and pending invitees, as the options of an assignee select (after its "nobody" option). */
function AssigneeOptions({ long }: { long: boolean }) {
	const detail = project.value;
	return (
		<>
			{(detail?.assignees ?? []).map((a) => (
				<option key={a.userId} value={a.userId}>
					{a.name}
					{long ? ` (${a.side === "agency" ? "your team" : "client"})` : ""}
				</option>
			))}
			{(detail?.invitees ?? []).map((i) => (
				<option key={i.invitationId} value={`${INVITEE}${i.invitationId}`}>
					{i.name} (invited)
				</option>
			))}
		</>
	);
}

function AddTaskForm() {
	// A draft, not plain state: the add (and the project reload after it) takes a moment, and whatever
	// the person types meanwhile — the next task — must not be cleared when it lands.
	const draft = useDraft({ title: "", assignee: "", due: "" });
	const { title, assignee, due } = draft.values.value;
	const [error, setError] = useState<string | null>(null);
	const [added, setAdded] = useState("");
	const submit = async (event: Event) => {
		event.preventDefault();
		const sent = draft.values.value;
		if (!sent.title.trim()) {
			setError("Give the task a title.");
			document.getElementById("task-title")?.focus();
			return;
		}
		const invitee = sent.assignee.startsWith(INVITEE) ? sent.assignee.slice(INVITEE.length) : null;
		const who = invitee ? { assigneeUserId: null, assigneeInvitationId: invitee } : { assigneeUserId: sent.assignee || null };
		const problem = await addTask({ title: sent.title.trim(), ...who, dueAt: dateInputToMs(sent.due), milestoneId: null });
		setError(
			problem ? (problem.fields.title ?? problem.fields.assigneeUserId ?? problem.fields.assigneeInvitationId ?? problem.detail) : null,
		);
		// The assignee stays chosen for the next task, as before; title and due date clear unless retyped meanwhile.
		if (problem) return setAdded("");
		draft.saved(sent, { title: "", assignee: sent.assignee, due: "" });
		setAdded(`Added “${sent.title.trim()}”.`);
	};
	return (
		<form onSubmit={submit} class="inline-form" noValidate aria-label="Add a task">
			<div class="field">
				<label for="task-title">New task</label>
				<input
					id="task-title"
					value={title}
					maxLength={200}
					onInput={(e) => draft.set("title", e.currentTarget.value)}
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
				<select id="task-assignee" value={assignee} onChange={(e) => draft.set("assignee", e.currentTarget.value)}>
					<option value="">Nobody yet</option>
					<AssigneeOptions long />
				</select>
			</div>
			<DateField id="task-due" name="due" label="Due date (optional)" value={due} onChange={(value) => draft.set("due", value)} />
			<button type="submit" class="button primary">
				Add task
			</button>
			<p role="status" class="form-status">
				{added}
			</p>
		</form>
	);
}

/** What a pull or Refresh does: send and fetch the device's changes, then reload the project from the network. */
async function refreshProject(id: string): Promise<void> {
	await syncNow();
	await loadProject(id);
}

export function ProjectTasks() {
	const detail = project.value;
	if (!detail) return null;
	const staff = isStaff.value;
	const myId = me.value?.user.id;
	const nameOf = (t: (typeof detail.tasks)[number]) => {
		if (t.assigneeInvitationId) {
			const invitee = detail.invitees.find((i) => i.invitationId === t.assigneeInvitationId);
			return `${invitee?.name ?? "Someone invited"} (invited, not joined yet)`;
		}
		return detail.assignees.find((a) => a.userId === t.assigneeUserId)?.name ?? "Nobody";
	};
	return (
		<section class="card" aria-labelledby="tasks-heading">
			<div class="chat-header">
				<h2 id="tasks-heading">Tasks</h2>
				<PullToRefresh label="tasks" refresh={() => refreshProject(detail.project.id)} />
			</div>
			{detail.tasks.length === 0 ? (
				<p>No tasks yet.</p>
			) : (
				<ul class="record-list">
					{detail.tasks.map((t) => {
						const completable = t.status === "open" && (staff || t.assigneeUserId === myId);
						return (
							<SwipeRow key={t.id} class="record" action="Mark done" onSwipe={completable ? () => void completeTask(t.id) : null}>
								<div>
									<p id={`task-${t.id}`} class={`record-title${t.status === "done" ? " done" : ""}`} tabIndex={-1}>
										{t.title}
									</p>
									<p class="record-meta">
										{t.status === "done" ? "Done" : `Due ${formatDate(t.dueAt)}`} · {t.assigneeUserId === myId ? "You" : nameOf(t)}
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
												value={t.assigneeInvitationId ? `${INVITEE}${t.assigneeInvitationId}` : (t.assigneeUserId ?? "")}
												onChange={(e) => {
													const value = e.currentTarget.value;
													if (value.startsWith(INVITEE)) void assignTaskToInvitee(t.id, value.slice(INVITEE.length));
													else void assignTask(t.id, value || null);
												}}
											>
												<option value="">Nobody</option>
												<AssigneeOptions long={false} />
											</select>
										</>
									)}
									{completable && (
										<button
											type="button"
											class="button secondary small"
											onClick={() => {
												// The button goes once the task is done: the keyboard moves to the task first, never to <body>.
												document.getElementById(`task-${t.id}`)?.focus();
												void completeTask(t.id);
											}}
										>
											Mark done<span class="visually-hidden"> {t.title}</span>
										</button>
									)}
								</div>
							</SwipeRow>
						);
					})}
				</ul>
			)}
			{staff && <AddTaskForm />}
		</section>
	);
}
