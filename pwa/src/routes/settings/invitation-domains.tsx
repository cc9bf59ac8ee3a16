/** Invitation domains: the email domains people may be invited from (none listed: any). */
import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { useDraft } from "../../components/form-kit/draft";
import { Form, SubmitButton } from "../../components/form-kit/form";
import { Field } from "../../components/form-kit/text-field";
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
	useEffect(() => {
		void loadInvitationDomains().then(() => {
			draft.load({ text: invitationDomains.value?.join(", ") ?? "" });
		});
	}, []);
	const domains = parseDomains(text);
	const send = async () => {
		status.value = "";
		const result = await saveInvitationDomains(domains);
		if (result.ok) return result;
		// `errors` names e.g. `domains.1`: say which domain it was, on the field.
		const [path, message] = Object.entries(result.problem.fields)[0] ?? [];
		const domain = domains[Number(path?.split(".")[1])];
		return domain && message
			? { ok: false as const, problem: { ...result.problem, fields: { domains: `"${domain}" ${message}` } } }
			: result;
	};
	const saved = invitationDomains.value;
	return (
		<SettingsPage path="/settings/invitation-domains">
			<Form
				class="card"
				aria-labelledby="domains-heading"
				send={send}
				onSuccess={(savedDomains) => {
					draft.saved({ text }, { text: savedDomains.join(", ") });
					status.value = "Saved.";
				}}
			>
				<h2 id="domains-heading">Allowed domains</h2>
				<Field
					id="domains"
					label="Domains"
					verbatim
					required={false}
					value={text}
					placeholder="example.com, example.co.uk"
					onInput={(value) => draft.set("text", value)}
					hint="Separate domains with commas. Leave empty to allow invitations to any address."
				/>
				<SubmitButton busyLabel="Saving…">Save domains</SubmitButton>
				<p role="status">{status.value}</p>
			</Form>
			<p>{saved && saved.length > 0 ? `Invitations may go to: ${saved.join(", ")}.` : "Invitations may go to any address."}</p>
		</SettingsPage>
	);
}
