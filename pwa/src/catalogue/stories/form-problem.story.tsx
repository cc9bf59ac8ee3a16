/** A Form after the server refused it: each problem+json error beside its field, the alert, focus on the first. */
import { useSignal } from "@preact/signals";
import type { Result } from "../../api/request";
import { Form, SubmitButton } from "../../components/form-kit/form";
import { Field } from "../../components/form-kit/text-field";
import { Example } from "../example";
import { defineStory } from "../story";
import { usePrepare } from "../use-prepare";

/** What the API answers with a 422: one message per field path. */
const REFUSAL: Result<never> = {
	ok: false,
	problem: {
		status: 422,
		title: "Unprocessable Content",
		detail: "The request has invalid fields.",
		fields: { name: "is already used by another client", email: "must be an email address" },
		retryAfterSeconds: null,
	},
};

function RefusedForm() {
	const name = useSignal("Acme Ltd");
	const email = useSignal("hello@acme");
	// Sent once on arrival, so the refusal shows as a person would see it.
	const box = usePrepare<HTMLDivElement>([(element) => element.querySelector("form")?.requestSubmit()]);
	return (
		<div ref={box} class="catalogue-stack">
			<Form aria-label="New client" send={() => Promise.resolve(REFUSAL)}>
				<Field id="fp-name" name="name" label="Name" value={name.value} onInput={(v) => (name.value = v)} />
				<Field
					id="fp-email"
					name="email"
					type="email"
					verbatim
					label="Contact email"
					value={email.value}
					onInput={(v) => (email.value = v)}
				/>
				<SubmitButton busyLabel="Saving…">Create client</SubmitButton>
			</Form>
		</div>
	);
}

export default defineStory({
	id: "form-problem",
	title: "Form with server errors",
	group: "Forms",
	sources: ["components/form-kit/form.tsx", "components/form-kit/form-alert.tsx", "components/form-kit/messages.ts"],
	usage:
		"Form sends, keeps the busy state and maps a refusal's errors[] onto the fields by name; the alert counts them and the keyboard goes to the first to fix.",
	example: `<Form send={() => createClient(v)} check={() => ({ name: v.name.trim() ? undefined : "is required" })}>…<SubmitButton>Create</SubmitButton></Form>`,
	render: () => (
		<Example title="Refused with a 422" wide>
			<RefusedForm />
		</Example>
	),
});
