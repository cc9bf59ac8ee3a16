/** Support settings: the first-reply target per client service tier, and the survey a completed milestone asks. */
import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { SERVICE_TIERS, type ServiceTier } from "../../../../schema/portal";
import { DEFAULT_RESPONSE_TARGET_HOURS, type SurveyMode } from "../../../../schema/support";
import { api } from "../../api/client";
import { fetchJson } from "../../api/fetch-json";
import { useDraft } from "../../components/form-kit/draft";
import { Form, SubmitButton } from "../../components/form-kit/form";
import { SelectField } from "../../components/form-kit/select-field";
import { Field } from "../../components/form-kit/text-field";
import { SettingsPage } from "./settings-page";

const MODE_LABELS: Record<SurveyMode, string> = {
	off: "Ask nothing",
	csat: "CSAT: satisfaction from 1 to 5",
	nps: "NPS: likelihood to recommend from 0 to 10",
};

const MODE_OPTIONS = (Object.keys(MODE_LABELS) as SurveyMode[]).map((mode) => ({ value: mode, label: MODE_LABELS[mode] }));

/** A target's message: whole hours from 1 to 720 (a month), as the API accepts. */
function hoursMessage(text: string): string | undefined {
	return /^\d+$/.test(text.trim()) && Number(text) >= 1 && Number(text) <= 720
		? undefined
		: "must be a whole number of hours from 1 to 720";
}

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
	const sent = values;
	useEffect(() => {
		void fetchJson(() => api.api.v1.support.settings.$get()).then((result) => {
			if (!result.ok) return;
			draft.load(draftOf(result.value));
		});
	}, []);
	const send = () => {
		status.value = "";
		return fetchJson(() =>
			api.api.v1.support.settings.$patch({
				json: {
					responseTargetHours: { basic: Number(values.basic), standard: Number(values.standard), premium: Number(values.premium) },
					surveyMode: values.mode,
				},
			}),
		);
	};
	return (
		<SettingsPage path="/settings/support">
			<Form
				class="card"
				aria-labelledby="support-settings-heading"
				send={send}
				check={() => Object.fromEntries(SERVICE_TIERS.map((tier) => [`responseTargetHours.${tier}`, hoursMessage(values[tier])]))}
				onSuccess={(saved) => {
					draft.saved(sent, draftOf(saved));
					status.value = "Saved.";
				}}
			>
				<h2 id="support-settings-heading">Support</h2>
				<fieldset>
					<legend>First reply due within (hours), by service tier</legend>
					{SERVICE_TIERS.map((tier) => (
						<Field
							key={tier}
							id={`target-${tier}`}
							name={`responseTargetHours.${tier}`}
							label={`The ${tier} tier`}
							type="number"
							value={values[tier]}
							onInput={(value) => draft.set(tier, value)}
						/>
					))}
				</fieldset>
				<SelectField
					id="survey-mode"
					name="surveyMode"
					label="After a milestone is completed"
					value={values.mode}
					options={MODE_OPTIONS}
					onChange={(mode) => draft.set("mode", mode)}
				/>
				<SubmitButton busyLabel="Saving…">Save support settings</SubmitButton>
				<p role="status">{status.value}</p>
			</Form>
		</SettingsPage>
	);
}
