/**
 * Starts the local stand-ins for outside services that worker tests reach over the network: a
 * Web Push service, a DNS-over-HTTPS resolver and Cloudflare's custom-hostname API. They listen on
 * 127.0.0.1 only, on free ports, and do not keep the test process alive.
 */
import { FAKE_CLOUDFLARE_TOKEN, FAKE_CLOUDFLARE_ZONE, startLocalCloudflare } from "./cloudflare-api";
import { startLocalDoh } from "./dns-over-https";
import { startLocalPushService } from "./push-service";

export type TestFakes = { pushServiceUrl: string; dohUrl: string; cloudflareApiUrl: string };

export async function startTestFakes(): Promise<{ urls: TestFakes; bindings: Record<string, string> }> {
	const [push, doh, cloudflare] = await Promise.all([startLocalPushService(), startLocalDoh(), startLocalCloudflare()]);
	return {
		urls: { pushServiceUrl: push.url, dohUrl: doh.url, cloudflareApiUrl: cloudflare.url },
		bindings: {
			DOH_URL: `${doh.url}/dns-query`,
			CLOUDFLARE_API_BASE: cloudflare.url,
			CLOUDFLARE_API_TOKEN: FAKE_CLOUDFLARE_TOKEN,
			CLOUDFLARE_ZONE_ID: FAKE_CLOUDFLARE_ZONE,
		},
	};
}
