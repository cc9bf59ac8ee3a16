/** Test helper for billing: drive the local Stripe fake and deliver its signed events to the Worker's webhook. */
import { env } from "cloudflare:workers";
import type { Bindings } from "../../worker/env";
import { call, PLATFORM } from "./http";

const stripeBase = () => (env as Bindings).STRIPE_API_BASE ?? "";

export type SignedEvent = { id: string; type: string; payload: string; header: string };

export async function fake<T = { events: SignedEvent[] }>(path: string, body: unknown = {}): Promise<T> {
	const res = await fetch(`${stripeBase()}${path}`, {
		method: "POST",
		headers: { "Content-Type": "application/json" },
		body: JSON.stringify(body),
	});
	return res.json() as Promise<T>;
}

export function deliver(event: Pick<SignedEvent, "payload" | "header">): Promise<Response> {
	return call(PLATFORM, "/api/webhooks/stripe", {
		method: "POST",
		rawBody: event.payload,
		headers: { "Content-Type": "application/json", "Stripe-Signature": event.header },
		sameOrigin: false,
	});
}

export async function deliverAll(events: SignedEvent[]): Promise<void> {
	for (const event of events) {
		const res = await deliver(event);
		if (res.status !== 200) throw new Error(`${event.type} → ${res.status} ${await res.text()}`);
	}
}

/** The Checkout session id at the end of a fake Checkout URL. */
export function sessionIdOf(url: string): string {
	return new URL(url).pathname.split("/").at(-1) ?? "";
}

/** Pays a Checkout session with a card and delivers the resulting webhooks; returns the events. */
export async function payAndDeliver(checkoutUrl: string, card = "4242424242424242"): Promise<SignedEvent[]> {
	const paid = await fake<{ ok: boolean; events: SignedEvent[] }>(`/_fake/checkout/${sessionIdOf(checkoutUrl)}/pay`, { card });
	if (!paid.ok) throw new Error("payment refused");
	await deliverAll(paid.events);
	return paid.events;
}
