/**
 * The Stripe SDK client, built from the Worker's configuration: STRIPE_SECRET_KEY (unset: billing
 * is not configured), STRIPE_API_BASE (the local fake, e.g. http://127.0.0.1:12111) and
 * STRIPE_WEBHOOK_SECRET for verifying webhook signatures. Fetch-based, so it runs in workerd.
 */
import Stripe from "stripe";
import type { Bindings } from "../env";
import { Problem } from "./problem";

export type StripeConfig = Pick<Bindings, "STRIPE_SECRET_KEY" | "STRIPE_API_BASE" | "STRIPE_WEBHOOK_SECRET">;

export const notConfigured = () =>
	new Problem(503, "billing-not-configured", "Billing is not configured", "This deployment has no Stripe key; see docs/BILLING.md.");

export function stripeClient(env: StripeConfig): Stripe {
	if (!env.STRIPE_SECRET_KEY) throw notConfigured();
	const base = env.STRIPE_API_BASE ? new URL(env.STRIPE_API_BASE) : null;
	return new Stripe(env.STRIPE_SECRET_KEY, {
		httpClient: Stripe.createFetchHttpClient(),
		maxNetworkRetries: base ? 0 : 2,
		telemetry: false,
		...(base
			? {
					host: base.hostname,
					port: Number(base.port || (base.protocol === "https:" ? 443 : 80)),
					protocol: base.protocol === "https:" ? "https" : "http",
				}
			: {}),
	});
}

/** Verifies a webhook's signature and age (default tolerance: 5 minutes) and returns the event, or null. */
export async function verifyStripeEvent(env: StripeConfig, payload: string, header: string | undefined): Promise<Stripe.Event | null> {
	if (!env.STRIPE_WEBHOOK_SECRET) throw notConfigured();
	if (!header) return null;
	try {
		return await stripeClient(env).webhooks.constructEventAsync(
			payload,
			header,
			env.STRIPE_WEBHOOK_SECRET,
			undefined,
			Stripe.createSubtleCryptoProvider(),
		);
	} catch {
		return null;
	}
}

export { Stripe };
