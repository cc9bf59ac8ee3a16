/**
 * Settings → Assistant safety: the agency's content rules for the assistant — moderation on or off,
 * the blocked terms (refused in questions, withheld in replies, plus the OpenAI moderation check when
 * the platform has OpenAI), and whether prompts and replies may reach the logs. The form appears
 * once the saved settings have loaded, so nothing typed is overwritten.
 */
import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { FieldShell } from "../../components/form-kit/field-shell";
import { Form, SubmitButton } from "../../components/form-kit/form";
import { FormAlert } from "../../components/form-kit/form-alert";
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
			<label class="checkbox">
				<input type="checkbox" checked={moderation.value} onChange={(e) => (moderation.value = e.currentTarget.checked)} />
				Moderation on: refuse questions with a blocked term (or flagged by OpenAI's moderation check) and withhold replies that contain one
			</label>
			<FieldShell
				id="blocked-terms"
				name="blockedTerms"
				label="Blocked terms"
				hint="One word or phrase per line; matched without regard to capitals. Used only while moderation is on."
			>
				{(control) => <textarea {...control} rows={6} value={terms.value} onInput={(e) => (terms.value = e.currentTarget.value)} />}
			</FieldShell>
			<label class="checkbox">
				<input type="checkbox" checked={logContent.value} onChange={(e) => (logContent.value = e.currentTarget.checked)} />
				Log prompts and replies (off: the logs record only their length)
			</label>
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
