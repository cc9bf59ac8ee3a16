/**
 * Settings → Assistant safety: the agency's content rules for the assistant — moderation on or off,
 * the blocked terms (refused in questions, withheld in replies, plus the OpenAI moderation check when
 * the platform has OpenAI), and whether prompts and replies may reach the logs. The form appears
 * once the saved settings have loaded, so nothing typed is overwritten.
 */
import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { CheckboxField } from "../../components/form-kit/checkbox-field";
import { Form, SubmitButton } from "../../components/form-kit/form";
import { FormAlert } from "../../components/form-kit/form-alert";
import { TextAreaField } from "../../components/form-kit/textarea-field";
import {
	type AssistantSafety,
	assistantSafety,
	assistantSafetyProblem,
	loadAssistantSafety,
	saveAssistantSafety,
} from "../../models/assistant-safety";
import { SettingsPage } from "./settings-page";

function parseTerms(text: string): string[] {
	return text
		.split("\n")
		.map((t) => t.trim())
		.filter(Boolean);
}

function SafetyForm({ saved }: { saved: AssistantSafety }) {
	const moderation = useSignal(saved.moderationEnabled);
	const terms = useSignal(saved.blockedTerms.join("\n"));
	const logContent = useSignal(saved.logContent);
	const status = useSignal("");
	const send = async () => {
		const result = await saveAssistantSafety({
			moderationEnabled: moderation.value,
			blockedTerms: parseTerms(terms.value),
			logContent: logContent.value,
		});
		if (result.ok) return result;
		// A bad term comes back as blockedTerms.<n>: the form has one Blocked terms field.
		const fields: Record<string, string> = {};
		for (const [path, message] of Object.entries(result.problem.fields))
			fields[path.startsWith("blockedTerms") ? "blockedTerms" : path] ??= message;
		return { ok: false as const, problem: { ...result.problem, fields } };
	};
	return (
		<Form
			class="card"
			aria-labelledby="safety-heading"
			send={send}
			onSuccess={(value) => {
				terms.value = value.blockedTerms.join("\n");
				status.value = "Saved.";
			}}
		>
			<h2 id="safety-heading">Content rules</h2>
			<CheckboxField
				id="moderation-enabled"
				name="moderationEnabled"
				label="Moderation on: refuse questions with a blocked term (or flagged by OpenAI's moderation check) and withhold replies that contain one"
				checked={moderation.value}
				onChange={(checked) => {
					moderation.value = checked;
				}}
			/>
			<TextAreaField
				id="blocked-terms"
				name="blockedTerms"
				label="Blocked terms"
				required={false}
				rows={6}
				value={terms.value}
				onInput={(value) => {
					terms.value = value;
				}}
				hint="One word or phrase per line; matched without regard to capitals. Used only while moderation is on."
			/>
			<CheckboxField
				id="log-content"
				name="logContent"
				label="Log prompts and replies (off: the logs record only their length)"
				checked={logContent.value}
				onChange={(checked) => {
					logContent.value = checked;
				}}
			/>
			<SubmitButton busyLabel="Saving…">Save safety settings</SubmitButton>
			<p role="status">{status.value}</p>
		</Form>
	);
}

export default function AssistantSafetySettings() {
	useEffect(() => {
		void loadAssistantSafety();
	}, []);
	const saved = assistantSafety.value;
	return (
		<SettingsPage path="/settings/assistant-safety">
			<FormAlert message={assistantSafetyProblem.value?.detail ?? null} />
			{saved ? (
				<SafetyForm saved={saved} />
			) : (
				<div class="card">
					<div class="skeleton skeleton-line" />
				</div>
			)}
		</SettingsPage>
	);
}
