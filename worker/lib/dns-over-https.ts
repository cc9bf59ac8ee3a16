/**
 * TXT and address look-ups over DNS-over-HTTPS (the JSON API that Cloudflare and Google answer),
 * so a Worker can check a domain's verification record, or where a name points, without a resolver
 * of its own. `DOH_URL` picks the resolver; tests point it at a local fake.
 */
export const DEFAULT_DOH_URL = "https://cloudflare-dns.com/dns-query";

const TXT = 16;
const A = 1;
const AAAA = 28;

export class DnsLookupError extends Error {}

type DohAnswer = { Status?: number; Answer?: { type: number; data: string }[] };

/** The TXT strings published at `name` (each record's quoted parts joined), or [] when there are none. */
export async function lookupTxt(name: string, dohUrl = DEFAULT_DOH_URL): Promise<string[]> {
	const answers = await query(name, "TXT", dohUrl);
	return answers.filter((a) => a.type === TXT).map((a) => [...a.data.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1]).join("") || a.data);
}

/** The IPv4 and IPv6 addresses `name` resolves to (after any CNAMEs), or [] when it has none. */
export async function lookupAddresses(name: string, dohUrl = DEFAULT_DOH_URL): Promise<string[]> {
	const [v4, v6] = await Promise.all([query(name, "A", dohUrl), query(name, "AAAA", dohUrl)]);
	return [...v4.filter((a) => a.type === A), ...v6.filter((a) => a.type === AAAA)].map((a) => a.data.trim());
}

async function query(name: string, type: "TXT" | "A" | "AAAA", dohUrl: string): Promise<{ type: number; data: string }[]> {
	const url = new URL(dohUrl);
	url.searchParams.set("name", name);
	url.searchParams.set("type", type);
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
	return body.Answer ?? [];
}
