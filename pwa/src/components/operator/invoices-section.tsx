/** The chosen agency's invoices: paid, refunded and still refundable amounts, and a Refund action on each paid one. */
import { signal } from "@preact/signals";
import { formatMoney } from "../../../../schema/money";
import { formatDate } from "../../lib/date-format";
import { invoices, invoicesProblem, selectedAgency } from "../../models/operator-agencies";
import { FormAlert } from "../form-kit/form-alert";
import { Button } from "../kit/button";
import { byNumber, byText, DataTable } from "../kit/data-table";
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
			<DataTable
				caption={`Invoices of ${agency.name}, newest first`}
				rows={list}
				rowKey={(invoice) => invoice.id}
				empty="This agency has no invoices."
				columns={[
					{ key: "invoice", header: "Invoice", rowHeader: true, cell: (i) => i.number ?? i.id, sort: byText((i) => i.number ?? i.id) },
					{ key: "date", header: "Date", cell: (i) => formatDate(i.createdAt), sort: byNumber((i) => i.createdAt) },
					{ key: "status", header: "Status", cell: (i) => i.status, sort: byText((i) => i.status) },
					{ key: "paid", header: "Paid", cell: (i) => formatMoney(i.amountPaid, i.currency), sort: byNumber((i) => i.amountPaid) },
					{ key: "refunded", header: "Refunded", cell: (i) => formatMoney(i.refunded, i.currency), sort: byNumber((i) => i.refunded) },
					{
						key: "actions",
						header: "Actions",
						hideHeader: true,
						cell: (i) =>
							i.refundable > 0 && (
								<Button size="small" onClick={() => (refunding.value = i.id)}>
									Refund<span class="visually-hidden"> invoice {i.number ?? i.id}</span>
								</Button>
							),
					},
				]}
			/>
			{open && <RefundForm key={open.id} invoice={open} onDone={() => (refunding.value = null)} />}
		</section>
	);
}
