/** When the app cannot start: no agency lives at this address, or the server is out of reach with nothing saved. */
import { status } from "../models/session";
import { AuthLayout } from "./auth-layout";
import { Button } from "./kit/button";
import { useDocumentTitle } from "./use-document-title";

export function HostUnavailable() {
	const unknownHost = status.value === "unknown-host";
	const title = unknownHost ? "No agency at this address" : "Can't reach your portal";
	useDocumentTitle(title);
	return (
		<AuthLayout>
			<h1>{title}</h1>
			{unknownHost ? (
				<p>Check the address you were given, or ask your agency for its portal link.</p>
			) : (
				<>
					<p>You seem to be offline, and this page has not been saved on this device yet. It will load when you are back online.</p>
					<Button variant="primary" onClick={() => window.location.reload()}>
						Try again
					</Button>
				</>
			)}
		</AuthLayout>
	);
}
