/** What the service worker makes of a push message: the agency's name first, only same-origin pages to open. */
import { describe, expect, it } from "vitest";
import { notificationFor, readPushPayload } from "../../pwa/src/push-handlers";

describe("push payloads", () => {
	it("shows the agency's name before the title and keeps the page to open", () => {
		const payload = readPushPayload(
			JSON.stringify({ title: "Invoice paid", body: "Thanks!", url: "/invoices", tag: "inv-1", tenantName: "Acme", icon: "/icons/a.png" }),
		);
		expect(notificationFor(payload)).toEqual({
			title: "Acme · Invoice paid",
			options: { body: "Thanks!", icon: "/icons/a.png", badge: "/icons/a.png", tag: "inv-1", data: { url: "/invoices" } },
		});
	});

	it("never opens another origin, whatever the payload says", () => {
		expect(readPushPayload(JSON.stringify({ title: "x", url: "https://evil.example/" })).url).toBe("/");
		expect(readPushPayload(JSON.stringify({ title: "x", url: "//evil.example/" })).url).toBe("/");
	});

	it("falls back to a plain notification for an empty or foreign payload", () => {
		expect(readPushPayload(null).title).toBe("New activity");
		expect(readPushPayload("not json").body).toBe("Open the app to see what changed.");
	});
});
