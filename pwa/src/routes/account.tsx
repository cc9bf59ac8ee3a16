/** The account page: who you are signed in as, where, with which role. */
import { useLocation } from "preact-iso";
import { me, signOut, tenant } from "../models/session";

const ROLE_NAMES = { owner: "Owner", admin: "Admin", staff: "Staff", client: "Client" } as const;

export default function Account() {
	const location = useLocation();
	const user = me.value?.user;
	return (
		<>
			<h1>Your account</h1>
			<dl class="card details">
				<dt>Name</dt>
				<dd>{user?.name}</dd>
				<dt>Email</dt>
				<dd>{user?.email}</dd>
				<dt>Role</dt>
				<dd>{me.value ? ROLE_NAMES[me.value.role] : ""}</dd>
				<dt>Agency</dt>
				<dd>{tenant.value?.name}</dd>
			</dl>
			<button
				type="button"
				class="button secondary"
				onClick={async () => {
					await signOut();
					location.route("/signin");
				}}
			>
				Sign out of this device
			</button>
		</>
	);
}
