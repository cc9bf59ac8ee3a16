/**
 * Starts the local stand-ins for outside services that worker tests reach over the network: a
 * Web Push service, a DNS-over-HTTPS resolver, Cloudflare's custom-hostname API and the identity
 * providers (Google, Microsoft, GitHub, OpenID Connect issuers) and Cloudflare Turnstile. They listen on
 * 127.0.0.1 only, on free ports, and do not keep the test process alive.
 */
import { FAKE_CLOUDFLARE_TOKEN, FAKE_CLOUDFLARE_ZONE, startLocalCloudflare } from "./cloudflare-api";
import { startLocalDoh } from "./dns-over-https";
import { FAKE_OAUTH_CLIENTS, startLocalOAuth } from "./oauth-providers";
import { startLocalPushService } from "./push-service";
import { FAKE_TURNSTILE, startLocalTurnstile } from "./turnstile";

export type TestFakes = { pushServiceUrl: string; dohUrl: string; cloudflareApiUrl: string; oauthUrl: string; turnstileUrl: string };

export async function startTestFakes(): Promise<{ urls: TestFakes; bindings: Record<string, string> }> {
	const [push, doh, cloudflare, oauth, turnstile] = await Promise.all([
		startLocalPushService(),
		startLocalDoh(),
		startLocalCloudflare(),
		startLocalOAuth(),
		startLocalTurnstile(),
	]);
	return {
		urls: { pushServiceUrl: push.url, dohUrl: doh.url, cloudflareApiUrl: cloudflare.url, oauthUrl: oauth.url, turnstileUrl: turnstile.url },
		bindings: {
			DOH_URL: `${doh.url}/dns-query`,
			CLOUDFLARE_API_BASE: cloudflare.url,
			CLOUDFLARE_API_TOKEN: FAKE_CLOUDFLARE_TOKEN,
			CLOUDFLARE_ZONE_ID: FAKE_CLOUDFLARE_ZONE,
			GOOGLE_CLIENT_ID: FAKE_OAUTH_CLIENTS.google.id,
			GOOGLE_CLIENT_SECRET: FAKE_OAUTH_CLIENTS.google.secret,
			GOOGLE_OAUTH_BASE_URL: `${oauth.url}/google`,
			MICROSOFT_CLIENT_ID: FAKE_OAUTH_CLIENTS.microsoft.id,
			MICROSOFT_CLIENT_SECRET: FAKE_OAUTH_CLIENTS.microsoft.secret,
			MICROSOFT_OAUTH_BASE_URL: `${oauth.url}/microsoft`,
			GITHUB_CLIENT_ID: FAKE_OAUTH_CLIENTS.github.id,
			GITHUB_CLIENT_SECRET: FAKE_OAUTH_CLIENTS.github.secret,
			GITHUB_OAUTH_BASE_URL: `${oauth.url}/github`,
			GITHUB_API_BASE_URL: `${oauth.url}/github-api`,
			TURNSTILE_URL: turnstile.url,
			TURNSTILE_SITE_KEY: FAKE_TURNSTILE.siteKey,
			TURNSTILE_SECRET_KEY: FAKE_TURNSTILE.secretKey,
		},
	};
}
