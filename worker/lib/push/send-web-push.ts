/**
 * One Web Push request: the message encrypted for the subscription (RFC 8291 aes128gcm), signed
 * with VAPID, sent to the browser's push service. In development a loopback `http:` endpoint
 * (the local push service the tests and `npm start` use) is allowed; everywhere else only https.
 */
import { buildPushPayload, type PushSubscription, type VapidKeys } from "@block65/webcrypto-web-push";

export type PushOutcome = "delivered" | "gone" | "failed";

const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]"]);

/** Whether Atrium may send to this endpoint: https, or loopback http in development. */
export function isAllowedPushEndpoint(endpoint: string, development: boolean): boolean {
	const url = URL.parse(endpoint);
	if (!url) return false;
	if (url.protocol === "https:") return true;
	return development && url.protocol === "http:" && LOOPBACK.has(url.hostname);
}

export async function sendWebPush(
	subscription: PushSubscription,
	data: string,
	vapid: VapidKeys,
	ttlSeconds = 24 * 60 * 60,
): Promise<{ outcome: PushOutcome; status: number }> {
	// The library signs for https origins only; a loopback dev endpoint is signed as its https twin.
	const signed = { ...subscription, endpoint: subscription.endpoint.replace(/^http:/, "https:") };
	const payload = await buildPushPayload({ data, options: { ttl: ttlSeconds, urgency: "normal" } }, signed, vapid);
	const response = await fetch(subscription.endpoint, payload);
	await response.body?.cancel();
	if (response.ok) return { outcome: "delivered", status: response.status };
	// RFC 8030 §7.3: 404 and 410 mean the subscription is gone for good.
	if (response.status === 404 || response.status === 410) return { outcome: "gone", status: response.status };
	return { outcome: "failed", status: response.status };
}
