/**
 * Job `report-usage-meter`: each subscribed agency's credits settled in one closed hour, sent to
 * Stripe's billing meter once. The meter event's identifier is tenant + hour, so Stripe refuses a
 * second report of the same hour; that refusal counts as already reported.
 */
import { eq, inArray } from "drizzle-orm";
import { billingCustomers, subscriptions } from "../../schema/index";
import type { JobOf } from "../../schema/jobs";
import { Stripe, stripeClient } from "../lib/stripe";
import type { JobDeps } from "./job-deps";

export const METER_EVENT_NAME = "atrium_ai_credits";
const HOUR_MS = 3_600_000;

function totalSettled(summary: { byFeature: { credits: number }[] }): number {
	return summary.byFeature.reduce((sum, f) => sum + f.credits, 0);
}

export async function runReportUsageMeter(deps: JobDeps, job: JobOf<"report-usage-meter">): Promise<void> {
	if (!deps.env.STRIPE_SECRET_KEY) return;
	const stripe = stripeClient(deps.env);
	const rows = await deps.db
		.select({ tenantId: subscriptions.tenantId, customerId: billingCustomers.stripeCustomerId })
		.from(subscriptions)
		.innerJoin(billingCustomers, eq(billingCustomers.tenantId, subscriptions.tenantId))
		.where(inArray(subscriptions.status, ["trialing", "active", "past_due"]));
	for (const { tenantId, customerId } of rows) {
		const gate = deps.env.TENANT_GATE.getByName(tenantId);
		// Settled since the hour began minus settled since it ended = settled within the hour.
		const [fromStart, fromEnd] = await Promise.all([gate.creditSummary(job.hourStart), gate.creditSummary(job.hourStart + HOUR_MS)]);
		const credits = totalSettled(fromStart) - totalSettled(fromEnd);
		if (credits <= 0) continue;
		try {
			await stripe.billing.meterEvents.create({
				event_name: METER_EVENT_NAME,
				identifier: `${tenantId}:${job.hourStart}`,
				timestamp: Math.floor(job.hourStart / 1000),
				payload: { stripe_customer_id: customerId, value: String(credits) },
			});
		} catch (error) {
			if (error instanceof Stripe.errors.StripeInvalidRequestError && error.param === "identifier") continue;
			throw error;
		}
	}
}
