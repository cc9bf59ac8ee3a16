/**
 * The operator console on the platform host: a wrong token is refused with the API's reason, then
 * the operator signs in, creates a coupon, and refunds part of a seeded agency's paid invoice (a
 * double click refunds once); the agency's invoices and audit log, read through the API, show it.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LOCAL_OPERATOR_TOKEN } from "../../scripts/lib/local-app";
import { E2E_PASSWORD, type E2eAgency, signUpAgencyViaApi } from "./agencies";
import { apiInPage, launchBrowser, platformUrl, signInWithPassword, tenantUrl } from "./browser";

let browser: Browser;
let agency: E2eAgency;
let owner: Page;
let agencyId: string;
let invoiceId: string;
/** What the console calls the invoice: its number, else its id. */
let invoiceName: string;

type OperatorInvoice = { id: string; number: string | null; status: string; amountPaid: number; refunded: number };
type SignedEvent = { type: string; payload: string };

async function asOperator<T>(path: string): Promise<T> {
	const res = await fetch(platformUrl(path), { headers: { Authorization: `Bearer ${LOCAL_OPERATOR_TOKEN}` } });
	if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
	return res.json() as Promise<T>;
}

async function stripeFake(origin: string, path: string, body: unknown): Promise<{ events: SignedEvent[] }> {
	const res = await fetch(`${origin}${path}`, {
		method: "POST",
		headers: { "Content-Type": "application/json" },
		body: JSON.stringify(body),
	});
	if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
	return res.json() as Promise<{ events: SignedEvent[] }>;
}

/** The agency subscribes to Pro through the local Stripe fake, and its trial ends into a paid month (149.00 USD). */
async function paidInvoiceOf(agencyId: string): Promise<OperatorInvoice> {
	const { url } = (await apiInPage(owner, "POST", "/api/v1/billing/checkout", { planId: "pro", interval: "month" })) as { url: string };
	const checkout = new URL(url);
	const paid = await stripeFake(checkout.origin, `/_fake/checkout/${checkout.pathname.split("/").at(-1)}/pay`, {
		card: "4242424242424242",
	});
	const created = paid.events.find((e) => e.type === "customer.subscription.created");
	const subscriptionId = (JSON.parse(created?.payload ?? "{}") as { data?: { object?: { id?: string } } }).data?.object?.id;
	await stripeFake(checkout.origin, `/_fake/subscriptions/${subscriptionId}/renew`, {});
	let invoice: OperatorInvoice | undefined;
	await expect
		.poll(async () => {
			const { invoices } = await asOperator<{ invoices: OperatorInvoice[] }>(`/api/operator/agencies/${agencyId}/invoices`);
			invoice = invoices.find((i) => i.status === "paid" && i.amountPaid > 0);
			return invoice?.amountPaid;
		})
		.toBe(14900);
	if (!invoice) throw new Error("no paid invoice");
	return invoice;
}

/** The seeded agency's id, found the way the console finds it: by name. */
async function agencyIdOf(): Promise<string> {
	const { agencies } = await asOperator<{ agencies: { id: string; slug: string }[] }>(
		`/api/operator/agencies?q=${encodeURIComponent(agency.name)}&limit=100`,
	);
	return agencies.find((a) => a.slug === agency.slug)?.id ?? "";
}

beforeAll(async () => {
	browser = await launchBrowser();
	agency = await signUpAgencyViaApi("refunded", "Refunded Studio");
	owner = await (await browser.newContext()).newPage();
	await signInWithPassword(owner, agency.slug, agency.ownerEmail, E2E_PASSWORD);
});
afterAll(async () => {
	await browser?.close();
});

describe("operator console", () => {
	it("signs in with the token, creates a coupon, and refunds part of a paid invoice once", { timeout: 120_000 }, async () => {
		agencyId = await agencyIdOf();
		const paid = await paidInvoiceOf(agencyId);
		invoiceId = paid.id;
		invoiceName = paid.number ?? paid.id;
		const page = await (await browser.newContext()).newPage();
		await page.goto(platformUrl("/operator"));
		await page.getByLabel("Operator token").fill("not-the-operator-token");
		await page.getByRole("button", { name: "Sign in" }).click();
		await expect
			.poll(() => page.getByRole("alert").first().textContent())
			.toBe("That is not the operator token. Check the OPERATOR_TOKEN secret.");
		await page.getByLabel("Operator token").fill(LOCAL_OPERATOR_TOKEN);
		await page.getByRole("button", { name: "Sign in" }).click();
		await page.getByRole("heading", { name: "Operator console" }).waitFor();

		const code = `OPS-${Date.now().toString(36).toUpperCase()}`;
		await page.getByLabel("Code", { exact: true }).fill(code);
		await page.getByLabel("Name", { exact: true }).fill("Operator twenty");
		await page.getByLabel("Percent off").fill("20");
		await page.getByRole("button", { name: "Create" }).click();
		await expect.poll(() => page.getByRole("main").getByRole("status").textContent()).toBe(`Coupon ${code}, 20% off created.`);
		expect(
			await page
				.getByRole("row", { name: new RegExp(code) })
				.getByRole("cell")
				.nth(1)
				.textContent(),
		).toBe("20% off, first invoice");

		await page.getByLabel("Agency name").fill(agency.name);
		await page.getByRole("button", { name: "Search" }).click();
		await page.getByRole("button", { name: `Invoices of ${agency.name}` }).click();
		const row = page.getByRole("row").filter({ has: page.getByRole("button", { name: `Refund invoice ${invoiceName}` }) });
		await row.getByRole("button", { name: /^Refund/ }).click();
		await page.getByLabel("Amount").fill("500");
		await page.getByRole("button", { name: "Refund", exact: true }).click();
		await expect.poll(() => page.locator("#amount-error").textContent()).toBe("Amount may be at most 14900 (149.00 USD)");

		await page.getByLabel("Amount").fill("50.00");
		await page.getByLabel("Reason").selectOption("requested_by_customer");
		await page.getByRole("button", { name: "Refund", exact: true }).dblclick();
		await expect
			.poll(() => page.getByRole("main").getByRole("status").textContent())
			.toMatch(/^Refunded \$50\.00 of invoice .+\. \$99\.00 can still be refunded\.$/);
		expect(await row.getByRole("cell").nth(3).textContent()).toBe("$50.00");

		const { invoices } = await asOperator<{ invoices: OperatorInvoice[] }>(`/api/operator/agencies/${agencyId}/invoices`);
		expect(invoices.find((i) => i.id === invoiceId)?.refunded).toBe(5000);
		const audit = (await apiInPage(owner, "GET", "/api/v1/audit-events?action=billing.refund_issued")) as {
			events: { actor: { label: string }; target: { id: string } | null }[];
		};
		expect(audit.events.map((e) => [e.actor.label, e.target?.id])).toEqual([["platform-operator", invoiceId]]);

		await page.getByRole("button", { name: "Sign out" }).click();
		await page.getByLabel("Operator token").waitFor();
		expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
		await owner.goto(tenantUrl(agency.slug, "/operator"));
		await owner.getByRole("heading", { name: "Page not found" }).waitFor();
		expect(await owner.getByLabel("Operator token").count()).toBe(0);
	});
});
