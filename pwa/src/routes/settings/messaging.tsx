/** Messaging settings: which client service tiers include messaging, and when an unread message is emailed. */
import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { SERVICE_TIERS, type ServiceTier } from "../../../../schema/portal";
import { api } from "../../api/client";
import { fetchJson } from "../../api/fetch-json";
import { useDraft } from "../../components/form-kit/draft";
import { FormAlert } from "../../components/form-kit/form-alert";
import { SettingsPage } from "./settings-page";

export default function MessagingSettings() {
	// The saved settings fill only what the admin has not changed by the time they arrive.
	const draft = useDraft<{ tier: ServiceTier | ""; minutes: string }>({ tier: "", minutes: "15" });
	const { tier, minutes } = draft.values.value;
	const status = useSignal("");
	const failure = useSignal<string | null>(null);
	useEffect(() => {
		void fetchJson(() => api.api.v1.messaging.settings.$get()).then((result) => {
			if (!result.ok) return;
			draft.load({ tier: result.value.minimumTier ?? "", minutes: String(result.value.unreadEmailMinutes) });
		});
	}, []);
	const submit = async (event: Event) => {
		event.preventDefault();
		const sent = draft.values.value;
		const result = await fetchJson(() =>
			api.api.v1.messaging.settings.$patch({
				json: { minimumTier: sent.tier === "" ? null : sent.tier, unreadEmailMinutes: Number(sent.minutes) },
			}),
		);
		if (result.ok) draft.saved(sent, { tier: result.value.minimumTier ?? "", minutes: String(result.value.unreadEmailMinutes) });
		failure.value = result.ok ? null : result.problem.detail;
		status.value = result.ok ? "Saved." : "";
	};
	return (
		<SettingsPage path="/settings/messaging">
			<form class="card" onSubmit={submit} noValidate aria-labelledby="messaging-settings-heading">
				<h2 id="messaging-settings-heading">Messaging</h2>
				<FormAlert message={failure.value} />
				<div class="field">
					<label for="messaging-tier">Messaging included from</label>
					<select id="messaging-tier" value={tier} onChange={(e) => draft.set("tier", e.currentTarget.value as ServiceTier | "")}>
						<option value="">Every service tier</option>
						{SERVICE_TIERS.map((t) => (
							<option key={t} value={t}>
								The {t} tier and above
							</option>
						))}
					</select>
				</div>
				<div class="field">
					<label for="messaging-minutes">Email an unread message after (minutes)</label>
					<input
						id="messaging-minutes"
						type="number"
						min={1}
						max={720}
						value={minutes}
						onInput={(e) => draft.set("minutes", e.currentTarget.value)}
					/>
				</div>
				<button type="submit" class="button primary">
					Save messaging settings
				</button>
				<p role="status">{status.value}</p>
			</form>
		</SettingsPage>
	);
}
