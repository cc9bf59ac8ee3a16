/**
 * The operator's view of agencies: a page of agencies (newest first, searchable by name) with plan
 * and subscription status, and one agency's invoices with what has been refunded and what still can be.
 * Platform-wide by design (the operator guard stands in front); an agency's invoices go through its tenant scope.
 */
import { and, desc, eq, inArray, lt, or, type SQL, sql, sum } from "drizzle-orm";
import { refunds, subscriptions, tenants } from "../../../schema/index";
import type { OperatorAgenciesQuery, OperatorAgency, OperatorInvoice, OperatorInvoiceList } from "../../../schema/operator-agencies";
import type { Database } from "../../env";
import { selectInChunks } from "../../lib/chunks";
import { decodeCursor, encodeCursor } from "../../lib/cursor";
import { tenantScope } from "../../lib/db";
import { problems } from "../../lib/problem";
import { listInvoices } from "./subscription-actions";

const agencyColumns = {
	id: tenants.id,
	name: tenants.name,
	slug: tenants.slug,
	status: tenants.status,
	planId: tenants.planId,
	subscriptionStatus: subscriptions.status,
	createdAt: tenants.createdAt,
};

function agencies(db: Database) {
	return db.select(agencyColumns).from(tenants).leftJoin(subscriptions, eq(subscriptions.tenantId, tenants.id));
}

export async function listAgencies(
	db: Database,
	query: OperatorAgenciesQuery,
): Promise<{ agencies: OperatorAgency[]; nextCursor: string | null }> {
	const conditions: SQL[] = [];
	// Both sides through SQLite's lower() (A–Z only), so what matches is the rule docs/API.md states.
	if (query.q) conditions.push(sql`instr(lower(${tenants.name}), lower(${query.q})) > 0`);
	if (query.cursor) {
		const cursor = decodeCursor(query.cursor);
		const before = or(
			lt(tenants.createdAt, Number(cursor.value)),
			and(eq(tenants.createdAt, Number(cursor.value)), lt(tenants.id, cursor.id)),
		);
		if (before) conditions.push(before);
	}
	const rows = await agencies(db)
		.where(and(...conditions))
		.orderBy(desc(tenants.createdAt), desc(tenants.id))
		.limit(query.limit + 1);
	const page = rows.slice(0, query.limit);
	const last = page.at(-1);
	return {
		agencies: page,
		nextCursor: rows.length > query.limit && last ? encodeCursor({ value: last.createdAt, id: last.id }) : null,
	};
}

async function refundedByInvoice(db: Database, tenantId: string, invoiceIds: string[]): Promise<Map<string, number>> {
	if (invoiceIds.length === 0) return new Map();
	const scope = tenantScope(db, tenantId);
	const rows = await selectInChunks(invoiceIds, (slice) =>
		scope.db
			.select({ invoiceId: refunds.invoiceId, total: sum(refunds.amount) })
			.from(refunds)
			.where(scope.where(refunds, inArray(refunds.invoiceId, slice)))
			.groupBy(refunds.invoiceId),
	);
	return new Map(rows.map((r) => [r.invoiceId ?? "", Number(r.total ?? 0)]));
}

/** An agency and its invoices (newest first, up to 100), each with its refunded and refundable amounts; 404 for an unknown agency. */
export async function agencyInvoices(db: Database, tenantId: string): Promise<OperatorInvoiceList> {
	const [agency] = await agencies(db).where(eq(tenants.id, tenantId)).limit(1);
	if (!agency) throw problems.notFound("There is no agency with this id.");
	const rows = await listInvoices(tenantScope(db, tenantId));
	const refunded = await refundedByInvoice(
		db,
		tenantId,
		rows.map((r) => r.id),
	);
	const invoices: OperatorInvoice[] = rows.map(({ tenantId: _tenantId, ...invoice }) => {
		const done = refunded.get(invoice.id) ?? 0;
		const refundable = invoice.status === "paid" ? Math.max(0, invoice.amountPaid - done) : 0;
		return { ...invoice, refunded: done, refundable };
	});
	return { agency, invoices };
}
