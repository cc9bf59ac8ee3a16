/**
 * Cloudflare for SaaS: custom hostnames on the platform's zone, so an agency's own domain gets a
 * certificate and reaches this Worker. Used only when `CLOUDFLARE_API_TOKEN` and
 * `CLOUDFLARE_ZONE_ID` are configured; `CLOUDFLARE_API_BASE` points tests at a local fake.
 */
export type SaasConfig = { apiBase: string; token: string; zoneId: string };

export type SaasEnv = { CLOUDFLARE_API_TOKEN?: string; CLOUDFLARE_ZONE_ID?: string; CLOUDFLARE_API_BASE?: string };

export class CloudflareApiError extends Error {}

export function saasConfigFrom(env: SaasEnv): SaasConfig | null {
	if (!env.CLOUDFLARE_API_TOKEN || !env.CLOUDFLARE_ZONE_ID) return null;
	return {
		apiBase: env.CLOUDFLARE_API_BASE || "https://api.cloudflare.com/client/v4",
		token: env.CLOUDFLARE_API_TOKEN,
		zoneId: env.CLOUDFLARE_ZONE_ID,
	};
}

type ApiEnvelope<T> = { success: boolean; errors?: { code: number; message: string }[]; result: T };
export type CustomHostname = { id: string; hostname: string; status: string };

async function call<T>(config: SaasConfig, path: string, init: RequestInit): Promise<T> {
	const response = await fetch(`${config.apiBase}/zones/${config.zoneId}${path}`, {
		...init,
		headers: { Authorization: `Bearer ${config.token}`, "Content-Type": "application/json" },
	});
	const body = (await response.json().catch(() => null)) as ApiEnvelope<T> | null;
	if (!response.ok || !body?.success) {
		const reason = body?.errors?.map((e) => e.message).join("; ") || `HTTP ${response.status}`;
		throw new CloudflareApiError(`Cloudflare refused the request: ${reason}`);
	}
	return body.result;
}

/** Creates the custom hostname with an HTTP-validated DV certificate; an existing one is returned as is. */
export async function createCustomHostname(config: SaasConfig, hostname: string): Promise<CustomHostname> {
	const existing = await call<CustomHostname[]>(config, `/custom_hostnames?hostname=${encodeURIComponent(hostname)}`, { method: "GET" });
	const found = existing.find((h) => h.hostname === hostname);
	if (found) return found;
	return call<CustomHostname>(config, "/custom_hostnames", {
		method: "POST",
		body: JSON.stringify({ hostname, ssl: { method: "http", type: "dv" } }),
	});
}

export async function deleteCustomHostname(config: SaasConfig, id: string): Promise<void> {
	try {
		await call<{ id: string }>(config, `/custom_hostnames/${encodeURIComponent(id)}`, { method: "DELETE" });
	} catch (error) {
		// Already gone is what we wanted.
		if (!(error instanceof CloudflareApiError && /not found|1436/i.test(error.message))) throw error;
	}
}
