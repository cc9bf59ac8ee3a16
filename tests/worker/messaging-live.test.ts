/** Live messaging over real WebSockets through the Worker and the tenant's MessagingHub: posts, typing, presence, read receipts, badges and refusals. */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SOCKET_CLOSE } from "../../schema/messaging";
import { signUpAgency, uniqueSlug } from "../support/agencies";
import { call } from "../support/http";
import { connect, type LiveSocket, type MessageT, mustConnect, openThread, post } from "./messaging-fixtures";
import { json, type PortalAgency, portalAgency } from "./portal-fixtures";

let acme: PortalAgency;
const open: LiveSocket[] = [];
beforeEach(async () => {
	acme = await portalAgency(uniqueSlug("acme"));
});
afterEach(async () => {
	await Promise.all(open.splice(0).map((s) => s.close()));
});

async function socket(path: string, cookie: string): Promise<LiveSocket> {
	const s = await mustConnect(acme.host, path, cookie);
	open.push(s);
	return s;
}

describe("a thread's socket", () => {
	it("delivers a message posted by one socket to the other, with typing, presence and read receipts", async () => {
		const thread = await openThread(acme, acme.clientX.id);
		const path = `/api/v1/threads/${thread.id}/socket`;
		const staff = await socket(path, acme.staffCookie);
		expect((await staff.next("hello")).online.map((u) => u.userId)).toEqual([acme.staffId]);
		const client = await socket(path, acme.xUser.cookie);
		expect((await client.next("hello")).online.map((u) => u.userId).sort()).toEqual([acme.staffId, acme.xUser.id].sort());
		expect(await staff.next("presence")).toMatchObject({ user: { userId: acme.xUser.id }, online: true });

		client.send({ type: "typing" });
		expect(await staff.next("typing")).toMatchObject({ threadId: thread.id, user: { userId: acme.xUser.id, name: "client person" } });

		const id = crypto.randomUUID();
		client.send({ type: "post", id, body: "Can we move the launch?" });
		const received = await staff.next("message");
		expect(received.message).toMatchObject({ id, body: "Can we move the launch?", authorUserId: acme.xUser.id });
		expect((await client.next("message")).message.id).toBe(id);

		staff.send({ type: "read", messageId: id });
		expect(await client.next("read")).toMatchObject({ userId: acme.staffId, messageId: id });

		// The socket path stored it durably, once, even when the frame is sent again.
		client.send({ type: "post", id, body: "Can we move the launch?" });
		expect((await client.next("message", (e) => e.message.id === id)).message.id).toBe(id);
		const page = await json<{ messages: MessageT[] }>(
			call(acme.host, `/api/v1/threads/${thread.id}/messages`, { cookie: acme.staffCookie }),
		);
		expect(page.messages.map((m) => m.id)).toEqual([id]);

		await client.close();
		open.splice(open.indexOf(client), 1);
		expect(await staff.next("presence", (e) => !e.online)).toMatchObject({ user: { userId: acme.xUser.id }, online: false });
	});

	it("a read from REST announces what a read over a socket does: Seen to the thread, and the reader's own badges", async () => {
		const thread = await openThread(acme, acme.clientX.id);
		const viewer = await socket(`/api/v1/threads/${thread.id}/socket`, acme.xUser.cookie);
		await viewer.next("hello");
		const first = await json<MessageT>(post(acme, thread.id, "Draft is ready", acme.xUser.cookie), 201);
		const second = await json<MessageT>(post(acme, thread.id, "And the invoice", acme.xUser.cookie), 201);
		const staffNav = await socket("/api/v1/messaging/socket", acme.staffCookie);

		const rest = await json<{ messageId: string }>(
			call(acme.host, `/api/v1/threads/${thread.id}/read`, { method: "PUT", cookie: acme.staffCookie, body: { messageId: first.id } }),
			200,
		);
		expect(rest.messageId).toBe(first.id);
		expect(await viewer.next("read", (e) => e.messageId === first.id)).toMatchObject({ userId: acme.staffId, threadId: thread.id });
		expect(await staffNav.next("unread")).toEqual({ type: "unread", threadId: thread.id });

		const staff = await socket(`/api/v1/threads/${thread.id}/socket`, acme.staffCookie);
		await staff.next("hello");
		staff.send({ type: "read", messageId: second.id });
		expect(await viewer.next("read", (e) => e.messageId === second.id)).toMatchObject({ userId: acme.staffId, threadId: thread.id });
		expect(await staffNav.next("unread")).toEqual({ type: "unread", threadId: thread.id });
	});

	it("fans a REST post out to open sockets and nudges the navigation badge of the thread's audience only", async () => {
		const thread = await openThread(acme, acme.clientX.id);
		const viewer = await socket(`/api/v1/threads/${thread.id}/socket`, acme.xUser.cookie);
		const xNav = await socket("/api/v1/messaging/socket", acme.xUser.cookie);
		const yNav = await socket("/api/v1/messaging/socket", acme.yUser.cookie);
		await viewer.next("hello");
		const message = await json<MessageT>(post(acme, thread.id, "Invoice attached", acme.staffCookie), 201);
		expect((await viewer.next("message")).message).toMatchObject({ id: message.id, authorName: "staff person" });
		expect(await xNav.next("unread")).toEqual({ type: "unread", threadId: thread.id });
		// A client of another client hears nothing of it.
		const ownThread = await openThread(acme, acme.clientY.id);
		await json(post(acme, ownThread.id, "For Y", acme.staffCookie), 201);
		expect(await yNav.next("unread")).toEqual({ type: "unread", threadId: ownThread.id });
		expect(yNav.events.filter((e) => e.type === "unread" && e.threadId === thread.id)).toEqual([]);
	});

	it("answers a post the plan does not include, and a bad frame, with an error event and stores nothing", async () => {
		const thread = await openThread(acme, acme.clientY.id);
		await json(
			call(acme.host, "/api/v1/messaging/settings", { method: "PATCH", cookie: acme.ownerCookie, body: { minimumTier: "premium" } }),
		);
		const client = await socket(`/api/v1/threads/${thread.id}/socket`, acme.yUser.cookie);
		const id = crypto.randomUUID();
		client.send({ type: "post", id, body: "Hello?" });
		expect(await client.next("error")).toMatchObject({ status: 403, id, detail: expect.stringContaining("premium") });
		client.send({ type: "nonsense" });
		expect(await client.next("error")).toMatchObject({ status: 422 });
		const page = await json<{ messages: MessageT[] }>(
			call(acme.host, `/api/v1/threads/${thread.id}/messages`, { cookie: acme.staffCookie }),
		);
		expect(page.messages).toEqual([]);
	});
});

describe("what a socket may still do", () => {
	it("closes the socket of a person unlinked from the client, and stops an unconfirmed account under a read-only policy from posting", async () => {
		const thread = await openThread(acme, acme.clientX.id);
		const path = `/api/v1/threads/${thread.id}/socket`;
		const client = await socket(path, acme.xUser.cookie);
		await client.next("hello");
		expect(
			(await call(acme.host, `/api/v1/clients/${acme.clientX.id}/people/${acme.xUser.id}`, { method: "DELETE", cookie: acme.staffCookie }))
				.status,
		).toBe(204);
		// Access removed: the hub closes the socket rather than answering its next frame (tests/worker/live-access.test.ts).
		expect(await client.closed).toEqual(SOCKET_CLOSE.accessRemoved);

		const yThread = await openThread(acme, acme.clientY.id);
		await json(
			call(acme.host, "/api/v1/tenant/security-policy", {
				method: "PATCH",
				cookie: acme.ownerCookie,
				body: { unverifiedAccess: "read_only" },
			}),
		);
		const unconfirmed = await socket(`/api/v1/threads/${yThread.id}/socket`, acme.yUser.cookie);
		unconfirmed.send({ type: "post", id: crypto.randomUUID(), body: "Hello" });
		expect(await unconfirmed.next("error")).toMatchObject({ status: 403 });
	});
});

describe("who may open a socket", () => {
	it("refuses a client user of client B on client A's thread, another agency, no session and other sites", async () => {
		const thread = await openThread(acme, acme.clientX.id);
		const path = `/api/v1/threads/${thread.id}/socket`;
		const asB = await connect(acme.host, path, acme.yUser.cookie);
		expect(asB).toBeInstanceOf(Response);
		expect((asB as Response).status).toBe(404);

		const other = await signUpAgency(uniqueSlug("other"));
		const crossTenant = await connect(other.host, path, other.ownerCookie);
		expect((crossTenant as Response).status).toBe(404);
		const foreignCookie = await connect(acme.host, path, other.ownerCookie);
		expect((foreignCookie as Response).status).toBe(401);

		expect(((await connect(acme.host, path, "")) as Response).status).toBe(401);
		const crossSite = await connect(acme.host, path, acme.xUser.cookie, "https://evil.example");
		expect((crossSite as Response).status).toBe(403);
		// Not an upgrade at all.
		expect((await call(acme.host, path, { cookie: acme.xUser.cookie })).status).toBe(426);
	});
});
