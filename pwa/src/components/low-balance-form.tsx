/**
 * The Usage page's low-balance alert setting: the threshold in credits below which owners and admins
 * get an email and a push. Billing managers change it; everyone else who sees usage reads it, with
 * the form disabled and a note why.
 */
import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { loadLowBalance, lowBalance, saveLowBalance } from "../models/low-balance";
import { can } from "../models/session";
import { useDraft } from "./form-kit/draft";
import { FormAlert } from "./form-kit/form-alert";

const number = new Intl.NumberFormat();

/** What the field holds: a whole number of credits, or empty for the plan's default. */
function parseThreshold(text: string): number | null | "invalid" {
	const trimmed = text.trim();
	if (trimmed === "") return null;
	return /^\d+$/.test(trimmed) ? Number(trimmed) : "invalid";
}

export function LowBalanceForm() {
	// The saved threshold fills the field only if the person has not started typing by the time it arrives.
	const draft = useDraft({ text: "" });
	const { text } = draft.values.value;
	const error = useSignal<string | null>(null);
	const status = useSignal("");
	const saving = useSignal(false);
	const editable = can("billing:manage");
	useEffect(() => {
		void loadLowBalance().then(() => {
			const custom = lowBalance.value?.custom;
			if (lowBalance.value) draft.load({ text: custom === null || custom === undefined ? "" : String(custom) });
		});
	}, []);

	const submit = async (event: Event) => {
		event.preventDefault();
		if (!editable || saving.value) return;
		const sent = draft.values.value;
		const threshold = parseThreshold(sent.text);
		status.value = "";
		if (threshold === "invalid") {
			error.value = "Enter a whole number of credits, or leave it empty for the plan's default.";
			document.getElementById("low-balance-threshold")?.focus();
			return;
		}
		saving.value = true;
		const result = await saveLowBalance(threshold);
		saving.value = false;
		if (!result.ok) {
			error.value = result.problem.fields.threshold ? `Threshold ${result.problem.fields.threshold}.` : result.problem.detail;
			document.getElementById("low-balance-threshold")?.focus();
			return;
		}
		error.value = null;
		draft.saved(sent, { text: result.value.custom === null ? "" : String(result.value.custom) });
		status.value = "Saved.";
	};

	const setting = lowBalance.value;
	const current = !setting
		? ""
		: setting.threshold === 0
			? "No low-balance alert is sent."
			: `An alert goes out when fewer than ${number.format(setting.threshold)} credits are available${setting.custom === null ? " (your plan's default)" : ""}.`;
	const describedBy = ["low-balance-hint", editable ? null : "low-balance-permission"].filter(Boolean).join(" ");
	return (
		<form class="card" onSubmit={submit} noValidate aria-labelledby="low-balance-heading">
			<h2 id="low-balance-heading">Low-balance alert</h2>
			<p>{current}</p>
			<FormAlert message={error.value} />
			<div class="field">
				<label for="low-balance-threshold">Alert threshold (credits)</label>
				<input
					id="low-balance-threshold"
					name="threshold"
					inputMode="numeric"
					autoComplete="off"
					value={text}
					placeholder={setting ? String(setting.planDefault) : undefined}
					disabled={!editable}
					aria-invalid={error.value ? "true" : undefined}
					aria-describedby={describedBy}
					onInput={(e) => draft.set("text", e.currentTarget.value)}
				/>
				<p id="low-balance-hint" class="field-hint">
					Owners and admins get an email and a notification once when the available credits fall below this, and again after the next
					top-up. 0 turns the alert off; leave it empty for your plan's default (
					{setting ? number.format(setting.planDefault) : "10% of the monthly credits"}).
				</p>
				{!editable && (
					<p id="low-balance-permission" class="field-hint">
						Only someone who manages billing can change this.
					</p>
				)}
			</div>
			<button type="submit" class="button primary" disabled={!editable} aria-disabled={saving.value || undefined}>
				{saving.value ? "Saving…" : "Save threshold"}
			</button>
			<p role="status">{status.value}</p>
		</form>
	);
}
