/**
 * Refunding one paid invoice: an amount (empty: everything still refundable) and a reason. The form
 * holds one idempotency key from opening to success, so a double click or a resend refunds once.
 */
import { useRef } from "preact/hooks";
import { amountHint, formatMoney, parseMoney } from "../../../../schema/money";
import type { OperatorInvoice } from "../../../../schema/operator-agencies";
import { refund } from "../../models/operator-agencies";
import { operatorAnnouncement } from "../../models/operator-session";
import { useDraft } from "../form-kit/draft";
import { Form, SubmitButton } from "../form-kit/form";
import { SelectField } from "../form-kit/select-field";
import { Field } from "../form-kit/text-field";
import { Button } from "../kit/button";

const REASONS = [
	{ value: "", label: "No reason given" },
	{ value: "requested_by_customer", label: "Requested by the customer" },
	{ value: "duplicate", label: "Duplicate charge" },
	{ value: "fraudulent", label: "Fraudulent" },
] as const;
type Reason = (typeof REASONS)[number]["value"];

type Props = { invoice: OperatorInvoice; onDone: () => void };

export function RefundForm({ invoice, onDone }: Props) {
	const draft = useDraft<{ amount: string; reason: Reason }>({ amount: "", reason: "" });
	const idempotencyKey = useRef(`refund-${crypto.randomUUID()}`);
	const label = invoice.number ?? invoice.id;
	const { amount, reason } = draft.values.value;
	const parsed = amount.trim() === "" ? undefined : parseMoney(amount, invoice.currency);
	const minor = parsed?.ok ? parsed.minor : undefined;

	return (
		<Form
			class="card"
			aria-labelledby={`refund-${invoice.id}-heading`}
			check={() => ({ amount: parsed && !parsed.ok ? amountHint(invoice.currency) : undefined })}
			send={() =>
				refund({
					invoiceId: invoice.id,
					idempotencyKey: idempotencyKey.current,
					...(minor ? { amount: minor } : {}),
					...(reason ? { reason } : {}),
				})
			}
			onSuccess={(made) => {
				operatorAnnouncement.value = `Refunded ${formatMoney(made.amount, made.currency)} of invoice ${label}. ${formatMoney(made.remaining, made.currency)} can still be refunded.`;
				onDone();
			}}
		>
			<h3 id={`refund-${invoice.id}-heading`}>Refund invoice {label}</h3>
			<Field
				id="amount"
				label="Amount"
				value={amount}
				onInput={(value) => draft.set("amount", value)}
				required={false}
				hint={`Leave empty to refund everything still refundable: ${formatMoney(invoice.refundable, invoice.currency)}.`}
				verbatim
			/>
			<SelectField id="reason" label="Reason" value={reason} options={REASONS} onChange={(value) => draft.set("reason", value)} />
			<div class="button-row">
				<SubmitButton busyLabel="Refunding…" block={false}>
					Refund
				</SubmitButton>
				<Button onClick={onDone}>Cancel</Button>
			</div>
		</Form>
	);
}
