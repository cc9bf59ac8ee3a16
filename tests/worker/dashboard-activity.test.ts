/** Dashboard activity: the agency's threads with unread messages, and a client's recent documents and messages — never another client's or agency's. */
import { beforeEach, describe, expect, it } from "vitest";
import { uniqueSlug } from "../support/agencies";
import { call } from "../support/http";
import { text, uploaded, uploadSmall } from "./document-fixtures";
import { openThread, post } from "./messaging-fixtures";
import { json, type PortalAgency, portalAgency } from "./portal-fixtures";

type StaffDash = {
	unreadMessages: { total: number; threads: { subject: string; clientName: string; unreadCount: number }[] } | null;
};
type ClientDash = {
	recentDocuments: { name: string }[] | null;
	recentMessages: { threadSubject: string; authorName: string | null; excerpt: string }[] | null;
};

let acme: PortalAgency;
beforeEach(async () => {
	acme = await portalAgency(uniqueSlug("acme"));
	const x = await openThread(acme, acme.clientX.id, { subject: "Launch plan" });
	const y = await openThread(acme, acme.clientY.id, { subject: "Yarrow invoice" });
	await json(post(acme, x.id, "Welcome aboard.", acme.staffCookie), 201);
	await json(post(acme, x.id, "Can we move the launch to Friday?", acme.xUser.cookie), 201);
	await json(post(acme, x.id, "And the banner colour too.", acme.xUser.cookie), 201);
	await json(post(acme, y.id, "Invoice question", acme.yUser.cookie), 201);
	await uploaded(uploadSmall(acme, "x-brief.txt", text("x")));
	await uploaded(uploadSmall(acme, "y-contract.txt", text("y"), { clientId: acme.clientY.id }));
});

describe("staff dashboard: unread messages", () => {
	it("lists each thread with messages the reader has not read, with the count", async () => {
		const dash = await json<StaffDash>(call(acme.host, "/api/v1/dashboard/staff", { cookie: acme.staffCookie }));
		// Staff's own message is not unread for them; the client messages after it are.
		expect(dash.unreadMessages?.total).toBe(3);
		expect(dash.unreadMessages?.threads.map((t) => [t.subject, t.clientName, t.unreadCount]).sort()).toEqual([
			["Launch plan", "Xylo Foods", 2],
			["Yarrow invoice", "Yarrow Labs", 1],
		]);
	});

	it("never shows another agency's threads", async () => {
		const beta = await portalAgency(uniqueSlug("beta"));
		const dash = await json<StaffDash>(call(beta.host, "/api/v1/dashboard/staff", { cookie: beta.staffCookie }));
		expect(dash.unreadMessages).toEqual({ total: 0, threads: [] });
	});
});

describe("client dashboard: recent documents and messages", () => {
	it("shows a client only their own documents and messages", async () => {
		const x = await json<ClientDash>(call(acme.host, "/api/v1/dashboard/client", { cookie: acme.xUser.cookie }));
		expect(x.recentDocuments?.map((d) => d.name)).toEqual(["x-brief.txt"]);
		expect(x.recentMessages?.map((m) => [m.threadSubject, m.excerpt])).toEqual([
			["Launch plan", "And the banner colour too."],
			["Launch plan", "Can we move the launch to Friday?"],
			["Launch plan", "Welcome aboard."],
		]);
		const y = await json<ClientDash>(call(acme.host, "/api/v1/dashboard/client", { cookie: acme.yUser.cookie }));
		expect(y.recentDocuments?.map((d) => d.name)).toEqual(["y-contract.txt"]);
		expect(y.recentMessages?.map((m) => m.excerpt)).toEqual(["Invoice question"]);
	});
});
