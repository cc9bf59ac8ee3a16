/**
 * /invite?token=…: accepting an invitation. A new person gives a name and password and lands signed
 * in; someone with an account here signs in first (and comes back), then accepts. An invitation from
 * a client's page names the client and the invitee: the form starts with that name.
 */
import { useSignal } from "@preact/signals";
import type { ComponentChildren } from "preact";
import { useEffect, useMemo, useRef } from "preact/hooks";
import { useLocation } from "preact-iso";
import { AuthLayout } from "../components/auth-layout";
import { focusFirstInvalid } from "../components/form-kit/focus-first-invalid";
import { FormAlert } from "../components/form-kit/form-alert";
import { Field } from "../components/form-kit/text-field";
import { SignOutButton } from "../components/sign-out-button";
import { useDocumentTitle } from "../components/use-document-title";
import { FormModel } from "../models/form";
import { acceptInvitation, loadPreview, preview, previewProblem } from "../models/invitation";
import { me } from "../models/session";

/** Signed out: the sign-in card layout. Signed in: a card inside the app frame (which has the page's main region). */
function InviteLayout({ children }: { children: ComponentChildren }) {
	return me.value ? <div class="card invite-card">{children}</div> : <AuthLayout>{children}</AuthLayout>;
}

const ROLE_NAMES = { owner: "an owner", admin: "an admin", staff: "a team member", client: "a client" } as const;
const LABELS = { name: "Your name", password: "Password" };

export default function Invite() {
	useDocumentTitle("Invitation");
	const { query, route } = useLocation();
	const token = query.token ?? "";
	const form = useMemo(() => new FormModel({ name: "", password: "" }, LABELS), []);
	const formElement = useRef<HTMLFormElement>(null);
	const loaded = useSignal(false);

	useEffect(() => {
		void loadPreview(token).then(() => {
			// The name the inviter gave fills the form; the person may change it.
			const given = preview.value?.name;
			if (given && !form.values.value.name) form.set("name", given);
			loaded.value = true;
		});
	}, [token]);

	const accept = async (event: Event) => {
		event.preventDefault();
		if (form.busy.value) return;
		const invitation = preview.value;
		if (!invitation) return;
		const newcomer = !invitation.accountExists;
		if (newcomer) {
			const { name, password } = form.values.value;
			if (!form.accept({ name: name.trim() ? undefined : "is required", password: password ? undefined : "is required" })) {
				return focusFirstInvalid(formElement.current);
			}
		}
		form.begin();
		const { name, password } = form.values.value;
		const result = await acceptInvitation(newcomer ? { token, name: name.trim(), password } : { token });
		if (result.ok) return route("/", true);
		form.fail(result.problem);
		focusFirstInvalid(formElement.current);
	};

	const invitation = preview.value;
	if (!loaded.value) {
		return (
			<InviteLayout>
				<h1>Invitation</h1>
				<p role="status">Opening your invitation…</p>
			</InviteLayout>
		);
	}
	if (!invitation) {
		return (
			<InviteLayout>
				<h1>This invitation cannot be used</h1>
				<p>{previewProblem.value?.detail ?? "The link is not valid."}</p>
				<p>
					<a href="/">Go to the start page</a>
				</p>
			</InviteLayout>
		);
	}
	const role = invitation.customRoleName ?? ROLE_NAMES[invitation.role];
	const signedInAs = me.value?.user.email;
	const isThem = signedInAs?.toLowerCase() === invitation.email.toLowerCase();
	return (
		<InviteLayout>
			<h1>Join {invitation.agency.name}</h1>
			{invitation.client ? (
				<p>
					You are invited to follow {invitation.client.name}'s work with {invitation.agency.name}, with <strong>{invitation.email}</strong>:
					its projects, documents and messages.
				</p>
			) : (
				<p>
					You are invited as {role} with <strong>{invitation.email}</strong>.
				</p>
			)}
			{signedInAs && !isThem ? (
				<>
					<p>You are signed in as {signedInAs}. Sign out, then open the invitation link again to accept it.</p>
					<SignOutButton />
				</>
			) : invitation.accountExists && !isThem ? (
				<p>
					You already have an account here.{" "}
					<a href={`/signin?next=${encodeURIComponent(`/invite?token=${token}`)}`}>Sign in to accept the invitation</a>.
				</p>
			) : (
				<form ref={formElement} onSubmit={accept} noValidate>
					<FormAlert message={form.alert.value} />
					{!invitation.accountExists && (
						<>
							<Field
								id="name"
								label={LABELS.name}
								autoComplete="name"
								value={form.values.value.name}
								onInput={(v) => form.set("name", v)}
								error={form.errors.value.name}
							/>
							<Field
								id="password"
								label={LABELS.password}
								type="password"
								autoComplete="new-password"
								hint="At least 10 characters. A few words together work well."
								value={form.values.value.password}
								onInput={(v) => form.set("password", v)}
								error={form.errors.value.password}
							/>
						</>
					)}
					<button type="submit" class="button primary" aria-disabled={form.busy.value}>
						{form.busy.value ? "Joining…" : invitation.accountExists ? "Accept invitation" : "Create account and join"}
					</button>
				</form>
			)}
		</InviteLayout>
	);
}
