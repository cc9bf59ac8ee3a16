/** Signs out and lands on the sign-in page; offline it explains why it cannot. */
import { useSignal } from "@preact/signals";
import { useLocation } from "preact-iso";
import { showNotice } from "../models/notice";
import { signOut } from "../models/session";

export function SignOutButton({ className = "button secondary" }: { className?: string }) {
	const { route } = useLocation();
	const busy = useSignal(false);
	const onClick = async () => {
		if (busy.value) return;
		busy.value = true;
		const result = await signOut(() => route("/signin", true));
		busy.value = false;
		if (!result.ok) {
			showNotice(
				result.problem.status === 0 ? "Signing out needs a connection. Try again when you are back online." : result.problem.detail,
			);
		}
	};
	return (
		<button type="button" class={className} onClick={onClick} aria-disabled={busy.value}>
			Sign out
		</button>
	);
}
