/**
 * Where a new agency owner lands from sign-up: redeems the one-time token captured from the URL
 * fragment at start-up. On success the session model flips the app to the dashboard.
 */
import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { AuthLayout } from "../components/auth-layout";
import { useDocumentTitle } from "../components/use-document-title";
import { takeHandoffToken } from "../models/handoff";
import { redeemHandoff } from "../models/session";

export default function Welcome() {
	useDocumentTitle("Welcome");
	const failure = useSignal<"expired" | "offline" | null>(null);

	useEffect(() => {
		const token = takeHandoffToken();
		if (!token) {
			failure.value = "expired";
			return;
		}
		void redeemHandoff(token).then((result) => {
			if (!result.ok) failure.value = result.problem.status === 0 ? "offline" : "expired";
		});
	}, []);

	if (failure.value === null) {
		return (
			<AuthLayout>
				<h1>Welcome to your portal</h1>
				<p role="status">Signing you in…</p>
			</AuthLayout>
		);
	}
	return (
		<AuthLayout>
			<h1>{failure.value === "offline" ? "You are offline" : "This sign-in link has expired"}</h1>
			<p>
				{failure.value === "offline" ? "Signing in needs a connection. When you are back online, " : "This sign-in link has expired — "}
				<a href="/signin">sign in with your email and password</a>.
			</p>
		</AuthLayout>
	);
}
