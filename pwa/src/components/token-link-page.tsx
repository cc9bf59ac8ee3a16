/**
 * A page opened from an emailed single-use link: takes the token from the address (and removes it
 * from the address bar), sends it once, and says what happened.
 */
import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import type { Result } from "../api/request";
import { takeUrlToken } from "../models/account-links";
import { isSignedIn } from "../models/session";
import { AuthLayout } from "./auth-layout";

type Props = {
	title: string;
	working: string;
	success: string;
	redeem: (token: string) => Promise<Result<null>>;
	onSuccess?: () => void;
};

export function TokenLinkPage({ title, working, success, redeem, onSuccess }: Props) {
	const state = useSignal<{ kind: "working" } | { kind: "done" } | { kind: "failed"; message: string }>({ kind: "working" });
	useEffect(() => {
		const token = takeUrlToken();
		if (!token) {
			state.value = { kind: "failed", message: "This link is incomplete. Open it again from the email." };
			return;
		}
		void redeem(token).then((result) => {
			if (result.ok) {
				state.value = { kind: "done" };
				onSuccess?.();
			} else {
				state.value = { kind: "failed", message: result.problem.detail };
			}
		});
	}, []);
	const next = isSignedIn.value
		? { href: "/account/security", label: "Go to your security settings" }
		: { href: "/signin", label: "Sign in" };
	const body = (
		<>
			<h1>{title}</h1>
			<p role="status">{state.value.kind === "working" ? working : state.value.kind === "done" ? success : state.value.message}</p>
			{state.value.kind !== "working" && (
				<p>
					<a href={next.href}>{next.label}</a>
				</p>
			)}
		</>
	);
	return isSignedIn.value ? body : <AuthLayout>{body}</AuthLayout>;
}
