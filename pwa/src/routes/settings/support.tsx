/** Support settings: the first-reply target per client service tier, and the survey a completed milestone asks. */
import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { SERVICE_TIERS, type ServiceTier } from "../../../../schema/portal";
import { DEFAULT_RESPONSE_TARGET_HOURS, type SurveyMode } from "../../../../schema/support";
import { api } from "../../api/client";
import { fetchJson } from "../../api/fetch-json";
import { FormAlert } from "../../components/form-alert";
import { SettingsPage } from "./settings-page";

const MODE_LABELS: Record<SurveyMode, string> = {
	off: "Ask nothing",
	csat: "CSAT: satisfaction from 1 to 5",
	nps: "NPS: likelihood to recommend from 0 to 10",
};

export default function SupportSettings() {
	const hours = useSignal<Record<ServiceTier, string>>({
		basic: String(DEFAULT_RESPONSE_TARGET_HOURS.basic),
		standard: String(DEFAULT_RESPONSE_TARGET_HOURS.standard),
		premium: String(DEFAULT_RESPONSE_TARGET_HOURS.premium),
	});
	const mode = useSignal<SurveyMode>("off");
	const status = useSignal("");
	const failure = useSignal<string | null>(null);
	useEffect(() => {
		void fetchJson(() => api.api.v1.support.settings.$get()).then((result) => {
			if (!result.ok) return;
			const t = result.value.responseTargetHours;
			hours.value = { basic: String(t.basic), standard: String(t.standard), premium: String(t.premium) };
			mode.value = result.value.surveyMode;
		});
	}, []);
	const submit = async (event: Event) => {
		event.preventDefault();
		const h = hours.value;
		const result = await fetchJson(() =>
			api.api.v1.support.settings.$patch({
				json: {
					responseTargetHours: { basic: Number(h.basic), standard: Number(h.standard), premium: Number(h.premium) },
					surveyMode: mode.value,
				},
			}),
		);
		failure.value = result.ok ? null : result.problem.detail;
		status.value = result.ok ? "Saved." : "";
	};
	return (
		<SettingsPage path="/settings/support">
			<form class="card" onSubmit={submit} noValidate aria-labelledby="support-settings-heading">
				<h2 id="support-settings-heading">Support</h2>
				<FormAlert message={failure.value} />
				<fieldset>
					<legend>First reply due within (hours), by service tier</legend>
					{SERVICE_TIERS.map((tier) => (
						<div class="field" key={tier}>
							<label for={`target-${tier}`}>The {tier} tier</label>
							<input
								id={`target-${tier}`}
								type="number"
								min={1}
								max={720}
								value={hours.value[tier]}
								onInput={(e) => (hours.value = { ...hours.value, [tier]: e.currentTarget.value })}
							/>
						</div>
					))}
				</fieldset>
				<div class="field">
					<label for="survey-mode">After a milestone is completed</label>
					<select id="survey-mode" value={mode.value} onChange={(e) => (mode.value = e.currentTarget.value as SurveyMode)}>
						{(Object.keys(MODE_LABELS) as SurveyMode[]).map((m) => (
							<option key={m} value={m}>
								{MODE_LABELS[m]}
							</option>
						))}
					</select>
				</div>
				<button type="submit" class="button primary">
					Save support settings
				</button>
				<p role="status">{status.value}</p>
			</form>
		</SettingsPage>
	);
}
