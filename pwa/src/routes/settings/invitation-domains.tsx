/** Invitation domains: the email domains people may be invited from (none listed: any). */
import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { useDraft } from "../../components/form-kit/draft";
import { FormAlert } from "../../components/form-kit/form-alert";
import { invitationDomains, loadInvitationDomains, saveInvitationDomains } from "../../models/invitation-domains";
import { SettingsPage } from "./settings-page";

function parseDomains(text: string): string[] {
	return text
		.split(/[\s,]+/)
		.map((d) => d.trim())
		.filter(Boolean);
}

export default function InvitationDomains() {
	// The saved list fills the field only if the admin has not started typing by the time it arrives.
	const draft = useDraft({ text: "" });
	const { text } = draft.values.value;
	const status = useSignal("");
	const failure = useSignal<string | null>(null);
	useEffect(() => {
		void loadInvitationDomains().then(() => {
			draft.load({ text: invitationDomains.value?.join(", ") ?? "" });
		});
	}, []);
	const submit = async (event: Event) => {
		event.preventDefault();
		const sent = draft.values.value;
		const domains = parseDomains(sent.text);
		const result = await saveInvitationDomains(domains);
		if (!result.ok) {
			// `errors` names e.g. `domains.1`: say which domain it was.
			const [path, message] = Object.entries(result.problem.fields)[0] ?? [];
			const index = Number(path?.split(".")[1]);
			failure.value = path && message ? `${domains[index] ?? "A domain"} ${message}` : result.problem.detail;
			status.value = "";
			return;
		}
		draft.saved(sent, { text: result.value.join(", ") });
		failure.value = null;
		status.value = "Saved.";
	};
	const saved = invitationDomains.value;
	return (
		<SettingsPage path="/settings/invitation-domains">
			<form class="card" onSubmit={submit} noValidate aria-labelledby="domains-heading">
				<h2 id="domains-heading">Allowed domains</h2>
				<FormAlert message={failure.value} />
				<div class="field">
					<label for="domains">Domains</label>
					<input
						id="domains"
						value={text}
						placeholder="example.com, example.co.uk"
						aria-describedby="domains-hint"
						aria-invalid={failure.value ? "true" : undefined}
						onInput={(e) => draft.set("text", e.currentTarget.value)}
					/>
					<p id="domains-hint" class="field-hint">
						Separate domains with commas. Leave empty to allow invitations to any address.
					</p>
				</div>
				<button type="submit" class="button primary">
					Save domains
				</button>
				<p role="status">{status.value}</p>
			</form>
			<p>{saved && saved.length > 0 ? `Invitations may go to: ${saved.join(", ")}.` : "Invitations may go to any address."}</p>
		</SettingsPage>
	);
}
