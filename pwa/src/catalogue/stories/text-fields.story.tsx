/** Text fields: text, email, password, number and textarea, with hints, errors and placeholders. */
import { useSignal } from "@preact/signals";
import { Field } from "../../components/form-kit/text-field";
import { TextAreaField } from "../../components/form-kit/textarea-field";
import { Example } from "../example";
import { defineStory } from "../story";

function TextFields() {
	const name = useSignal("Acme Ltd");
	const email = useSignal("not-an-email");
	const password = useSignal("correct horse");
	const budget = useSignal("");
	const note = useSignal("Kick-off on Monday; the brief is in Documents.");
	return (
		<>
			<Example title="Text with a hint">
				<div class="catalogue-stack">
					<Field id="tf-name" label="Client name" hint="As it appears on invoices." value={name.value} onInput={(v) => (name.value = v)} />
				</div>
			</Example>
			<Example title="Email with an error">
				<div class="catalogue-stack">
					<Field
						id="tf-email"
						type="email"
						label="Email"
						verbatim
						error="Email must be an email address"
						value={email.value}
						onInput={(v) => (email.value = v)}
					/>
				</div>
			</Example>
			<Example title="Password, number with a placeholder">
				<div class="catalogue-stack">
					<Field id="tf-password" type="password" label="Password" value={password.value} onInput={(v) => (password.value = v)} />
					<Field
						id="tf-budget"
						type="number"
						label="Budget"
						required={false}
						placeholder="e.g. 12000"
						value={budget.value}
						onInput={(v) => (budget.value = v)}
					/>
				</div>
			</Example>
			<Example title="Textarea">
				<div class="catalogue-stack">
					<TextAreaField id="tf-note" label="Note" rows={3} value={note.value} onInput={(v) => (note.value = v)} />
				</div>
			</Example>
		</>
	);
}

export default defineStory({
	id: "text-fields",
	title: "Text fields",
	group: "Forms",
	sources: ["components/form-kit/text-field.tsx", "components/form-kit/textarea-field.tsx", "components/form-kit/field-shell.tsx"],
	usage:
		"A label, one control, and its hint and error tied to it (aria-describedby, aria-invalid). Inside a Form the error comes from the server's problem by the field's name.",
	example: `<Field id="client-name" name="name" label="Name" value={v.name} onInput={(x) => draft.set("name", x)} />`,
	render: () => <TextFields />,
});
