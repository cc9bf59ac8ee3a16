/** Global setup of the worker tests: the local Stripe fake, on the port vitest.config.ts chose and bound into the Worker's env. */
import { type StripeFake, startStripeFake } from "../../scripts/lib/stripe-fake/server";

export const TEST_WEBHOOK_SECRET = "whsec_test_atrium";

let fake: StripeFake | undefined;

export async function setup(): Promise<void> {
	fake = await startStripeFake({ port: Number(process.env.STRIPE_FAKE_PORT), webhookSecret: TEST_WEBHOOK_SECRET, webhookUrl: null });
}

export async function teardown(): Promise<void> {
	await fake?.close();
}
