/** Invitation domains: the email domains people may be invited from (none listed: any). */
import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { api } from "../../api/client";
import { send } from "../../api/request";
import { FormAlert } from "../../components/form-alert";
import { SettingsPage } from "./settings-page";

export default function InvitationDomains() {
	const text = useSignal("");
	const saved = useSignal<string[] | null>(null);
	const status = useSignal("");
	const failure = useSignal<{ detail: string; field?: string } | null>(null);
	useEffect(() => {
		void send(() => api.api.v1.tenant["invitation-domains"].$get()).then(async (result) => {
			if (result.ok && result.value.status === 200) {
				const { domains } = await result.value.json();
				saved.value = domains;
				text.value = domains.join(", ");
			}
		});
	}, []);
	const submit = async (event: Event) => {
		event.preventDefault();
		const domains = text.value
			.split(/[\s,]+/)
			.map((d) => d.trim())
			.filter(Boolean);
		const result = await send(() => api.api.v1.tenant["invitation-domains"].$put({ json: { domains } }));
		if (!result.ok) {
			const field = Object.entries(result.problem.fields)[0];
			failure.value = {
				detail: field ? `${domains[Number(field[0].split(".")[1])] ?? "A domain"} ${field[1]}` : result.problem.detail,
				field: field?.[0],
			};
			status.value = "";
			return;
		}
		if (result.value.status === 200) {
			saved.value = (await result.value.json()).domains;
			text.value = saved.value.join(", ");
			failure.value = null;
			status.value = "Saved.";
		}
	};
	return (
		<SettingsPage path="/settings/invitation-domains">
			<form class="card" onSubmit={submit} noValidate aria-labelledby="domains-heading">
				<h2 id="domains-heading">Allowed domains</h2>
				<FormAlert message={failure.value?.detail ?? null} />
				<div class="field">
					<label for="domains">Domains</label>
					<input
						id="domains"
						value={text.value}
						placeholder="example.com, example.co.uk"
						aria-describedby="domains-hint"
						aria-invalid={failure.value?.field ? "true" : undefined}
						onInput={(e) => (text.value = e.currentTarget.value)}
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
			<p>
				{saved.value && saved.value.length > 0 ? `Invitations may go to: ${saved.value.join(", ")}.` : "Invitations may go to any address."}
			</p>
		</SettingsPage>
	);
}
