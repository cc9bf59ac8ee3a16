/** A client's review of one deliverable: approve, or request changes with a comment (required for changes). */
import { useState } from "preact/hooks";
import type { ReviewDecision } from "../../../schema/portal";
import type { ProblemView } from "../api/problem";

type Props = { deliverableId: string; title: string; onReview: (decision: ReviewDecision, comment: string) => Promise<ProblemView | null> };

export function DeliverableReview({ deliverableId, title, onReview }: Props) {
	const [comment, setComment] = useState("");
	const [error, setError] = useState<string | null>(null);
	const [busy, setBusy] = useState(false);
	const commentId = `review-comment-${deliverableId}`;
	const errorId = `${commentId}-error`;

	const submit = async (decision: ReviewDecision) => {
		if (busy) return;
		if (decision === "changes_requested" && !comment.trim()) {
			setError("Say what should change.");
			document.getElementById(commentId)?.focus();
			return;
		}
		setBusy(true);
		const problem = await onReview(decision, comment.trim());
		setBusy(false);
		setError(problem ? (problem.fields.comment ?? problem.detail) : null);
		if (!problem) setComment("");
	};

	return (
		<form class="review-form" aria-label={`Review ${title}`} onSubmit={(e) => e.preventDefault()} noValidate>
			<div class="field">
				<label for={commentId}>Comment</label>
				<textarea
					id={commentId}
					rows={2}
					value={comment}
					maxLength={5000}
					onInput={(e) => setComment(e.currentTarget.value)}
					aria-invalid={error ? "true" : undefined}
					aria-describedby={error ? errorId : undefined}
				/>
				{error && (
					<p id={errorId} class="field-error">
						{error}
					</p>
				)}
			</div>
			<div class="button-row">
				<button type="button" class="button primary" aria-disabled={busy} onClick={() => void submit("approved")}>
					Approve
				</button>
				<button type="button" class="button secondary" aria-disabled={busy} onClick={() => void submit("changes_requested")}>
					Request changes
				</button>
			</div>
		</form>
	);
}
