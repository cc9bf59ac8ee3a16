/** The chosen agency's invoices: paid, refunded and still refundable amounts, and a Refund action on each paid one. */
import { signal } from "@preact/signals";
import { formatMoney } from "../../../../schema/money";
import { formatDate } from "../../lib/date-format";
import { invoices, invoicesProblem, selectedAgency } from "../../models/operator-agencies";
import { FormAlert } from "../form-kit/form-alert";
import { RefundForm } from "./refund-form";

const refunding = signal<string | null>(null);

export function InvoicesSection() {
	const agency = selectedAgency.value;
	if (!agency) return null;
	const list = invoices.value;
	const open = list?.find((i) => i.id === refunding.value) ?? null;
	return (
		<section class="card" aria-labelledby="invoices-heading">
			<h2 id="invoices-heading">Invoices of {agency.name}</h2>
			<FormAlert message={invoicesProblem.value?.detail ?? null} />
			{list === null ? (
				<div class="skeleton skeleton-line" />
			) : list.length === 0 ? (
				<p class="muted">This agency has no invoices.</p>
			) : (
				<table>
					<caption class="visually-hidden">Invoices of {agency.name}, newest first</caption>
					<thead>
						<tr>
							<th scope="col">Invoice</th>
							<th scope="col">Date</th>
							<th scope="col">Status</th>
							<th scope="col">Paid</th>
							<th scope="col">Refunded</th>
							<th scope="col">
								<span class="visually-hidden">Actions</span>
							</th>
						</tr>
					</thead>
					<tbody>
						{list.map((invoice) => (
							<tr key={invoice.id} data-testid={`invoice-${invoice.id}`}>
								<th scope="row">{invoice.number ?? invoice.id}</th>
								<td>{formatDate(invoice.createdAt)}</td>
								<td>{invoice.status}</td>
								<td>{formatMoney(invoice.amountPaid, invoice.currency)}</td>
								<td>{formatMoney(invoice.refunded, invoice.currency)}</td>
								<td>
									{invoice.refundable > 0 && (
										<button type="button" class="button small secondary" onClick={() => (refunding.value = invoice.id)}>
											Refund<span class="visually-hidden"> invoice {invoice.number ?? invoice.id}</span>
										</button>
									)}
								</td>
							</tr>
						))}
					</tbody>
				</table>
			)}
			{open && <RefundForm key={open.id} invoice={open} onDone={() => (refunding.value = null)} />}
		</section>
	);
}
