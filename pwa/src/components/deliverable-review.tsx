/** A client's review of one deliverable: approve, or request changes with a comment (required for changes). */
import { useSignal } from "@preact/signals";
import type { ComponentChildren } from "preact";
import { useRef } from "preact/hooks";
import type { ReviewDecision } from "../../../schema/portal";
import type { ProblemView } from "../api/problem";
import type { Result } from "../api/request";
import { Form, useFormState } from "./form-kit/form";
import { TextAreaField } from "./form-kit/textarea-field";
import { Button, type ButtonVariant } from "./kit/button";

type Props = { deliverableId: string; title: string; onReview: (decision: ReviewDecision, comment: string) => Promise<ProblemView | null> };

/** One of the form's two sends: it says which decision is sent, and spins while that one is on its way. */
function DecisionButton(props: {
	decision: ReviewDecision;
	chosen: { current: ReviewDecision };
	variant: ButtonVariant;
	children: ComponentChildren;
}) {
	const form = useFormState();
	return (
		<Button
			type="submit"
			variant={props.variant}
			block={false}
			loading={(form?.busy ?? false) && props.chosen.current === props.decision}
			aria-disabled={form?.busy ? "true" : undefined}
			onClick={(event) => {
				if (form?.busy) event.preventDefault();
				else props.chosen.current = props.decision;
			}}
		>
			{props.children}
		</Button>
	);
}

export function DeliverableReview({ deliverableId, title, onReview }: Props) {
	const comment = useSignal("");
	const decision = useRef<ReviewDecision>("approved");
	const send = async (): Promise<Result<null>> => {
		const problem = await onReview(decision.current, comment.value.trim());
		return problem ? { ok: false, problem } : { ok: true, value: null };
	};
	return (
		<Form
			class="review-form"
			aria-label={`Review ${title}`}
			send={send}
			check={() => ({
				comment: decision.current === "changes_requested" && !comment.value.trim() ? "Say what should change." : undefined,
			})}
			onSuccess={() => (comment.value = "")}
		>
			<TextAreaField
				id={`review-comment-${deliverableId}`}
				name="comment"
				label="Comment"
				rows={2}
				maxLength={5000}
				required={false}
				value={comment.value}
				onInput={(value) => (comment.value = value)}
			/>
			<div class="button-row">
				<DecisionButton decision="approved" chosen={decision} variant="primary">
					Approve
				</DecisionButton>
				<DecisionButton decision="changes_requested" chosen={decision} variant="secondary">
					Request changes
				</DecisionButton>
			</div>
		</Form>
	);
}
