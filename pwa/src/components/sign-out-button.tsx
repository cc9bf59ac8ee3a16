/** Signs out and lands on the sign-in page; offline it explains why it cannot. */
import { useSignal } from "@preact/signals";
import { useLocation } from "preact-iso";
import { showNotice } from "../models/notice";
import { signOut } from "../models/session";
import { Button } from "./kit/button";

/** `className`: extra classes for where it sits (the More sheet's full-width row). */
export function SignOutButton({ className }: { className?: string }) {
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
		<Button class={className} loading={busy.value} onClick={onClick}>
			Sign out
		</Button>
	);
}
