/** The small User-Agent reader and the IP prefixes behind session lists and new-device alerts. */
import { describe, expect, it } from "vitest";
import { ipPrefix } from "../../worker/lib/ip-prefix";
import { describeUserAgent, deviceLabel } from "../../worker/lib/user-agent";

describe("describeUserAgent", () => {
	it.each([
		[
			"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
			"Chrome",
			"Windows",
			"desktop",
		],
		[
			"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0",
			"Edge",
			"Windows",
			"desktop",
		],
		[
			"Mozilla/5.0 (Macintosh; Intel Mac OS X 14_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15",
			"Safari",
			"macOS",
			"desktop",
		],
		[
			"Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1",
			"Safari",
			"iOS",
			"mobile",
		],
		[
			"Mozilla/5.0 (iPad; CPU OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/131.0 Mobile/15E148 Safari/604.1",
			"Chrome",
			"iOS",
			"tablet",
		],
		[
			"Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36",
			"Chrome",
			"Android",
			"mobile",
		],
		[
			"Mozilla/5.0 (Linux; Android 14; SM-X710) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/26.0 Chrome/122.0 Safari/537.36",
			"Samsung Internet",
			"Android",
			"tablet",
		],
		["Mozilla/5.0 (X11; Linux x86_64; rv:132.0) Gecko/20100101 Firefox/132.0", "Firefox", "Linux", "desktop"],
		[
			"Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36 OPR/115.0.0.0",
			"Opera",
			"Linux",
			"desktop",
		],
		["curl/8.5.0", "curl", null, "unknown"],
	] as const)("reads %s", (ua, browser, os, device) => {
		expect(describeUserAgent(ua)).toEqual({ browser, os, device });
	});

	it("says what it does not know", () => {
		expect(describeUserAgent(null)).toEqual({ browser: null, os: null, device: "unknown" });
		expect(deviceLabel(describeUserAgent("SomethingElse/1"))).toBe("Unknown device");
		expect(deviceLabel(describeUserAgent("Mozilla/5.0 (X11; Linux x86_64; rv:132.0) Gecko/20100101 Firefox/132.0"))).toBe(
			"Firefox on Linux",
		);
	});
});

describe("ipPrefix", () => {
	it("keeps an IPv4 /24 and an IPv6 /48", () => {
		expect(ipPrefix("203.0.113.77")).toBe("203.0.113.0/24");
		expect(ipPrefix("2001:db8:abcd:12::1")).toBe("2001:db8:abcd::/48");
		expect(ipPrefix("2001:0db8:0000:0001:0000:0000:0000:0001")).toBe("2001:db8:0::/48");
		expect(ipPrefix("::1")).toBe("0:0:0::/48");
	});

	it("answers unknown for anything else", () => {
		for (const bad of [null, "", "300.1.1.1", "1.2.3", "not an ip", "1::2::3"]) expect(ipPrefix(bad)).toBe("unknown");
	});
});
