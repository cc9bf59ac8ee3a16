/**
 * The network an address belongs to, coarsely: IPv4 /24 and IPv6 /48. New-device alerts compare
 * prefixes, so a phone hopping between addresses of one provider is not a "new device" each time.
 */
export function ipPrefix(ip: string | null): string {
	if (!ip) return "unknown";
	if (ip.includes(":")) {
		const groups = expandIpv6(ip);
		return groups ? `${groups.slice(0, 3).join(":")}::/48` : "unknown";
	}
	const parts = ip.split(".");
	if (parts.length !== 4 || parts.some((p) => !/^\d{1,3}$/.test(p) || Number(p) > 255)) return "unknown";
	return `${parts.slice(0, 3).join(".")}.0/24`;
}

function expandIpv6(ip: string): string[] | null {
	const [head = "", tail, extra] = ip.toLowerCase().split("::");
	if (extra !== undefined) return null;
	const left = head ? head.split(":") : [];
	const right = tail ? tail.split(":") : [];
	const missing = 8 - left.length - right.length;
	if (tail === undefined ? left.length !== 8 : missing < 1) return null;
	const groups = [...left, ...Array(tail === undefined ? 0 : missing).fill("0"), ...right];
	if (groups.some((g) => !/^[0-9a-f]{1,4}$/.test(g))) return null;
	return groups.map((g) => g.replace(/^0+(?=.)/, ""));
}
