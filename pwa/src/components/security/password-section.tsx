/** Account → Security: change the password (needs the current one; other sessions are signed out). */
import { useSignal } from "@preact/signals";
import { changePassword, loadSessions } from "../../models/account-security";
import { useDraft } from "../form-kit/draft";
import { Form, SubmitButton } from "../form-kit/form";
import { Field } from "../form-kit/text-field";

export function PasswordSection() {
	const draft = useDraft({ currentPassword: "", newPassword: "" });
	const done = useSignal<string | null>(null);
	const { currentPassword, newPassword } = draft.values.value;

	return (
		<section class="card" aria-labelledby="password-heading">
			<h2 id="password-heading">Password</h2>
			<Form
				aria-labelledby="password-heading"
				send={() => {
					done.value = null;
					return changePassword(currentPassword, newPassword);
				}}
				check={() => ({
					currentPassword: currentPassword ? undefined : "is required",
					newPassword: newPassword.length >= 10 ? undefined : "must be at least 10 characters",
				})}
				onSuccess={({ revoked }) => {
					draft.saved({ currentPassword, newPassword }, { currentPassword: "", newPassword: "" });
					done.value =
						revoked > 0
							? `Password changed. ${revoked} other session${revoked === 1 ? " was" : "s were"} signed out.`
							: "Password changed.";
					void loadSessions();
				}}
			>
				<p role="status">{done.value}</p>
				<Field
					id="currentPassword"
					label="Current password"
					type="password"
					autoComplete="current-password"
					value={currentPassword}
					onInput={(v) => draft.set("currentPassword", v)}
				/>
				<Field
					id="newPassword"
					label="New password"
					type="password"
					autoComplete="new-password"
					hint="At least 10 characters; a few words make a good one."
					value={newPassword}
					onInput={(v) => draft.set("newPassword", v)}
				/>
				<SubmitButton busyLabel="Changing…">Change password</SubmitButton>
			</Form>
		</section>
	);
}
