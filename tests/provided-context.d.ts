/** URLs of the local fakes (tests/fakes), provided to worker tests by vitest.config.ts. */
import "vitest";

declare module "vitest" {
	export interface ProvidedContext {
		pushServiceUrl: string;
		dohUrl: string;
		cloudflareApiUrl: string;
		oauthUrl: string;
		turnstileUrl: string;
	}
}
