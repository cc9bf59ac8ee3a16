/**
 * TXT look-ups over DNS-over-HTTPS (the JSON API that Cloudflare and Google answer), so a Worker
 * can check a domain's verification record without a resolver of its own. `DOH_URL` picks the
 * resolver; tests point it at a local fake.
 */
export const DEFAULT_DOH_URL = "https://cloudflare-dns.com/dns-query";

const TXT = 16;

export class DnsLookupError extends Error {}

type DohAnswer = { Status?: number; Answer?: { type: number; data: string }[] };

/** The TXT strings published at `name` (each record's quoted parts joined), or [] when there are none. */
export async function lookupTxt(name: string, dohUrl = DEFAULT_DOH_URL): Promise<string[]> {
	const url = new URL(dohUrl);
	url.searchParams.set("name", name);
	url.searchParams.set("type", "TXT");
	let response: Response;
	try {
		response = await fetch(url, { headers: { Accept: "application/dns-json" } });
	} catch (error) {
		throw new DnsLookupError(`the DNS resolver could not be reached (${String(error)})`);
	}
	if (!response.ok) throw new DnsLookupError(`the DNS resolver answered ${response.status}`);
	const body = (await response.json()) as DohAnswer;
	// 3 = NXDOMAIN: the name does not exist, which for us is simply "no record yet".
	if (body.Status !== undefined && body.Status !== 0 && body.Status !== 3)
		throw new DnsLookupError(`the DNS lookup failed (status ${body.Status})`);
	return (body.Answer ?? [])
		.filter((a) => a.type === TXT)
		.map((a) => [...a.data.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1]).join("") || a.data);
}
