/** The fake's own pages: Checkout (a card form), the customer portal, hosted invoices and their PDF. */
import type { StripeObject } from "./objects";

function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function money(amount: number, currency: string): string {
	return `${(amount / 100).toFixed(2)} ${currency.toUpperCase()}`;
}

function page(title: string, body: string): string {
	return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:28rem;margin:3rem auto;padding:0 1rem}label{display:block;margin:1rem 0 .25rem}input{font-size:1rem;padding:.5rem;width:100%;box-sizing:border-box}button{margin-top:1rem;font-size:1rem;padding:.6rem 1.2rem}[role=alert]{color:#a00}</style></head>
<body><main>${body}</main></body></html>`;
}

export function checkoutPage(session: StripeObject, error?: string): string {
	const lines = session.line_items as { name: string; amount: number }[];
	const trialDays = (session.subscription_data as { trial_period_days?: string } | undefined)?.trial_period_days;
	const currency = String(session.currency);
	const discount = Number((session.total_details as { amount_discount?: number } | undefined)?.amount_discount ?? 0);
	const discountLines = discount
		? `<li>Discount: −${money(discount, currency)}</li><li><strong>Total: ${money(Number(session.amount_total), currency)}</strong></li>`
		: "";
	const summary = lines.map((l) => `<li>${escapeHtml(l.name)}: ${money(l.amount, currency)}</li>`).join("") + discountLines;
	return page(
		"Checkout (Stripe test fake)",
		`<h1>Pay Atrium</h1><p>Test mode: use 4242 4242 4242 4242 to pay, 4000 0000 0000 0341 for a card that is declined.</p>
<ul>${summary}</ul>${trialDays ? `<p>${escapeHtml(trialDays)}-day free trial; you are charged when it ends.</p>` : ""}
${error ? `<p role="alert">${escapeHtml(error)}</p>` : ""}
<form method="post"><label for="card">Card number</label><input id="card" name="card" inputmode="numeric" autocomplete="cc-number" required>
<button type="submit">${session.mode === "subscription" ? "Subscribe" : "Pay"}</button></form>
<p><a href="${escapeHtml(String(session.cancel_url))}">Cancel and go back</a></p>`,
	);
}

export function portalPage(portal: StripeObject): string {
	return page(
		"Billing portal (Stripe test fake)",
		`<h1>Manage your payment method</h1><form method="post"><label for="card">New card number</label>
<input id="card" name="card" inputmode="numeric" required><button type="submit">Save card</button></form>
<p><a href="${escapeHtml(String(portal.return_url))}">Return to Atrium</a></p>`,
	);
}

export function invoicePage(invoice: StripeObject): string {
	return page(
		`Invoice ${String(invoice.number)}`,
		`<h1>Invoice ${escapeHtml(String(invoice.number))}</h1><p>Status: ${escapeHtml(String(invoice.status))}</p>
${invoice.discount_name ? `<p>Subtotal: ${money(Number(invoice.subtotal), String(invoice.currency))}</p><p>Discount (${escapeHtml(String(invoice.discount_name))}): −${money(Number(invoice.subtotal) - Number(invoice.amount_due), String(invoice.currency))}</p>` : ""}
<p>Amount due: ${money(Number(invoice.amount_due), String(invoice.currency))}</p><p><a href="${escapeHtml(String(invoice.invoice_pdf))}">Download PDF</a></p>`,
	);
}

/** A one-page PDF naming the invoice; enough for a browser to open it. */
export function invoicePdf(invoice: StripeObject): Buffer {
	const text =
		`Invoice ${String(invoice.number)} - ${money(Number(invoice.amount_due), String(invoice.currency))} - ${String(invoice.status)}`.replace(
			/[()\\]/g,
			"",
		);
	const stream = `BT /F1 14 Tf 72 720 Td (${text}) Tj ET`;
	const objects = [
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
		`<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
	];
	let out = "%PDF-1.4\n";
	const offsets: number[] = [];
	objects.forEach((body, i) => {
		offsets.push(out.length);
		out += `${i + 1} 0 obj\n${body}\nendobj\n`;
	});
	const xref = out.length;
	out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`;
	out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
	return Buffer.from(out, "latin1");
}
