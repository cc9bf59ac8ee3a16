/**
 * What kind of network an IP address literal belongs to: public, or one of the ranges an outbound
 * request from the Worker must never reach (private, loopback, link-local, unique-local, CGNAT,
 * multicast, reserved, documentation). IPv6 addresses that embed an IPv4 address (mapped,
 * compatible, NAT64, 6to4) are judged by the address they embed. Pure: no I/O.
 */

export type AddressClass =
	| "public"
	| "loopback"
	| "private"
	| "link-local"
	| "unique-local"
	| "shared"
	| "unspecified"
	| "multicast"
	| "reserved"
	| "documentation";

type Range = { base: number; bits: number; kind: Exclude<AddressClass, "public"> };

const v4 = (a: number, b: number, c: number, d: number) => ((a << 24) | (b << 16) | (c << 8) | d) >>> 0;

/** IPv4 ranges that are not the public internet (RFC 6890 and friends). */
const IPV4_RANGES: readonly Range[] = [
	{ base: v4(0, 0, 0, 0), bits: 8, kind: "unspecified" },
	{ base: v4(10, 0, 0, 0), bits: 8, kind: "private" },
	{ base: v4(100, 64, 0, 0), bits: 10, kind: "shared" },
	{ base: v4(127, 0, 0, 0), bits: 8, kind: "loopback" },
	{ base: v4(169, 254, 0, 0), bits: 16, kind: "link-local" },
	{ base: v4(172, 16, 0, 0), bits: 12, kind: "private" },
	{ base: v4(192, 0, 0, 0), bits: 24, kind: "reserved" },
	{ base: v4(192, 0, 2, 0), bits: 24, kind: "documentation" },
	{ base: v4(192, 88, 99, 0), bits: 24, kind: "reserved" },
	{ base: v4(192, 168, 0, 0), bits: 16, kind: "private" },
	{ base: v4(198, 18, 0, 0), bits: 15, kind: "reserved" },
	{ base: v4(198, 51, 100, 0), bits: 24, kind: "documentation" },
	{ base: v4(203, 0, 113, 0), bits: 24, kind: "documentation" },
	{ base: v4(224, 0, 0, 0), bits: 4, kind: "multicast" },
	{ base: v4(240, 0, 0, 0), bits: 4, kind: "reserved" },
];

/** A dotted-quad IPv4 address as a 32-bit number, or null. Only the canonical form: the URL parser turns 0x7f.1 or 2130706433 into it. */
export function parseIpv4(text: string): number | null {
	const parts = text.split(".");
	if (parts.length !== 4) return null;
	let value = 0;
	for (const part of parts) {
		if (!/^\d{1,3}$/.test(part) || Number(part) > 255) return null;
		value = value * 256 + Number(part);
	}
	return value;
}

/** An IPv6 address (optionally in brackets, with a dotted IPv4 tail) as eight 16-bit groups, or null. */
export function parseIpv6(text: string): number[] | null {
	let body = text.replace(/^\[(.*)\]$/, "$1").toLowerCase();
	if (body.includes("%")) return null; // zone ids never appear in URLs we fetch
	const dotted = /^(.*:)(\d+\.\d+\.\d+\.\d+)$/.exec(body);
	if (dotted) {
		const tail = parseIpv4(dotted[2] ?? "");
		if (tail === null) return null;
		body = `${dotted[1]}${(tail >>> 16).toString(16)}:${(tail & 0xffff).toString(16)}`;
	}
	const halves = body.split("::");
	if (halves.length > 2) return null;
	const split = (s: string | undefined) => (s ? s.split(":") : []);
	const left = split(halves[0]);
	const right = split(halves[1]);
	const missing = 8 - left.length - right.length;
	if (halves.length === 1 ? left.length !== 8 : missing < 1) return null;
	const groups = [...left, ...Array<string>(halves.length === 1 ? 0 : missing).fill("0"), ...right];
	if (groups.some((g) => !/^[0-9a-f]{1,4}$/.test(g))) return null;
	return groups.map((g) => Number.parseInt(g, 16));
}

export function classifyIpv4(address: number): AddressClass {
	for (const range of IPV4_RANGES) {
		const mask = range.bits === 0 ? 0 : (0xffffffff << (32 - range.bits)) >>> 0;
		if ((address & mask) >>> 0 === range.base) return range.kind;
	}
	if (address === 0xffffffff) return "reserved";
	return "public";
}

const embeddedV4 = (g: number[], at: number) => (((g[at] ?? 0) << 16) | (g[at + 1] ?? 0)) >>> 0;

export function classifyIpv6(g: number[]): AddressClass {
	const [g0 = 0, g1 = 0] = g;
	const zerosUpTo = (n: number) => g.slice(0, n).every((x) => x === 0);
	if (zerosUpTo(8)) return "unspecified";
	if (zerosUpTo(7) && g[7] === 1) return "loopback";
	// ::ffff:a.b.c.d (mapped) and ::a.b.c.d (compatible, deprecated): the IPv4 address is what would be reached.
	if (zerosUpTo(5) && (g[5] === 0xffff || g[5] === 0)) return classifyIpv4(embeddedV4(g, 6));
	// 64:ff9b::/96 NAT64 translates to the embedded IPv4 address.
	if (g0 === 0x64 && g1 === 0xff9b && g.slice(2, 6).every((x) => x === 0)) return classifyIpv4(embeddedV4(g, 6));
	// 2002::/16 6to4 tunnels to the IPv4 address in bits 16-48.
	if (g0 === 0x2002) return classifyIpv4(embeddedV4(g, 1));
	if ((g0 & 0xfe00) === 0xfc00) return "unique-local";
	if ((g0 & 0xffc0) === 0xfe80) return "link-local";
	if ((g0 & 0xffc0) === 0xfec0) return "private"; // deprecated site-local
	if ((g0 & 0xff00) === 0xff00) return "multicast";
	if (g0 === 0x2001 && g1 === 0x0db8) return "documentation";
	if (g0 === 0x2001 && g1 === 0) return "reserved"; // Teredo: reaches an address we cannot judge
	// Only 2000::/3 is allocated global unicast; everything else (100::/64 discard, …) is reserved.
	if ((g0 & 0xe000) !== 0x2000) return "reserved";
	return "public";
}

/** The class of an IP literal (`127.0.0.1`, `[::1]`, `::ffff:10.0.0.1`), or null when `text` is not one. */
export function classifyIpLiteral(text: string): AddressClass | null {
	const four = parseIpv4(text);
	if (four !== null) return classifyIpv4(four);
	if (!text.includes(":")) return null;
	const six = parseIpv6(text);
	return six ? classifyIpv6(six) : null;
}
