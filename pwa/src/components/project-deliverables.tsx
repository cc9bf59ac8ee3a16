/** The project's deliverables with their review history; the agency adds links, the client approves or asks for changes. */
import { useState } from "preact/hooks";
import { formatDate } from "../lib/date-format";
import { DELIVERABLE_STATUS_LABELS } from "../lib/portal-labels";
import { addLinkDeliverable, pendingIds, project, reviewDeliverable } from "../models/project";
import { isStaff } from "../models/session";
import { DeliverableReview } from "./deliverable-review";
import { useDraft } from "./form-kit/draft";
import { StatusBadge } from "./status-badge";

function AddLinkForm() {
	// A draft: what the person types while the add (and the reload after it) is on the way stays.
	const draft = useDraft({ title: "", url: "" });
	const { title, url } = draft.values.value;
	const [errors, setErrors] = useState<Record<string, string>>({});
	const submit = async (event: Event) => {
		event.preventDefault();
		const sent = draft.values.value;
		const missing: Record<string, string> = {};
		if (!title.trim()) missing.title = "Give the deliverable a title.";
		if (!url.trim()) missing.url = "Paste the https:// address.";
		if (Object.keys(missing).length > 0) {
			setErrors(missing);
			document.getElementById(missing.title ? "deliverable-title" : "deliverable-url")?.focus();
			return;
		}
		const problem = await addLinkDeliverable(sent.title.trim(), sent.url.trim());
		setErrors(problem ? { title: problem.fields.title ?? "", url: problem.fields.url ?? "" } : {});
		if (!problem) draft.saved(sent, { title: "", url: "" });
	};
	return (
		<form onSubmit={submit} class="inline-form" noValidate aria-label="Add a link deliverable">
			<div class="field">
				<label for="deliverable-title">Deliverable title</label>
				<input
					id="deliverable-title"
					value={title}
					maxLength={200}
					onInput={(e) => draft.set("title", e.currentTarget.value)}
					aria-invalid={errors.title ? "true" : undefined}
					aria-describedby={errors.title ? "deliverable-title-error" : undefined}
				/>
				{errors.title && (
					<p id="deliverable-title-error" class="field-error">
						{errors.title}
					</p>
				)}
			</div>
			<div class="field">
				<label for="deliverable-url">Link (https://)</label>
				<input
					id="deliverable-url"
					type="url"
					value={url}
					onInput={(e) => draft.set("url", e.currentTarget.value)}
					aria-invalid={errors.url ? "true" : undefined}
					aria-describedby={errors.url ? "deliverable-url-error" : undefined}
				/>
				{errors.url && (
					<p id="deliverable-url-error" class="field-error">
						{errors.url}
					</p>
				)}
			</div>
			<button type="submit" class="button primary">
				Add deliverable
			</button>
		</form>
	);
}

export function ProjectDeliverables() {
	const detail = project.value;
	if (!detail) return null;
	const staff = isStaff.value;
	return (
		<section class="card" aria-labelledby="deliverables-heading">
			<h2 id="deliverables-heading">Deliverables</h2>
			{detail.deliverables.length === 0 ? (
				<p>No deliverables yet.</p>
			) : (
				<ul class="record-list">
					{detail.deliverables.map((d) => (
						<li key={d.id} class="record record-stacked" aria-label={d.title}>
							<p class="record-title">{d.url ? <a href={d.url}>{d.title}</a> : d.title}</p>
							<p class="record-meta">
								<StatusBadge status={d.status} label={DELIVERABLE_STATUS_LABELS[d.status]} />
								{pendingIds.value.has(d.id) && <span class="pending-tag">Pending — not sent yet</span>}
							</p>
							{d.reviews.length > 0 && (
								<ul class="reviews" aria-label={`Reviews of ${d.title}`}>
									{d.reviews.map((r) => (
										<li key={r.id}>
											<strong>{r.authorName ?? "Someone"}</strong> {r.decision === "approved" ? "approved" : "asked for changes"} on{" "}
											{formatDate(r.createdAt)}
											{r.comment && <>: “{r.comment}”</>}
										</li>
									))}
								</ul>
							)}
							{!staff && d.status !== "approved" && (
								<DeliverableReview
									deliverableId={d.id}
									title={d.title}
									onReview={(decision, comment) => reviewDeliverable(d.id, decision, comment)}
								/>
							)}
						</li>
					))}
				</ul>
			)}
			{staff && <AddLinkForm />}
		</section>
	);
}
