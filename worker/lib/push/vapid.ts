/**
 * The VAPID identity of this deployment (RFC 8292), from configuration: the application server
 * key browsers subscribe with and the private key that signs every push. Unset → push is off.
 */
import type { VapidKeys } from "@block65/webcrypto-web-push";

export type VapidEnv = { VAPID_PUBLIC_KEY?: string; VAPID_PRIVATE_KEY?: string; VAPID_SUBJECT?: string };

export function vapidKeysFrom(env: VapidEnv): VapidKeys | null {
	const { VAPID_PUBLIC_KEY: publicKey, VAPID_PRIVATE_KEY: privateKey, VAPID_SUBJECT: subject } = env;
	if (!publicKey || !privateKey) return null;
	return { publicKey, privateKey, subject: subject || "mailto:support@atrium.localhost" };
}
