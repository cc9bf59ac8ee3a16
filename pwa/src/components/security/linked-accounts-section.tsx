/**
 * Account → Security: sign-in with Google, Microsoft or GitHub. Lists linked providers with the
 * address each gave, links another (a trip to the provider and back) or unlinks one. Shown only
 * when the agency offers at least one provider.
 */
import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { useLocation } from "preact-iso";
import {
	linkedAccounts,
	linkProvider,
	loadLinkedAccounts,
	type OAuthProvider,
	PROVIDER_NAMES,
	refusalMessage,
	unlinkProvider,
} from "../../models/oauth";
import { FormAlert } from "../form-kit/form-alert";
import { Button } from "../kit/button";
import { Skeleton } from "../skeleton";

export function LinkedAccountsSection() {
	const { query } = useLocation();
	const error = useSignal<string | null>(refusalMessage(query.oauth_error));
	const message = useSignal<string | null>(
		query.linked && query.linked in PROVIDER_NAMES ? `${PROVIDER_NAMES[query.linked as OAuthProvider]} is linked.` : null,
	);
	const busy = useSignal(false);
	useEffect(() => {
		void loadLinkedAccounts();
	}, []);

	const state = linkedAccounts.value;
	if (state !== null && state.available.length === 0 && state.accounts.length === 0) return null;

	const link = async (provider: OAuthProvider) => {
		if (busy.value) return;
		busy.value = true;
		const result = await linkProvider(provider);
		if (!result.ok) {
			error.value = result.problem.detail;
			busy.value = false;
		}
	};
	const unlink = async (provider: OAuthProvider) => {
		if (busy.value) return;
		busy.value = true;
		error.value = null;
		const result = await unlinkProvider(provider);
		busy.value = false;
		if (result.ok) message.value = `${PROVIDER_NAMES[provider]} is unlinked.`;
		else error.value = result.problem.detail;
	};

	return (
		<section class="card" aria-labelledby="linked-heading">
			<h2 id="linked-heading">Sign in with another account</h2>
			<FormAlert message={error.value} />
			<p role="status">{message.value}</p>
			{state === null ? (
				<Skeleton />
			) : (
				<ul class="session-list" aria-label="Sign-in providers">
					{state.available.map((provider) => {
						const linked = state.accounts.find((a) => a.provider === provider);
						const name = PROVIDER_NAMES[provider];
						return (
							<li key={provider}>
								<strong>{name}</strong>
								<br />
								<span class="muted">{linked ? `Linked: ${linked.email}` : "Not linked"}</span>{" "}
								{linked ? (
									<Button size="small" onClick={() => unlink(provider)} aria-disabled={busy.value}>
										Unlink {name}
									</Button>
								) : (
									<Button size="small" onClick={() => link(provider)} aria-disabled={busy.value}>
										Link {name}
									</Button>
								)}
							</li>
						);
					})}
				</ul>
			)}
		</section>
	);
}
