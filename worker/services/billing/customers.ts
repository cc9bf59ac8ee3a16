/** The tenant's Stripe customer: created once, on the first checkout, and remembered. */
import { billingCustomers } from "../../../schema/index";
import type { TenantScope } from "../../lib/db";
import type { Stripe } from "../../lib/stripe";

export async function findCustomerId(scope: TenantScope): Promise<string | null> {
	const [row] = await scope.db.select().from(billingCustomers).where(scope.where(billingCustomers)).limit(1);
	return row?.stripeCustomerId ?? null;
}

export async function ensureCustomer(
	scope: TenantScope,
	stripe: Stripe,
	owner: { email: string; name: string },
	tenantName: string,
): Promise<string> {
	const existing = await findCustomerId(scope);
	if (existing) return existing;
	const customer = await stripe.customers.create(
		{ email: owner.email, name: tenantName, metadata: { tenantId: scope.tenantId } },
		{ idempotencyKey: `customer:${scope.tenantId}` },
	);
	await scope.insert(billingCustomers, { stripeCustomerId: customer.id, createdAt: Date.now() }).onConflictDoNothing();
	return (await findCustomerId(scope)) ?? customer.id;
}
