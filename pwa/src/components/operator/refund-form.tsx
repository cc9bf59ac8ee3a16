/**
 * Refunding one paid invoice: an amount (empty: everything still refundable) and a reason. The form
 * holds one idempotency key from opening to success, so a double click or a resend refunds once.
 */
import { useRef } from "preact/hooks";
import { amountHint, formatMoney, parseMoney } from "../../../../schema/money";
import type { OperatorInvoice } from "../../../../schema/operator-agencies";
import { FormModel } from "../../models/form";
import { refund } from "../../models/operator-agencies";
import { operatorAnnouncement } from "../../models/operator-session";
import { FormAlert } from "../form-kit/form-alert";
import { Field } from "../form-kit/text-field";

const REASONS = [
	["", "No reason given"],
	["requested_by_customer", "Requested by the customer"],
	["duplicate", "Duplicate charge"],
	["fraudulent", "Fraudulent"],
] as const;

type Props = { invoice: OperatorInvoice; onDone: () => void };

export function RefundForm({ invoice, onDone }: Props) {
	const form = useRef(new FormModel({ amount: "", reason: "" }, { amount: "Amount", reason: "Reason" })).current;
	const idempotencyKey = useRef(`refund-${crypto.randomUUID()}`);
	const label = invoice.number ?? invoice.id;

	async function submit(event: Event): Promise<void> {
		event.preventDefault();
		if (form.busy.value) return;
		const { amount, reason } = form.values.value;
		const parsed = amount.trim() === "" ? undefined : parseMoney(amount, invoice.currency);
		const minor = parsed?.ok ? parsed.minor : undefined;
		form.begin();
		if (!form.accept({ amount: parsed && !parsed.ok ? amountHint(invoice.currency) : undefined })) {
			form.busy.value = false;
			return;
		}
		const chosenReason = REASONS.find(([value]) => value === reason)?.[0];
		const result = await refund({
			invoiceId: invoice.id,
			idempotencyKey: idempotencyKey.current,
			...(minor ? { amount: minor } : {}),
			...(chosenReason ? { reason: chosenReason } : {}),
		});
		if (!result.ok) return form.fail(result.problem);
		form.busy.value = false;
		const made = result.value;
		operatorAnnouncement.value = `Refunded ${formatMoney(made.amount, made.currency)} of invoice ${label}. ${formatMoney(made.remaining, made.currency)} can still be refunded.`;
		onDone();
	}

	return (
		<form class="card" aria-labelledby={`refund-${invoice.id}-heading`} onSubmit={submit} noValidate>
			<h3 id={`refund-${invoice.id}-heading`}>Refund invoice {label}</h3>
			<FormAlert message={form.alert.value} />
			<Field
				id="amount"
				label="Amount"
				value={form.values.value.amount}
				onInput={(value) => form.set("amount", value)}
				error={form.errors.value.amount}
				required={false}
				hint={`Leave empty to refund everything still refundable: ${formatMoney(invoice.refundable, invoice.currency)}.`}
				verbatim
			/>
			<div class="field">
				<label for="reason">Reason</label>
				<select id="reason" value={form.values.value.reason} onChange={(e) => form.set("reason", e.currentTarget.value)}>
					{REASONS.map(([value, text]) => (
						<option key={value} value={value}>
							{text}
						</option>
					))}
				</select>
			</div>
			<div class="button-row">
				<button type="submit" class="button primary" aria-disabled={form.busy.value ? "true" : undefined}>
					Refund
				</button>
				<button type="button" class="button secondary" onClick={onDone}>
					Cancel
				</button>
			</div>
		</form>
	);
}
