/** Account → Security: the email, whether it is confirmed (with a resend button), and changing it. */
import { useSignal } from "@preact/signals";
import { changeEmail, resendVerification } from "../../models/account-security";
import { me } from "../../models/session";
import { useDraft } from "../form-kit/draft";
import { Form, SubmitButton } from "../form-kit/form";
import { Field } from "../form-kit/text-field";
import { Button } from "../kit/button";

export function EmailSection() {
	const draft = useDraft({ newEmail: "", currentPassword: "" });
	const status = useSignal<string | null>(null);
	const resending = useSignal(false);
	const { newEmail, currentPassword } = draft.values.value;
	const user = me.value;

	const resend = async () => {
		resending.value = true;
		const result = await resendVerification();
		resending.value = false;
		status.value = result.ok ? result.value.message : result.problem.detail;
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
						<Button size="small" onClick={resend} loading={resending.value}>
							Send a new confirmation link
						</Button>
					</>
				)}
			</p>
			<p role="status">{status.value}</p>
			<Form
				aria-label="Change email"
				send={() => {
					status.value = null;
					return changeEmail(newEmail.trim(), currentPassword);
				}}
				check={() => ({
					newEmail: newEmail.trim() ? undefined : "is required",
					currentPassword: currentPassword ? undefined : "is required",
				})}
				onSuccess={() => {
					draft.set("currentPassword", "");
					status.value = `We sent a link to ${newEmail.trim()}. Your email changes when you open it.`;
				}}
			>
				<Field
					id="newEmail"
					label="New email"
					type="email"
					autoComplete="email"
					verbatim
					value={newEmail}
					onInput={(v) => draft.set("newEmail", v)}
				/>
				{/* The API's `currentPassword`; the id differs from the password section's field of the same name. */}
				<Field
					id="emailPassword"
					name="currentPassword"
					label="Current password"
					type="password"
					autoComplete="current-password"
					value={currentPassword}
					onInput={(v) => draft.set("currentPassword", v)}
				/>
				<SubmitButton busyLabel="Sending…" variant="secondary">
					Change email
				</SubmitButton>
			</Form>
		</section>
	);
}
