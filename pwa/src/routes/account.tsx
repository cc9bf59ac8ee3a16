/** The account page: who you are signed in as, where, and with which role; the way to its security settings; and signing out. */
import { SignOutButton } from "../components/sign-out-button";
import { useDocumentTitle } from "../components/use-document-title";
import { me, tenant } from "../models/session";

const ROLE_NAMES = { owner: "Owner", admin: "Admin", staff: "Staff", client: "Client" } as const;

export default function Account() {
	useDocumentTitle("Account");
	const user = me.value?.user;
	return (
		<>
			<h1>Your account</h1>
			<dl class="card details">
				<dt>Name</dt>
				<dd>{user?.name}</dd>
				<dt>Email</dt>
				<dd>
					{user?.email}
					{me.value && !me.value.emailVerified && " (not confirmed yet)"}
				</dd>
				<dt>Two-step sign-in</dt>
				<dd>{me.value?.mfaEnabled ? "On" : "Off"}</dd>
				<dt>Role</dt>
				<dd>{me.value ? ROLE_NAMES[me.value.role] : ""}</dd>
				<dt>Agency</dt>
				<dd>{tenant.value?.name}</dd>
			</dl>
			<p>
				<a href="/account/security" class="button secondary">
					Security: password, email, two-step sign-in, sessions
				</a>
			</p>
			<SignOutButton />
		</>
	);
}
