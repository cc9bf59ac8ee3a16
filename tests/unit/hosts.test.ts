/** Host classification and tenant URLs: the rules that decide which tenant a request belongs to. */
import { describe, expect, it } from "vitest";
import { hostnameOf, parseHost, tenantBaseUrl } from "../../worker/lib/hosts";

describe("parseHost", () => {
	it("recognises the platform host, tenant sub-domains and custom domains", () => {
		expect(parseHost("atrium.app", "atrium.app", false)).toEqual({ kind: "platform" });
		expect(parseHost("acme.atrium.app", "atrium.app", false)).toEqual({ kind: "subdomain", slug: "acme" });
		expect(parseHost("portal.acme.com", "atrium.app", false)).toEqual({ kind: "custom", hostname: "portal.acme.com" });
	});

	it("never treats a deeper sub-domain or a look-alike suffix as a tenant sub-domain", () => {
		expect(parseHost("a.b.atrium.app", "atrium.app", false)).toEqual({ kind: "custom", hostname: "a.b.atrium.app" });
		expect(parseHost("evilatrium.app", "atrium.app", false)).toEqual({ kind: "custom", hostname: "evilatrium.app" });
		expect(parseHost(".atrium.app", "atrium.app", false)).toEqual({ kind: "custom", hostname: ".atrium.app" });
	});

	it("accepts loopback addresses as the platform only in development", () => {
		expect(parseHost("127.0.0.1", "localhost", true)).toEqual({ kind: "platform" });
		expect(parseHost("127.0.0.1", "localhost", false)).toEqual({ kind: "custom", hostname: "127.0.0.1" });
	});
});

describe("hostnameOf and tenantBaseUrl", () => {
	it("lower-cases, drops the port and a trailing dot", () => {
		expect(hostnameOf(new URL("http://ACME.Localhost:8787/x"))).toBe("acme.localhost");
		expect(hostnameOf(new URL("https://acme.atrium.app./"))).toBe("acme.atrium.app");
	});

	it("keeps the scheme and port of the request", () => {
		expect(tenantBaseUrl(new URL("http://localhost:8787/api"), "acme", "localhost")).toBe("http://acme.localhost:8787");
		expect(tenantBaseUrl(new URL("https://atrium.app/api"), "acme", "atrium.app")).toBe("https://acme.atrium.app");
	});
});
