/** The project's milestones in order with dates and status; the agency adds, completes and reorders them. */
import { useState } from "preact/hooks";
import { dateInputToMs, formatDate } from "../lib/date-format";
import { MILESTONE_STATUS_LABELS } from "../lib/portal-labels";
import { addMilestone, moveMilestone, project, setMilestoneStatus } from "../models/project";
import { isStaff } from "../models/session";
import { DateField } from "./form-kit/date-field";
import { useDraft } from "./form-kit/draft";
import { StatusBadge } from "./status-badge";

function AddMilestoneForm() {
	// A draft, not plain state: the add (and the project reload after it) takes a moment, and whatever
	// the person types meanwhile — the next milestone — must not be cleared when it lands.
	const draft = useDraft({ title: "", due: "" });
	const { title, due } = draft.values.value;
	const [error, setError] = useState<string | null>(null);
	const submit = async (event: Event) => {
		event.preventDefault();
		const sent = draft.values.value;
		if (!sent.title.trim()) {
			setError("Give the milestone a title.");
			document.getElementById("milestone-title")?.focus();
			return;
		}
		const problem = await addMilestone(sent.title.trim(), dateInputToMs(sent.due));
		setError(problem ? (problem.fields.title ?? problem.fields.dueAt ?? problem.detail) : null);
		if (!problem) draft.saved(sent, { title: "", due: "" });
	};
	return (
		<form onSubmit={submit} class="inline-form" noValidate aria-label="Add a milestone">
			<div class="field">
				<label for="milestone-title">New milestone</label>
				<input
					id="milestone-title"
					value={title}
					maxLength={200}
					onInput={(e) => draft.set("title", e.currentTarget.value)}
					aria-invalid={error ? "true" : undefined}
					aria-describedby={error ? "milestone-title-error" : undefined}
				/>
				{error && (
					<p id="milestone-title-error" class="field-error">
						{error}
					</p>
				)}
			</div>
			<DateField id="milestone-due" name="due" label="Due date (optional)" value={due} onChange={(value) => draft.set("due", value)} />
			<button type="submit" class="button primary">
				Add milestone
			</button>
		</form>
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
										<button type="button" class="button primary small" onClick={() => void setMilestoneStatus(m.id, "completed")}>
											Complete<span class="visually-hidden"> {m.title}</span>
										</button>
									)}
									<button
										type="button"
										class="button secondary small"
										aria-disabled={index === 0}
										onClick={() => index > 0 && void moveMilestone(m.id, -1)}
									>
										Up<span class="visually-hidden"> {m.title}</span>
									</button>
									<button
										type="button"
										class="button secondary small"
										aria-disabled={index === timeline.length - 1}
										onClick={() => index < timeline.length - 1 && void moveMilestone(m.id, 1)}
									>
										Down<span class="visually-hidden"> {m.title}</span>
									</button>
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
