/**
 * Offline sync of messaging: threads and messages in the change feed (pages, cursor, tombstones, only
 * the user's own client, never another agency's) and `message.send` from a device's outbox — stored
 * once by its client-generated id, live to a thread's open sockets once, a replayed batch answering
 * the same, refused as the REST route would refuse it.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { uniqueSlug } from "../support/agencies";
import { call, problemOf } from "../support/http";
import { type LiveSocket, type MessageT, mustConnect, openThread, post, type ThreadT } from "./messaging-fixtures";
import { json, type PortalAgency, portalAgency } from "./portal-fixtures";
import { mutation, pullAll, push, pushOk, recordsOf } from "./sync-fixtures";

let acme: PortalAgency;
let xThread: ThreadT;
let yThread: ThreadT;
const sockets: LiveSocket[] = [];

beforeEach(async () => {
	acme = await portalAgency(uniqueSlug("acme"));
	xThread = await openThread(acme, acme.clientX.id);
	yThread = await openThread(acme, acme.clientY.id, { subject: "Yarrow budget" });
	await json(post(acme, xThread.id, "Welcome, Xylo", acme.staffCookie), 201);
	await json(post(acme, yThread.id, "Welcome, Yarrow", acme.staffCookie), 201);
});
afterEach(async () => {
	await Promise.all(sockets.splice(0).map((s) => s.close()));
});

const messagesOf = async (threadId: string) =>
	(await json<{ messages: MessageT[] }>(call(acme.host, `/api/v1/threads/${threadId}/messages`, { cookie: acme.staffCookie }))).messages;

describe("threads and messages in the change feed", () => {
	it("gives a client's person their own client's threads and messages in pages, then only what changed, with tombstones", async () => {
		const paged = await pullAll(acme.host, acme.xUser.cookie, undefined, 1);
		expect(paged.pages).toBeGreaterThan(2);
		expect([...recordsOf(paged, "message_threads").keys()]).toEqual([xThread.id]);
		expect(recordsOf(paged, "message_threads").get(xThread.id)).toMatchObject({ subject: "Launch plan", clientName: "Xylo Foods" });
		expect([...recordsOf(paged, "thread_messages").values()].map((m) => [m?.body, m?.authorName])).toEqual([
			["Welcome, Xylo", "staff person"],
		]);
		const seenByX = JSON.stringify(paged.changes);
		for (const secret of [yThread.id, "Yarrow budget", "Welcome, Yarrow", acme.clientY.id]) expect(seenByX).not.toContain(secret);

		const reply = await json<MessageT>(post(acme, xThread.id, "Thanks!", acme.xUser.cookie), 201);
		const later = await pullAll(acme.host, acme.xUser.cookie, paged.cursor);
		expect(later.changes.map((c) => [c.entity, c.id, c.deleted])).toEqual([
			["thread_messages", reply.id, false],
			["message_threads", xThread.id, false],
		]);

		await json(call(acme.host, `/api/v1/threads/${xThread.id}/messages/${reply.id}`, { method: "DELETE", cookie: acme.xUser.cookie }));
		const gone = await pullAll(acme.host, acme.xUser.cookie, later.cursor);
		expect(gone.changes).toEqual([expect.objectContaining({ entity: "thread_messages", id: reply.id, deleted: true, record: null })]);
		// Y's person hears nothing of X's thread, not even its tombstones.
		const y = await pullAll(acme.host, acme.yUser.cookie);
		expect(JSON.stringify(y.changes)).not.toContain(reply.id);
		expect([...recordsOf(y, "message_threads").keys()]).toEqual([yThread.id]);
	});

	it("never shows another agency's threads or messages", async () => {
		const beta = await portalAgency(uniqueSlug("beta"));
		const feed = await pullAll(beta.host, beta.staffCookie);
		expect(recordsOf(feed, "message_threads").size).toBe(0);
		expect(recordsOf(feed, "thread_messages").size).toBe(0);
		// Acme's session does not work on beta's address.
		expect((await call(beta.host, "/api/v1/sync", { cookie: acme.staffCookie })).status).toBe(401);
	});
});

describe("message.send from the outbox", () => {
	it("stores a message written offline once, shows it live to the thread's viewers once, and answers a replay the same", async () => {
		const viewer = await mustConnect(acme.host, `/api/v1/threads/${xThread.id}/socket`, acme.staffCookie);
		sockets.push(viewer);
		await viewer.next("hello");
		const id = crypto.randomUUID();
		const batch = [mutation(1, "message.send", id, { changes: { threadId: xThread.id, body: "Written on the train" } })];
		const [first] = await pushOk(acme.host, acme.xUser.cookie, "device-x-1", batch);
		expect(first).toMatchObject({ outcome: "applied", entity: "thread_messages", record: { id, body: "Written on the train" } });
		expect((await viewer.next("message")).message).toMatchObject({ id, authorUserId: acme.xUser.id });

		// The batch again (the answer was lost), and the same message from another device: nothing new.
		expect(await pushOk(acme.host, acme.xUser.cookie, "device-x-1", batch)).toEqual([first]);
		const [again] = await pushOk(acme.host, acme.xUser.cookie, "device-x-2", [
			mutation(1, "message.send", id, { changes: { threadId: xThread.id, body: "Written on the train" } }),
		]);
		expect(again).toMatchObject({ outcome: "applied", record: { id } });
		const marker = await json<MessageT>(post(acme, xThread.id, "marker", acme.staffCookie), 201);
		await viewer.next("message", (e) => e.message.id === marker.id);
		expect(viewer.events.filter((e) => e.type === "message" && e.message.id === id)).toHaveLength(1);
		expect((await messagesOf(xThread.id)).filter((m) => m.id === id)).toHaveLength(1);
	});

	it("refuses what the REST route refuses: another client's thread, another agency's, and bad input naming the field", async () => {
		const beta = await portalAgency(uniqueSlug("beta"));
		const betaThread = await openThread(beta, beta.clientX.id);
		const results = await pushOk(acme.host, acme.xUser.cookie, "device-x-3", [
			mutation(1, "message.send", crypto.randomUUID(), { changes: { threadId: yThread.id, body: "Peek" } }),
			mutation(2, "message.send", crypto.randomUUID(), { changes: { threadId: betaThread.id, body: "Peek" } }),
		]);
		expect(results.map((r) => [r.outcome, r.problem?.status])).toEqual([
			["rejected", 404],
			["rejected", 404],
		]);
		expect((await messagesOf(yThread.id)).map((m) => m.body)).toEqual(["Welcome, Yarrow"]);

		const bad = await push(acme.host, acme.xUser.cookie, "device-x-3", [
			mutation(3, "message.send", crypto.randomUUID(), { changes: { threadId: xThread.id, body: "   " } }),
		]);
		expect(bad.status).toBe(422);
		expect((await problemOf(bad)).errors?.map((e) => e.path)).toEqual(["mutations.0.changes.body"]);
	});
});
