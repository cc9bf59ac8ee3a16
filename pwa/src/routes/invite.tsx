/**
 * /invite?token=…: accepting an invitation. A new person gives a name and password and lands signed
 * in; someone with an account here signs in first (and comes back), then accepts. An invitation from
 * a client's page names the client and the invitee: the form starts with that name.
 */
import { useSignal } from "@preact/signals";
import type { ComponentChildren } from "preact";
import { useEffect } from "preact/hooks";
import { useLocation } from "preact-iso";
import { AuthLayout } from "../components/auth-layout";
import { useDraft } from "../components/form-kit/draft";
import { Form, SubmitButton } from "../components/form-kit/form";
import { Field } from "../components/form-kit/text-field";
import { SignOutButton } from "../components/sign-out-button";
import { useDocumentTitle } from "../components/use-document-title";
import { acceptInvitation, loadPreview, preview, previewProblem } from "../models/invitation";
import { me } from "../models/session";

/** Signed out: the sign-in card layout. Signed in: a card inside the app frame (which has the page's main region). */
function InviteLayout({ children }: { children: ComponentChildren }) {
	return me.value ? <div class="card invite-card">{children}</div> : <AuthLayout>{children}</AuthLayout>;
}

const ROLE_NAMES = { owner: "an owner", admin: "an admin", staff: "a team member", client: "a client" } as const;

export default function Invite() {
	useDocumentTitle("Invitation");
	const { query, route } = useLocation();
	const token = query.token ?? "";
	const draft = useDraft({ name: "", password: "" });
	const loaded = useSignal(false);

	useEffect(() => {
		void loadPreview(token).then(() => {
			// The name the inviter gave fills the form; the person may change it.
			const given = preview.value?.name;
			if (given) draft.load({ ...draft.values.value, name: given });
			loaded.value = true;
		});
	}, [token]);

	const newcomer = preview.value ? !preview.value.accountExists : false;
	const { name, password } = draft.values.value;
	const accept = () => acceptInvitation(newcomer ? { token, name: name.trim(), password } : { token });
	const check = () => (newcomer ? { name: name.trim() ? undefined : "is required", password: password ? undefined : "is required" } : {});

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
				<Form aria-label="Accept the invitation" send={accept} check={check} onSuccess={() => route("/", true)}>
					{!invitation.accountExists && (
						<>
							<Field id="name" label="Your name" autoComplete="name" value={name} onInput={(v) => draft.set("name", v)} />
							<Field
								id="password"
								label="Password"
								type="password"
								autoComplete="new-password"
								hint="At least 10 characters. A few words together work well."
								value={password}
								onInput={(v) => draft.set("password", v)}
							/>
						</>
					)}
					<SubmitButton busyLabel="Joining…">{invitation.accountExists ? "Accept invitation" : "Create account and join"}</SubmitButton>
				</Form>
			)}
		</InviteLayout>
	);
}
