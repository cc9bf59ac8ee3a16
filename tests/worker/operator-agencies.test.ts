/**
 * The operator's agency directory: agencies with plan and subscription status, searchable and paged,
 * and one agency's invoices with what was refunded, only on the platform host with the operator token.
 */
import { beforeEach, describe, expect, it, vi } from "vitest";
import { type Agency, signUpAgency, uniqueSlug } from "../support/agencies";
import { call, PLATFORM, problemOf } from "../support/http";
import { asOperator, paidInvoice } from "./operator";

vi.setConfig({ testTimeout: 30_000 });

type AgencyView = { id: string; name: string; slug: string; planId: string; subscriptionStatus: string | null };
type AgencyPage = { agencies: AgencyView[]; nextCursor: string | null };
type InvoiceView = { id: string; status: string; amountPaid: number; refunded: number; refundable: number };

let acme: Agency;
let beta: Agency;
/** In both agencies' names, so a search for it lists this test's agencies only (the directory is platform-wide). */
let tag: string;
beforeEach(async () => {
	tag = uniqueSlug("dir");
	acme = await signUpAgency(uniqueSlug("acme"), { agencyName: `Acme Studio ${tag}` });
	beta = await signUpAgency(uniqueSlug("beta"), { agencyName: `Beta Works ${tag}` });
});

async function agencyPage(query: string): Promise<AgencyPage> {
	const res = await asOperator(`/api/operator/agencies${query}`);
	expect(res.status).toBe(200);
	return res.json();
}

describe("operator agency directory", () => {
	it("is on the platform host only, with the operator token only", async () => {
		expect((await asOperator("/api/operator/agencies", { host: acme.host })).status).toBe(404);
		expect((await call(acme.host, "/api/operator/agencies", { cookie: acme.ownerCookie })).status).toBe(404);
		expect((await asOperator(`/api/operator/agencies/${acme.tenantId}/invoices`, { host: acme.host })).status).toBe(404);
		const sessionOnly = await call(PLATFORM, "/api/operator/agencies", { cookie: acme.ownerCookie });
		expect(sessionOnly.status).toBe(401);
		const invoicesWithSession = await call(PLATFORM, `/api/operator/agencies/${acme.tenantId}/invoices`, { cookie: acme.ownerCookie });
		expect(invoicesWithSession.status).toBe(401);
		const wrong = await asOperator("/api/operator/agencies", { token: "not-the-token" });
		expect(await problemOf(wrong)).toMatchObject({
			status: 401,
			detail: "That is not the operator token. Check the OPERATOR_TOKEN secret.",
		});
	});

	it("lists agencies newest first with plan and subscription status, searches names, and pages", async () => {
		const all = await agencyPage(`?q=${tag}`);
		expect(all.agencies.map((a) => [a.name, a.planId, a.subscriptionStatus])).toEqual([
			[`Beta Works ${tag}`, "starter", null],
			[`Acme Studio ${tag}`, "starter", null],
		]);
		expect(all.nextCursor).toBeNull();
		expect((await agencyPage(`?q=${encodeURIComponent(`ACME STUDIO ${tag.toUpperCase()}`)}`)).agencies.map((a) => a.slug)).toEqual([
			acme.slug,
		]);
		expect((await agencyPage(`?q=nobody-${tag}`)).agencies).toEqual([]);
		const first = await agencyPage(`?q=${tag}&limit=1`);
		expect(first.agencies.map((a) => a.slug)).toEqual([beta.slug]);
		const second = await agencyPage(`?q=${tag}&limit=1&cursor=${first.nextCursor}`);
		expect(second).toMatchObject({ agencies: [{ slug: acme.slug }], nextCursor: null });
	});

	it("rejects a bad limit or cursor naming the field", async () => {
		expect((await problemOf(await asOperator("/api/operator/agencies?limit=0"))).errors?.[0]?.path).toBe("limit");
		expect((await problemOf(await asOperator("/api/operator/agencies?cursor=bad!"))).errors?.[0]?.path).toBe("cursor");
	});

	it("shows an agency's invoices with the refunded and refundable amounts, and only that agency's", async () => {
		const invoice = await paidInvoice(acme);
		const refund = await asOperator("/api/operator/refunds", {
			body: { invoiceId: invoice.id, amount: 5000, idempotencyKey: `agency-invoices-refund-${acme.slug}` },
		});
		expect(refund.status).toBe(201);
		const res = await asOperator(`/api/operator/agencies/${acme.tenantId}/invoices`);
		expect(res.status).toBe(200);
		const body = (await res.json()) as { agency: AgencyView; invoices: InvoiceView[] };
		expect(body.agency).toMatchObject({ name: `Acme Studio ${tag}`, planId: "pro", subscriptionStatus: "active" });
		expect(body.invoices.find((i) => i.id === invoice.id)).toMatchObject({ amountPaid: 14900, refunded: 5000, refundable: 9900 });
		const betaInvoices = (await (await asOperator(`/api/operator/agencies/${beta.tenantId}/invoices`)).json()) as { invoices: [] };
		expect(betaInvoices.invoices).toEqual([]);
		expect((await asOperator("/api/operator/agencies/no-such-agency/invoices")).status).toBe(404);
	});
});
