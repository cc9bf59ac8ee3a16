/**
 * The project's tasks: who has each and when it is due. The agency adds and assigns (to a member, or
 * to someone invited who has not joined yet: the task waits for them); the assignee (or the agency)
 * marks it done — with the button, or by swiping the task sideways on a touch screen. Pulling down
 * from the top of the page (or the Refresh button) syncs and reloads the project. Keyboard: after an
 * add the keyboard stays in the title for the next task and a status says what was added; after
 * "Mark done" (whose button then goes) it lands on the task itself.
 */
import { useRef, useState } from "preact/hooks";
import type { Result } from "../api/request";
import { dateInputToMs, formatDate } from "../lib/date-format";
import { addTask, assignTask, assignTaskToInvitee, completeTask, loadProject, pendingIds, project } from "../models/project";
import { isStaff, me } from "../models/session";
import { syncNow } from "../models/sync";
import { DateField } from "./form-kit/date-field";
import { useDraft } from "./form-kit/draft";
import { Form, SubmitButton } from "./form-kit/form";
import { SelectField } from "./form-kit/select-field";
import { Field } from "./form-kit/text-field";
import { PullToRefresh } from "./gestures/pull-to-refresh";
import { SwipeRow } from "./gestures/swipe-row";
import { Button } from "./kit/button";

/** A select value naming a pending invitee rather than a member. */
const INVITEE = "invitation:";

/** Members and pending invitees, as the options of an assignee select, after its "nobody" option. */
function assigneeOptions(nobody: string, long: boolean): { value: string; label: string }[] {
	const detail = project.value;
	return [
		{ value: "", label: nobody },
		...(detail?.assignees ?? []).map((a) => ({
			value: a.userId,
			label: `${a.name}${long ? ` (${a.side === "agency" ? "your team" : "client"})` : ""}`,
		})),
		...(detail?.invitees ?? []).map((i) => ({ value: `${INVITEE}${i.invitationId}`, label: `${i.name} (invited)` })),
	];
}

function AddTaskForm() {
	// A draft, not plain state: the add (and the project reload after it) takes a moment, and whatever
	// the person types meanwhile — the next task — must not be cleared when it lands.
	const draft = useDraft({ title: "", assignee: "", due: "" });
	const { title, assignee, due } = draft.values.value;
	const [added, setAdded] = useState("");
	const sent = useRef(draft.values.value);
	const send = async (): Promise<Result<null>> => {
		sent.current = draft.values.value;
		const { title, assignee, due } = sent.current;
		const invitee = assignee.startsWith(INVITEE) ? assignee.slice(INVITEE.length) : null;
		const who = invitee ? { assigneeUserId: null, assigneeInvitationId: invitee } : { assigneeUserId: assignee || null };
		const problem = await addTask({ title: title.trim(), ...who, dueAt: dateInputToMs(due), milestoneId: null });
		setAdded("");
		if (!problem) return { ok: true, value: null };
		// Either assignee path is the one "Assign to" field.
		const fields = { ...problem.fields, assignee: problem.fields.assigneeUserId ?? problem.fields.assigneeInvitationId };
		return {
			ok: false,
			problem: { ...problem, fields: Object.fromEntries(Object.entries(fields).filter(([, m]) => m)) as Record<string, string> },
		};
	};
	return (
		<Form
			class="inline-form"
			aria-label="Add a task"
			send={send}
			check={() => ({ title: title.trim() ? undefined : "Give the task a title." })}
			onSuccess={() => {
				// The assignee stays chosen for the next task, as before; title and due date clear unless retyped meanwhile.
				draft.saved(sent.current, { title: "", assignee: sent.current.assignee, due: "" });
				setAdded(`Added “${sent.current.title.trim()}”.`);
			}}
		>
			<Field id="task-title" name="title" label="New task" maxLength={200} value={title} onInput={(value) => draft.set("title", value)} />
			<SelectField
				id="task-assignee"
				name="assignee"
				label="Assign to"
				value={assignee}
				options={assigneeOptions("Nobody yet", true)}
				onChange={(value) => draft.set("assignee", value)}
			/>
			<DateField id="task-due" name="dueAt" label="Due date (optional)" value={due} onChange={(value) => draft.set("due", value)} />
			<SubmitButton>Add task</SubmitButton>
			<p role="status" class="form-status">
				{added}
			</p>
		</Form>
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
										<SelectField
											id={`assign-${t.id}`}
											label={`Assign ${t.title}`}
											labelHidden
											value={t.assigneeInvitationId ? `${INVITEE}${t.assigneeInvitationId}` : (t.assigneeUserId ?? "")}
											options={assigneeOptions("Nobody", false)}
											onChange={(value) => {
												if (value.startsWith(INVITEE)) void assignTaskToInvitee(t.id, value.slice(INVITEE.length));
												else void assignTask(t.id, value || null);
											}}
										/>
									)}
									{completable && (
										<Button
											size="small"
											onClick={() => {
												// The button goes once the task is done: the keyboard moves to the task first, never to <body>.
												document.getElementById(`task-${t.id}`)?.focus();
												void completeTask(t.id);
											}}
										>
											Mark done<span class="visually-hidden"> {t.title}</span>
										</Button>
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
