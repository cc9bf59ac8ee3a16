/** Account → Security: change the password (needs the current one; other sessions are signed out). */
import { useSignal } from "@preact/signals";
import { useMemo, useRef } from "preact/hooks";
import { changePassword, loadSessions } from "../../models/account-security";
import { FormModel } from "../../models/form";
import { focusFirstInvalid } from "../form-kit/focus-first-invalid";
import { FormAlert } from "../form-kit/form-alert";
import { Field } from "../form-kit/text-field";

const LABELS = { currentPassword: "Current password", newPassword: "New password" };

export function PasswordSection() {
	const form = useMemo(() => new FormModel({ currentPassword: "", newPassword: "" }, LABELS), []);
	const done = useSignal<string | null>(null);
	const formElement = useRef<HTMLFormElement>(null);
	const { currentPassword, newPassword } = form.values.value;

	const submit = async (event: Event) => {
		event.preventDefault();
		if (form.busy.value) return;
		done.value = null;
		const missing = {
			currentPassword: currentPassword ? undefined : "is required",
			newPassword: newPassword.length >= 10 ? undefined : "must be at least 10 characters",
		};
		if (!form.accept(missing)) return focusFirstInvalid(formElement.current);
		form.begin();
		const result = await changePassword(currentPassword, newPassword);
		if (!result.ok) {
			form.fail(result.problem);
			return focusFirstInvalid(formElement.current);
		}
		form.busy.value = false;
		form.set("currentPassword", "");
		form.set("newPassword", "");
		done.value =
			result.value.revoked > 0
				? `Password changed. ${result.value.revoked} other session${result.value.revoked === 1 ? " was" : "s were"} signed out.`
				: "Password changed.";
		void loadSessions();
	};

	return (
		<section class="card" aria-labelledby="password-heading">
			<h2 id="password-heading">Password</h2>
			<form ref={formElement} onSubmit={submit} noValidate>
				<FormAlert message={form.alert.value} />
				<p role="status">{done.value}</p>
				<Field
					id="currentPassword"
					label={LABELS.currentPassword}
					type="password"
					autoComplete="current-password"
					value={currentPassword}
					onInput={(v) => form.set("currentPassword", v)}
					error={form.errors.value.currentPassword}
				/>
				<Field
					id="newPassword"
					label={LABELS.newPassword}
					type="password"
					autoComplete="new-password"
					hint="At least 10 characters; a few words make a good one."
					value={newPassword}
					onInput={(v) => form.set("newPassword", v)}
					error={form.errors.value.newPassword}
				/>
				<button type="submit" class="button primary" aria-disabled={form.busy.value}>
					{form.busy.value ? "Changing…" : "Change password"}
				</button>
			</form>
		</section>
	);
}
