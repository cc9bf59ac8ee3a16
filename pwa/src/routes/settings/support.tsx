/** Support settings: the first-reply target per client service tier, and the survey a completed milestone asks. */
import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { SERVICE_TIERS, type ServiceTier } from "../../../../schema/portal";
import { DEFAULT_RESPONSE_TARGET_HOURS, type SurveyMode } from "../../../../schema/support";
import { api } from "../../api/client";
import { fetchJson } from "../../api/fetch-json";
import { useDraft } from "../../components/form-kit/draft";
import { FormAlert } from "../../components/form-kit/form-alert";
import { SettingsPage } from "./settings-page";

const MODE_LABELS: Record<SurveyMode, string> = {
	off: "Ask nothing",
	csat: "CSAT: satisfaction from 1 to 5",
	nps: "NPS: likelihood to recommend from 0 to 10",
};

/** The form's values from the saved settings. */
function draftOf(settings: { responseTargetHours: Record<ServiceTier, number>; surveyMode: SurveyMode }) {
	const t = settings.responseTargetHours;
	return { basic: String(t.basic), standard: String(t.standard), premium: String(t.premium), mode: settings.surveyMode };
}

export default function SupportSettings() {
	// The saved settings fill only the fields the admin has not changed by the time they arrive.
	const draft = useDraft<Record<ServiceTier, string> & { mode: SurveyMode }>({
		basic: String(DEFAULT_RESPONSE_TARGET_HOURS.basic),
		standard: String(DEFAULT_RESPONSE_TARGET_HOURS.standard),
		premium: String(DEFAULT_RESPONSE_TARGET_HOURS.premium),
		mode: "off",
	});
	const values = draft.values.value;
	const status = useSignal("");
	const failure = useSignal<string | null>(null);
	useEffect(() => {
		void fetchJson(() => api.api.v1.support.settings.$get()).then((result) => {
			if (!result.ok) return;
			draft.load(draftOf(result.value));
		});
	}, []);
	const submit = async (event: Event) => {
		event.preventDefault();
		const sent = draft.values.value;
		const result = await fetchJson(() =>
			api.api.v1.support.settings.$patch({
				json: {
					responseTargetHours: { basic: Number(sent.basic), standard: Number(sent.standard), premium: Number(sent.premium) },
					surveyMode: sent.mode,
				},
			}),
		);
		if (result.ok) draft.saved(sent, draftOf(result.value));
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
								value={values[tier]}
								onInput={(e) => draft.set(tier, e.currentTarget.value)}
							/>
						</div>
					))}
				</fieldset>
				<div class="field">
					<label for="survey-mode">After a milestone is completed</label>
					<select id="survey-mode" value={values.mode} onChange={(e) => draft.set("mode", e.currentTarget.value as SurveyMode)}>
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
