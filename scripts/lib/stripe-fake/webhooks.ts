/** Signs fake events the way Stripe does (`t=…,v1=…`, HMAC-SHA256 of `t.payload`) and posts them to the Worker. */
import { createHmac } from "node:crypto";
import type { FakeEvent } from "./objects";

export type SignedEvent = { id: string; type: string; payload: string; header: string };

export function signEvent(event: FakeEvent, secret: string, timestamp = Math.floor(Date.now() / 1000)): SignedEvent {
	const payload = JSON.stringify({
		id: event.id,
		object: "event",
		api_version: "2025-10-29.clover",
		created: event.created,
		data: event.data,
		livemode: false,
		pending_webhooks: 1,
		request: { id: null, idempotency_key: null },
		type: event.type,
	});
	const signature = createHmac("sha256", secret).update(`${timestamp}.${payload}`).digest("hex");
	return { id: event.id, type: event.type, payload, header: `t=${timestamp},v1=${signature}` };
}

/** Posts each event in order; a failed delivery is logged, not retried (tests can replay from /_fake/events). */
export async function deliver(url: string | null, events: SignedEvent[], log: (line: string) => void): Promise<void> {
	if (!url) return;
	for (const event of events) {
		try {
			const res = await fetch(url, {
				method: "POST",
				headers: { "Content-Type": "application/json", "Stripe-Signature": event.header },
				body: event.payload,
			});
			if (!res.ok) log(`stripe-fake: ${event.type} → ${res.status} ${await res.text()}`);
		} catch (error) {
			log(`stripe-fake: ${event.type} not delivered: ${String(error)}`);
		}
	}
}
