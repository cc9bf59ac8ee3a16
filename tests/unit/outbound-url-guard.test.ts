/**
 * The outbound-URL guard: which user-supplied URLs the Worker may fetch (a table of URLs, every
 * spelling of a private address included), and guardedFetch against local servers: redirects
 * re-checked hop by hop, DNS answers pointing at private addresses refused.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { classifyIpLiteral } from "../../worker/lib/ip-address-class";
import { checkOutboundUrl, guardedFetch, type OutboundOptions, OutboundRefused } from "../../worker/lib/outbound-url-guard";
import { type LocalDoh, startLocalDoh } from "../fakes/dns-over-https";

const PRODUCTION = { allowLoopback: false };
const DEVELOPMENT = { allowLoopback: true };

const reasonOf = (url: string, options: OutboundOptions = PRODUCTION) => {
	const check = checkOutboundUrl(url, options);
	return check.ok ? "ok" : check.reason;
};

describe("checkOutboundUrl in production", () => {
	it.each([
		["https://fcm.googleapis.com/fcm/send/abc", "ok"],
		["https://login.example.com/.well-known/openid-configuration", "ok"],
		["https://idp.example.com:8443/realms/acme", "ok"],
		["https://93.184.216.34/", "ok"],
		["https://[2606:4700::6810:84e5]/", "ok"],
		["https://xn--80ak6aa92e.com/", "ok"],
		["http://login.example.com/", "scheme"],
		["ftp://example.com/file", "scheme"],
		["file:///etc/passwd", "scheme"],
		["javascript:alert(1)", "scheme"],
		["not a url", "not-a-url"],
		["https://user:secret@example.com/", "credentials"],
		["https://user@example.com/", "credentials"],
		["https://example.com:22/", "port"],
		["https://example.com:6379/", "port"],
		["https://example.com:443/", "ok"],
	])("%s → %s", (url, expected) => {
		expect(reasonOf(url)).toBe(expected);
	});

	it.each([
		// private, loopback, link-local, CGNAT, unspecified, multicast, reserved
		"https://10.0.0.1/",
		"https://10.255.255.255/",
		"https://172.16.0.1/",
		"https://172.31.255.254/",
		"https://192.168.1.1/",
		"https://127.0.0.1/",
		"https://127.255.0.9/",
		"https://169.254.169.254/latest/meta-data/",
		"https://100.64.0.1/",
		"https://100.127.255.255/",
		"https://0.0.0.0/",
		"https://0/",
		"https://224.0.0.1/",
		"https://239.255.255.250/",
		"https://240.0.0.1/",
		"https://255.255.255.255/",
		"https://192.0.0.8/",
		"https://198.18.0.1/",
		// other spellings of 127.0.0.1 and 169.254.169.254 the URL parser accepts
		"https://2130706433/",
		"https://0x7f.1/",
		"https://0x7f000001/",
		"https://017700000001/",
		"https://127.1/",
		"https://0251.0376.0251.0376/",
		"https://2852039166/",
		// IPv6: loopback, unspecified, unique-local, link-local, multicast, mapped and embedded IPv4
		"https://[::1]/",
		"https://[::]/",
		"https://[fc00::1]/",
		"https://[fd12:3456:789a::1]/",
		"https://[fe80::1]/",
		"https://[febf::1]/",
		"https://[ff02::1]/",
		"https://[::ffff:127.0.0.1]/",
		"https://[::ffff:7f00:1]/",
		"https://[::ffff:10.0.0.1]/",
		"https://[::ffff:169.254.169.254]/",
		"https://[::127.0.0.1]/",
		"https://[64:ff9b::10.0.0.1]/",
		"https://[2002:a00:1::]/",
		"https://[2001:db8::1]/",
		"https://[2001:0:4136:e378::1]/",
	])("refuses the private address %s", (url) => {
		expect(reasonOf(url)).toBe("private-address");
	});

	it.each([
		"https://localhost/",
		"https://LOCALHOST./",
		"https://acme.localhost/",
		"https://metadata.google.internal/computeMetadata/v1/",
		"https://printer.local/",
		"https://router.home.arpa/",
		"https://intranet/",
		"https://metadata/",
	])("refuses the local name %s", (url) => {
		expect(reasonOf(url)).toBe("local-name");
	});

	it("keeps to an allow-list of hosts when given one", () => {
		const allowedHosts = ["fcm.googleapis.com", "*.push.apple.com"];
		expect(reasonOf("https://fcm.googleapis.com/fcm/send/x", { ...PRODUCTION, allowedHosts })).toBe("ok");
		expect(checkOutboundUrl("https://api.push.apple.com/3/device/x", { allowedHosts }).ok).toBe(true);
		expect(checkOutboundUrl("https://push.apple.com/x", { allowedHosts }).ok).toBe(false);
		expect(checkOutboundUrl("https://evil-push.apple.com.attacker.test/x", { allowedHosts }).ok).toBe(false);
		expect(checkOutboundUrl("https://fcm.googleapis.com.attacker.test/x", { allowedHosts })).toMatchObject({ reason: "host-not-allowed" });
	});
});

describe("checkOutboundUrl in development", () => {
	it("allows loopback (http or https, any port) for the local fakes, and nothing else private", () => {
		expect(reasonOf("http://127.0.0.1:8787/notify/x", DEVELOPMENT)).toBe("ok");
		expect(reasonOf("http://localhost:9000/", DEVELOPMENT)).toBe("ok");
		expect(reasonOf("http://[::1]:9000/", DEVELOPMENT)).toBe("ok");
		expect(reasonOf("http://10.0.0.1/", DEVELOPMENT)).toBe("scheme");
		expect(reasonOf("https://10.0.0.1/", DEVELOPMENT)).toBe("private-address");
		expect(reasonOf("https://169.254.169.254/", DEVELOPMENT)).toBe("private-address");
		expect(reasonOf("http://example.com/", DEVELOPMENT)).toBe("scheme");
		expect(reasonOf("http://user:pw@127.0.0.1/", DEVELOPMENT)).toBe("credentials");
	});

	it("lets loopback through an allow-list only in development", () => {
		const allowedHosts = ["fcm.googleapis.com"];
		expect(checkOutboundUrl("http://127.0.0.1:4000/notify/x", { allowLoopback: true, allowedHosts }).ok).toBe(true);
		expect(checkOutboundUrl("http://127.0.0.1:4000/notify/x", { allowLoopback: false, allowedHosts }).ok).toBe(false);
		expect(checkOutboundUrl("https://127.0.0.1/notify/x", { allowLoopback: false, allowedHosts })).toMatchObject({
			reason: "private-address",
		});
	});
});

describe("classifyIpLiteral", () => {
	it.each([
		["8.8.8.8", "public"],
		["172.15.255.255", "public"],
		["172.32.0.0", "public"],
		["100.63.255.255", "public"],
		["100.128.0.0", "public"],
		["169.253.255.255", "public"],
		["2606:4700:4700::1111", "public"],
		["::ffff:8.8.8.8", "public"],
		["2002:808:808::", "public"],
		["127.0.0.1", "loopback"],
		["::1", "loopback"],
		["10.1.2.3", "private"],
		["fe80::abcd", "link-local"],
		["fd00::1", "unique-local"],
		["100.64.1.1", "shared"],
		["::ffff:192.168.0.1", "private"],
		["example.com", null],
		["1.2.3", null],
		["1:2:3", null],
	])("%s is %s", (address, expected) => {
		expect(classifyIpLiteral(address)).toBe(expected);
	});
});

describe("guardedFetch", () => {
	let server: Server;
	let base: string;
	let doh: LocalDoh;
	const env = (): { ENVIRONMENT: string; DOH_URL: string } => ({ ENVIRONMENT: "development", DOH_URL: `${doh.url}/dns-query` });

	beforeAll(async () => {
		// Answers /to?url=X with a redirect to X, /chain/n with a redirect to /chain/n+1, and anything else with "reached".
		server = createServer((req, res) => {
			const url = new URL(req.url ?? "/", "http://127.0.0.1");
			const to = url.searchParams.get("url");
			if (url.pathname === "/to" && to) return void res.writeHead(302, { Location: to }).end();
			const chain = /^\/chain\/(\d+)$/.exec(url.pathname);
			if (chain) return void res.writeHead(307, { Location: `/chain/${Number(chain[1]) + 1}` }).end();
			res.writeHead(200, { "Content-Type": "text/plain" }).end(`reached ${req.method} ${url.pathname}`);
		});
		await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
		base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
		doh = await startLocalDoh();
	});
	afterAll(async () => {
		await new Promise((resolve) => server.close(resolve));
		await new Promise((resolve) => doh.server.close(resolve));
	});

	const refusal = async (promise: Promise<unknown>) => {
		const error = await promise.then(
			() => null,
			(e: unknown) => e,
		);
		expect(error).toBeInstanceOf(OutboundRefused);
		return (error as OutboundRefused).reason;
	};

	it("reaches a loopback fake in development and follows a redirect that stays allowed", async () => {
		const res = await guardedFetch(env(), `${base}/to?url=${encodeURIComponent(`${base}/landed`)}`);
		expect(await res.text()).toBe("reached GET /landed");
	});

	it("refuses the same loopback fake in production", async () => {
		expect(await refusal(guardedFetch({ ENVIRONMENT: "production" }, `${base}/landed`))).toBe("scheme");
	});

	it("re-checks every redirect hop: a redirect to the metadata address is refused", async () => {
		const hop = `${base}/to?url=${encodeURIComponent("https://169.254.169.254/latest/meta-data/")}`;
		expect(await refusal(guardedFetch(env(), hop))).toBe("private-address");
		const decimal = `${base}/to?url=${encodeURIComponent("https://2852039166/")}`;
		expect(await refusal(guardedFetch(env(), decimal))).toBe("private-address");
	});

	it("stops after a bounded number of redirects", async () => {
		expect(await refusal(guardedFetch(env(), `${base}/chain/0`, {}, { maxRedirects: 3 }))).toBe("too-many-redirects");
	});

	it("hands a POST its redirect back instead of following it", async () => {
		const res = await guardedFetch(env(), `${base}/to?url=${encodeURIComponent("https://10.0.0.1/")}`, { method: "POST", body: "x" });
		expect(res.status).toBe(302);
	});

	it("with resolveDns, refuses a public-looking name whose DNS answer is private", async () => {
		const publish = (name: string, type: string, values: string[]) =>
			fetch(`${doh.url}/__test/records`, { method: "POST", body: JSON.stringify({ name, type, values }) });
		await publish("sneaky.example.test", "A", ["93.184.216.34", "10.0.0.7"]);
		await publish("sneaky6.example.test", "AAAA", ["::ffff:127.0.0.1"]);
		expect(await refusal(guardedFetch(env(), "https://sneaky.example.test/", {}, { resolveDns: true }))).toBe("resolves-private");
		expect(await refusal(guardedFetch(env(), "https://sneaky6.example.test/", {}, { resolveDns: true }))).toBe("resolves-private");
		expect(await refusal(guardedFetch(env(), "https://nowhere.example.test/", {}, { resolveDns: true }))).toBe("unresolvable");
		expect(
			await refusal(
				guardedFetch(
					{ ENVIRONMENT: "production", DOH_URL: "http://127.0.0.1:1/dns-query" },
					"https://x.example.test/",
					{},
					{ resolveDns: true },
				),
			),
		).toBe("unresolvable");
	});
});
