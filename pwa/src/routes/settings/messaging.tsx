/** Messaging settings: which client service tiers include messaging, and when an unread message is emailed. */
import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { SERVICE_TIERS, type ServiceTier } from "../../../../schema/portal";
import { api } from "../../api/client";
import { fetchJson } from "../../api/fetch-json";
import { useDraft } from "../../components/form-kit/draft";
import { Form, SubmitButton } from "../../components/form-kit/form";
import { SelectField } from "../../components/form-kit/select-field";
import { Field } from "../../components/form-kit/text-field";
import { SettingsPage } from "./settings-page";

const TIER_OPTIONS: readonly { value: ServiceTier | ""; label: string }[] = [
	{ value: "", label: "Every service tier" },
	...SERVICE_TIERS.map((t) => ({ value: t, label: `The ${t} tier and above` })),
];

export default function MessagingSettings() {
	// The saved settings fill only what the admin has not changed by the time they arrive.
	const draft = useDraft<{ tier: ServiceTier | ""; minutes: string }>({ tier: "", minutes: "15" });
	const { tier, minutes } = draft.values.value;
	const status = useSignal("");
	useEffect(() => {
		void fetchJson(() => api.api.v1.messaging.settings.$get()).then((result) => {
			if (!result.ok) return;
			draft.load({ tier: result.value.minimumTier ?? "", minutes: String(result.value.unreadEmailMinutes) });
		});
	}, []);
	const sent = { tier, minutes };
	const send = () => {
		status.value = "";
		return fetchJson(() =>
			api.api.v1.messaging.settings.$patch({ json: { minimumTier: tier === "" ? null : tier, unreadEmailMinutes: Number(minutes) } }),
		);
	};
	const wholeMinutes = /^\d+$/.test(minutes.trim()) && Number(minutes) >= 1 && Number(minutes) <= 720;
	return (
		<SettingsPage path="/settings/messaging">
			<Form
				class="card"
				aria-labelledby="messaging-settings-heading"
				send={send}
				check={() => ({ unreadEmailMinutes: wholeMinutes ? undefined : "must be a whole number from 1 to 720" })}
				onSuccess={(saved) => {
					draft.saved(sent, { tier: saved.minimumTier ?? "", minutes: String(saved.unreadEmailMinutes) });
					status.value = "Saved.";
				}}
			>
				<h2 id="messaging-settings-heading">Messaging</h2>
				<SelectField
					id="messaging-tier"
					name="minimumTier"
					label="Messaging included from"
					value={tier}
					options={TIER_OPTIONS}
					onChange={(value) => draft.set("tier", value)}
				/>
				<Field
					id="messaging-minutes"
					name="unreadEmailMinutes"
					label="Email an unread message after (minutes)"
					type="number"
					value={minutes}
					onInput={(value) => draft.set("minutes", value)}
				/>
				<SubmitButton busyLabel="Saving…">Save messaging settings</SubmitButton>
				<p role="status">{status.value}</p>
			</Form>
		</SettingsPage>
	);
}
