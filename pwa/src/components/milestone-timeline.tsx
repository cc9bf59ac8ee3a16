/** The project's milestones in order with dates and status; the agency adds, completes and reorders them. */
import { useRef } from "preact/hooks";
import type { Result } from "../api/request";
import { dateInputToMs, formatDate } from "../lib/date-format";
import { MILESTONE_STATUS_LABELS } from "../lib/portal-labels";
import { addMilestone, moveMilestone, project, setMilestoneStatus } from "../models/project";
import { isStaff } from "../models/session";
import { DateField } from "./form-kit/date-field";
import { useDraft } from "./form-kit/draft";
import { Form, SubmitButton } from "./form-kit/form";
import { Field } from "./form-kit/text-field";
import { Button } from "./kit/button";
import { StatusBadge } from "./status-badge";

function AddMilestoneForm() {
	// A draft, not plain state: the add (and the project reload after it) takes a moment, and whatever
	// the person types meanwhile — the next milestone — must not be cleared when it lands.
	const draft = useDraft({ title: "", due: "" });
	const { title, due } = draft.values.value;
	const sent = useRef(draft.values.value);
	const send = async (): Promise<Result<null>> => {
		sent.current = draft.values.value;
		const problem = await addMilestone(sent.current.title.trim(), dateInputToMs(sent.current.due));
		return problem ? { ok: false, problem } : { ok: true, value: null };
	};
	return (
		<Form
			class="inline-form"
			aria-label="Add a milestone"
			send={send}
			check={() => ({ title: title.trim() ? undefined : "Give the milestone a title." })}
			onSuccess={() => draft.saved(sent.current, { title: "", due: "" })}
		>
			<Field
				id="milestone-title"
				name="title"
				label="New milestone"
				maxLength={200}
				value={title}
				onInput={(value) => draft.set("title", value)}
			/>
			<DateField id="milestone-due" name="dueAt" label="Due date (optional)" value={due} onChange={(value) => draft.set("due", value)} />
			<SubmitButton>Add milestone</SubmitButton>
		</Form>
	);
}

export function MilestoneTimeline() {
	const timeline = project.value?.timeline ?? [];
	const staff = isStaff.value;
	return (
		<section class="card" aria-labelledby="timeline-heading">
			<h2 id="timeline-heading">Milestones</h2>
			{timeline.length === 0 ? (
				<p>No milestones yet.</p>
			) : (
				<ol class="timeline">
					{timeline.map((m, index) => (
						<li key={m.id} class={`timeline-item timeline-${m.status}`}>
							<div>
								<p class="record-title">{m.title}</p>
								<p class="record-meta">
									<StatusBadge status={m.status} label={MILESTONE_STATUS_LABELS[m.status]} />{" "}
									{m.status === "completed" ? `Completed ${formatDate(m.completedAt)}` : `Due ${formatDate(m.dueAt)}`}
								</p>
							</div>
							{staff && (
								<div class="button-row">
									{m.status !== "completed" && (
										<Button variant="primary" size="small" onClick={() => void setMilestoneStatus(m.id, "completed")}>
											Complete<span class="visually-hidden"> {m.title}</span>
										</Button>
									)}
									<Button size="small" aria-disabled={index === 0} onClick={() => index > 0 && void moveMilestone(m.id, -1)}>
										Up<span class="visually-hidden"> {m.title}</span>
									</Button>
									<Button
										size="small"
										aria-disabled={index === timeline.length - 1}
										onClick={() => index < timeline.length - 1 && void moveMilestone(m.id, 1)}
									>
										Down<span class="visually-hidden"> {m.title}</span>
									</Button>
								</div>
							)}
						</li>
					))}
				</ol>
			)}
			{staff && <AddMilestoneForm />}
		</section>
	);
}
