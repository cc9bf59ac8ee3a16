/** The project's deliverables with their review history; the agency adds links, the client approves or asks for changes. */
import { useRef } from "preact/hooks";
import type { Result } from "../api/request";
import { formatDate } from "../lib/date-format";
import { DELIVERABLE_STATUS_LABELS } from "../lib/portal-labels";
import { addLinkDeliverable, pendingIds, project, reviewDeliverable } from "../models/project";
import { isStaff } from "../models/session";
import { DeliverableReview } from "./deliverable-review";
import { useDraft } from "./form-kit/draft";
import { Form, SubmitButton } from "./form-kit/form";
import { Field } from "./form-kit/text-field";
import { StatusBadge } from "./status-badge";

function AddLinkForm() {
	// A draft: what the person types while the add (and the reload after it) is on the way stays.
	const draft = useDraft({ title: "", url: "" });
	const { title, url } = draft.values.value;
	const sent = useRef(draft.values.value);
	const send = async (): Promise<Result<null>> => {
		sent.current = draft.values.value;
		const problem = await addLinkDeliverable(sent.current.title.trim(), sent.current.url.trim());
		return problem ? { ok: false, problem } : { ok: true, value: null };
	};
	return (
		<Form
			class="inline-form"
			aria-label="Add a link deliverable"
			send={send}
			check={() => ({
				title: title.trim() ? undefined : "Give the deliverable a title.",
				url: url.trim() ? undefined : "Paste the https:// address.",
			})}
			onSuccess={() => draft.saved(sent.current, { title: "", url: "" })}
		>
			<Field
				id="deliverable-title"
				name="title"
				label="Deliverable title"
				maxLength={200}
				value={title}
				onInput={(v) => draft.set("title", v)}
			/>
			<Field id="deliverable-url" name="url" label="Link (https://)" type="url" verbatim value={url} onInput={(v) => draft.set("url", v)} />
			<SubmitButton>Add deliverable</SubmitButton>
		</Form>
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
