/**
 * One Web Push request: the message encrypted for the subscription (RFC 8291 aes128gcm), signed
 * with VAPID, sent to the browser's push service through the outbound-URL guard. Endpoints must be
 * on a real push service (FCM, Mozilla, Apple, Windows); in development a loopback endpoint (the
 * local push service the tests use) is allowed too. Sending never throws for the device's sake: a
 * refused endpoint, a network error, a timeout or a 5xx is an outcome, so one device cannot fail
 * the others.
 */
import { buildPushPayload, type PushSubscription, type VapidKeys } from "@block65/webcrypto-web-push";
import { checkOutboundUrl, guardedFetch, type OutboundCheck, type OutboundEnv, OutboundRefused } from "../outbound-url-guard";

export type PushOutcome = "delivered" | "gone" | "failed" | "refused";

/** The push services browsers subscribe at: Chrome, Edge-on-Android, Samsung, Opera (FCM), Firefox, Safari, Edge on Windows. */
export const PUSH_SERVICE_HOSTS = [
	"fcm.googleapis.com",
	"updates.push.services.mozilla.com",
	"*.push.services.mozilla.com",
	"*.push.apple.com",
	"*.notify.windows.com",
] as const;

const SEND_TIMEOUT_MS = 10_000;

/** Whether Atrium may send to this endpoint: https on a known push service, or (development only) the loopback test service. */
export function checkPushEndpoint(endpoint: string, development: boolean): OutboundCheck {
	const check = checkOutboundUrl(endpoint, { allowLoopback: development, allowedHosts: PUSH_SERVICE_HOSTS });
	if (check.ok || check.reason !== "host-not-allowed") return check;
	return { ok: false, reason: check.reason, message: "must be a push service URL (FCM, Mozilla, Apple or Windows)" };
}

export async function sendWebPush(
	subscription: PushSubscription,
	data: string,
	vapid: VapidKeys,
	outbound: OutboundEnv,
	ttlSeconds = 24 * 60 * 60,
): Promise<{ outcome: PushOutcome; detail: string }> {
	if (!checkPushEndpoint(subscription.endpoint, outbound.ENVIRONMENT === "development").ok) {
		return { outcome: "refused", detail: "not a push service endpoint" };
	}
	// The library signs for https origins only; a loopback dev endpoint is signed as its https twin.
	const signed = { ...subscription, endpoint: subscription.endpoint.replace(/^http:/, "https:") };
	const payload = await buildPushPayload({ data, options: { ttl: ttlSeconds, urgency: "normal" } }, signed, vapid);
	let response: Response;
	try {
		response = await guardedFetch(outbound, subscription.endpoint, payload, {
			allowedHosts: PUSH_SERVICE_HOSTS,
			timeoutMs: SEND_TIMEOUT_MS,
		});
	} catch (error) {
		if (error instanceof OutboundRefused) return { outcome: "refused", detail: error.message };
		return { outcome: "failed", detail: error instanceof Error ? `${error.name}: ${error.message}` : "network error" };
	}
	await response.body?.cancel();
	if (response.ok) return { outcome: "delivered", detail: String(response.status) };
	// RFC 8030 §7.3: 404 and 410 mean the subscription is gone for good.
	if (response.status === 404 || response.status === 410) return { outcome: "gone", detail: String(response.status) };
	return { outcome: "failed", detail: `push service answered ${response.status}` };
}
