/** The form that creates a prompt template or edits one: title, body with {{placeholders}}, and (for who manages the agency) shared or personal. */
import { useSignal } from "@preact/signals";
import type { PromptTemplateView } from "../../../../schema/assistant";
import { templateVariables } from "../../../../schema/assistant";
import { createPromptTemplate, updatePromptTemplate } from "../../models/prompt-templates";
import { can } from "../../models/session";
import { CheckboxField } from "../form-kit/checkbox-field";
import { Form, SubmitButton } from "../form-kit/form";
import { Field } from "../form-kit/text-field";
import { TextAreaField } from "../form-kit/textarea-field";

export function TemplateForm({ editing, onDone }: { editing: PromptTemplateView | null; onDone: (message: string) => void }) {
	const title = useSignal(editing?.title ?? "");
	const body = useSignal(editing?.body ?? "");
	const shared = useSignal(editing?.shared ?? false);
	const prefix = editing ? `edit-${editing.id}` : "new-template";
	const send = () =>
		editing
			? updatePromptTemplate(editing.id, { title: title.value.trim(), body: body.value.trim() })
			: createPromptTemplate({ title: title.value.trim(), body: body.value.trim(), shared: shared.value });
	const variables = templateVariables(body.value);
	return (
		<Form
			class="card"
			aria-label={editing ? `Edit template ${editing.title}` : "New template"}
			send={send}
			check={() => ({
				title: title.value.trim() ? undefined : "must not be empty",
				body: body.value.trim() ? undefined : "must not be empty",
			})}
			onSuccess={(saved) => {
				if (!editing) {
					title.value = "";
					body.value = "";
					shared.value = false;
				}
				onDone(editing ? `Saved “${saved.title}”.` : `Added “${saved.title}”.`);
			}}
		>
			<h2>{editing ? `Edit “${editing.title}”` : "New template"}</h2>
			<Field id={`${prefix}-title`} name="title" label="Title" maxLength={120} value={title.value} onInput={(v) => (title.value = v)} />
			<TextAreaField
				id={`${prefix}-body`}
				name="body"
				label="Text"
				rows={6}
				maxLength={8000}
				value={body.value}
				onInput={(v) => (body.value = v)}
				hint={
					variables.length > 0
						? `Placeholders to fill in before sending: ${variables.join(", ")}.`
						: "Write {{client}} or {{date}} where the person fills something in before sending."
				}
			/>
			{!editing && can("tenant:manage") && (
				<CheckboxField
					id={`${prefix}-shared`}
					name="shared"
					label="Share with the whole agency"
					checked={shared.value}
					onChange={(v) => (shared.value = v)}
				/>
			)}
			<SubmitButton busyLabel="Saving…">{editing ? "Save template" : "Add template"}</SubmitButton>
		</Form>
	);
}
