/** Account → Security: the email, whether it is confirmed (with a resend button), and changing it. */
import { useSignal } from "@preact/signals";
import { useMemo, useRef } from "preact/hooks";
import { changeEmail, resendVerification } from "../../models/account-security";
import { FormModel } from "../../models/form";
import { me } from "../../models/session";
import { focusFirstInvalid } from "../form-kit/focus-first-invalid";
import { FormAlert } from "../form-kit/form-alert";
import { Field } from "../form-kit/text-field";

const LABELS = { newEmail: "New email", emailPassword: "Current password" };

export function EmailSection() {
	const form = useMemo(() => new FormModel({ newEmail: "", emailPassword: "" }, LABELS), []);
	const status = useSignal<string | null>(null);
	const formElement = useRef<HTMLFormElement>(null);
	const { newEmail, emailPassword } = form.values.value;
	const user = me.value;

	const resend = async () => {
		const result = await resendVerification();
		status.value = result.ok ? result.value.message : result.problem.detail;
	};

	const submit = async (event: Event) => {
		event.preventDefault();
		if (form.busy.value) return;
		status.value = null;
		const missing = { newEmail: newEmail.trim() ? undefined : "is required", emailPassword: emailPassword ? undefined : "is required" };
		if (!form.accept(missing)) return focusFirstInvalid(formElement.current);
		form.begin();
		const result = await changeEmail(newEmail.trim(), emailPassword);
		if (!result.ok) {
			// The API names `currentPassword`; this form's field is `emailPassword`.
			const fields = { ...result.problem.fields, emailPassword: result.problem.fields.currentPassword ?? "" };
			form.fail({ ...result.problem, fields });
			return focusFirstInvalid(formElement.current);
		}
		form.busy.value = false;
		form.set("emailPassword", "");
		status.value = `We sent a link to ${newEmail.trim()}. Your email changes when you open it.`;
	};

	return (
		<section class="card" aria-labelledby="email-heading">
			<h2 id="email-heading">Email</h2>
			<p>
				{user?.user.email} —{" "}
				{user?.emailVerified ? (
					<strong>confirmed</strong>
				) : (
					<>
						<strong>not confirmed yet</strong>.{" "}
						<button type="button" class="button small secondary" onClick={resend}>
							Send a new confirmation link
						</button>
					</>
				)}
			</p>
			<p role="status">{status.value}</p>
			<form ref={formElement} onSubmit={submit} noValidate>
				<FormAlert message={form.alert.value} />
				<Field
					id="newEmail"
					label={LABELS.newEmail}
					type="email"
					autoComplete="email"
					verbatim
					value={newEmail}
					onInput={(v) => form.set("newEmail", v)}
					error={form.errors.value.newEmail}
				/>
				<Field
					id="emailPassword"
					label={LABELS.emailPassword}
					type="password"
					autoComplete="current-password"
					value={emailPassword}
					onInput={(v) => form.set("emailPassword", v)}
					error={form.errors.value.emailPassword}
				/>
				<button type="submit" class="button secondary" aria-disabled={form.busy.value}>
					{form.busy.value ? "Sending…" : "Change email"}
				</button>
			</form>
		</section>
	);
}
