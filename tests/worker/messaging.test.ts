/** Messaging over REST: threads per client and project, unread counts, idempotent posts, read marks, edits, isolation and bad input. */
import { beforeEach, describe, expect, it } from "vitest";
import { logIn, signUpAgency, uniqueSlug } from "../support/agencies";
import { call, problemOf } from "../support/http";
import { addMember } from "./members";
import { type MessageT, openThread, post, type ThreadT } from "./messaging-fixtures";
import { json, type PortalAgency, portalAgency, projectWith } from "./portal-fixtures";

type ThreadPage = { threads: ThreadT[]; nextCursor: string | null };
type MessagePage = { messages: MessageT[]; nextCursor: string | null; reads: { userId: string; messageId: string }[] };

let acme: PortalAgency;
beforeEach(async () => {
	acme = await portalAgency(uniqueSlug("acme"));
});

describe("threads and messages", () => {
	it("lets staff and the client's person talk, with unread counts for each", async () => {
		const project = await projectWith(acme, acme.clientX.id);
		const thread = await openThread(acme, acme.clientX.id, { projectId: project.project.id, subject: "Homepage copy" });
		expect(thread).toMatchObject({
			clientName: "Xylo Foods",
			projectName: "Website relaunch",
			subject: "Homepage copy",
			unreadCount: 0,
			canPost: true,
		});

		expect(await json(post(acme, thread.id, "Draft is ready for you", acme.staffCookie), 201)).toMatchObject({
			body: "Draft is ready for you",
			authorName: "staff person",
		});
		await json(post(acme, thread.id, "Second note", acme.staffCookie), 201);

		const clientView = await json<ThreadPage>(call(acme.host, "/api/v1/threads", { cookie: acme.xUser.cookie }));
		expect(clientView.threads.map((t) => [t.subject, t.unreadCount])).toEqual([["Homepage copy", 2]]);
		expect(await json(call(acme.host, "/api/v1/messaging/unread", { cookie: acme.xUser.cookie }))).toEqual({
			total: 2,
			threads: [{ threadId: thread.id, unreadCount: 2 }],
		});
		// The author has nothing unread in their own thread.
		expect(await json(call(acme.host, "/api/v1/messaging/unread", { cookie: acme.staffCookie }))).toEqual({ total: 0, threads: [] });

		const page = await json<MessagePage>(call(acme.host, `/api/v1/threads/${thread.id}/messages`, { cookie: acme.xUser.cookie }));
		expect(page.messages.map((m) => m.body)).toEqual(["Second note", "Draft is ready for you"]);
		const newest = page.messages[0]?.id ?? "";
		const mark = await json<{ messageId: string }>(
			call(acme.host, `/api/v1/threads/${thread.id}/read`, { method: "PUT", cookie: acme.xUser.cookie, body: { messageId: newest } }),
		);
		expect(mark.messageId).toBe(newest);
		expect(await json(call(acme.host, "/api/v1/messaging/unread", { cookie: acme.xUser.cookie }))).toEqual({ total: 0, threads: [] });

		// Marking an older message read does not move the mark back.
		const older = page.messages[1]?.id ?? "";
		const kept = await json<{ messageId: string }>(
			call(acme.host, `/api/v1/threads/${thread.id}/read`, { method: "PUT", cookie: acme.xUser.cookie, body: { messageId: older } }),
		);
		expect(kept.messageId).toBe(newest);
		// Staff see where the client has read to ("Seen").
		const staffPage = await json<MessagePage>(call(acme.host, `/api/v1/threads/${thread.id}/messages`, { cookie: acme.staffCookie }));
		expect(staffPage.reads).toEqual([expect.objectContaining({ userId: acme.xUser.id, messageId: newest })]);

		await json(post(acme, thread.id, "Looks good!", acme.xUser.cookie), 201);
		const staffThreads = await json<ThreadPage>(
			call(acme.host, `/api/v1/threads?clientId=${acme.clientX.id}`, { cookie: acme.staffCookie }),
		);
		expect(staffThreads.threads[0]?.unreadCount).toBe(1);
	});

	it("stores a re-sent message once", async () => {
		const thread = await openThread(acme, acme.clientX.id);
		const id = crypto.randomUUID();
		const first = await json<MessageT>(post(acme, thread.id, "Hello", acme.xUser.cookie, id), 201);
		const again = await json<MessageT>(post(acme, thread.id, "Hello", acme.xUser.cookie, id), 200);
		expect(again).toEqual(first);
		const page = await json<MessagePage>(call(acme.host, `/api/v1/threads/${thread.id}/messages`, { cookie: acme.staffCookie }));
		expect(page.messages).toHaveLength(1);
		// Someone else reusing the id is a conflict, not a replay.
		expect((await post(acme, thread.id, "Hello", acme.staffCookie, id)).status).toBe(409);
		// Creating a thread again with its id returns it.
		const threadId = crypto.randomUUID();
		await openThread(acme, acme.clientX.id, { id: threadId });
		const replay = await call(acme.host, "/api/v1/threads", {
			cookie: acme.staffCookie,
			body: { id: threadId, clientId: acme.clientX.id, subject: "Launch plan" },
		});
		expect(replay.status).toBe(200);
	});

	it("pages messages with a cursor", async () => {
		const thread = await openThread(acme, acme.clientX.id);
		for (const body of ["one", "two", "three"]) await json(post(acme, thread.id, body, acme.staffCookie), 201);
		const first = await json<MessagePage>(call(acme.host, `/api/v1/threads/${thread.id}/messages?limit=2`, { cookie: acme.staffCookie }));
		expect(first.messages.map((m) => m.body)).toEqual(["three", "two"]);
		const second = await json<MessagePage>(
			call(acme.host, `/api/v1/threads/${thread.id}/messages?limit=2&cursor=${first.nextCursor}`, { cookie: acme.staffCookie }),
		);
		expect(second.messages.map((m) => m.body)).toEqual(["one"]);
		expect(second.nextCursor).toBeNull();
	});

	it("lets authors edit and delete only their own messages", async () => {
		const thread = await openThread(acme, acme.clientX.id);
		const mine = await json<MessageT>(post(acme, thread.id, "Typo herre", acme.xUser.cookie), 201);
		const path = `/api/v1/threads/${thread.id}/messages/${mine.id}`;
		expect((await call(acme.host, path, { method: "PATCH", cookie: acme.staffCookie, body: { body: "Hijacked" } })).status).toBe(403);
		const edited = await json<MessageT>(call(acme.host, path, { method: "PATCH", cookie: acme.xUser.cookie, body: { body: "Typo here" } }));
		expect(edited).toMatchObject({ body: "Typo here", editedAt: expect.any(Number) });
		const deleted = await json<MessageT>(call(acme.host, path, { method: "DELETE", cookie: acme.xUser.cookie }));
		expect(deleted).toMatchObject({ body: "", deletedAt: expect.any(Number) });
	});
});

describe("who may see and write what", () => {
	it("answers 404 for another client's thread and refuses a thread for another client", async () => {
		const thread = await openThread(acme, acme.clientX.id);
		await json(post(acme, thread.id, "For X only", acme.staffCookie), 201);
		for (const path of [`/api/v1/threads/${thread.id}`, `/api/v1/threads/${thread.id}/messages`]) {
			expect((await call(acme.host, path, { cookie: acme.yUser.cookie })).status).toBe(404);
		}
		expect((await post(acme, thread.id, "Sneaky", acme.yUser.cookie)).status).toBe(404);
		expect(await json(call(acme.host, "/api/v1/threads", { cookie: acme.yUser.cookie }))).toEqual({ threads: [], nextCursor: null });
		const refused = await call(acme.host, "/api/v1/threads", {
			cookie: acme.yUser.cookie,
			body: { clientId: acme.clientX.id, subject: "Hi" },
		});
		expect((await problemOf(refused)).errors).toEqual([{ path: "clientId", message: "must be one of your clients" }]);
		// A client person may open a thread with the agency for their own client.
		expect((await openThread(acme, acme.clientY.id, {}, acme.yUser.cookie)).clientName).toBe("Yarrow Labs");
	});

	it("keeps agencies apart", async () => {
		const thread = await openThread(acme, acme.clientX.id);
		const other = await signUpAgency(uniqueSlug("other"));
		expect((await call(other.host, `/api/v1/threads/${thread.id}`, { cookie: other.ownerCookie })).status).toBe(404);
		expect((await post(acme, thread.id, "x", other.ownerCookie)).status).toBe(401);
		const viaOtherHost = await call(other.host, `/api/v1/threads/${thread.id}/messages`, {
			cookie: other.ownerCookie,
			body: { id: crypto.randomUUID(), body: "x" },
		});
		expect(viaOtherHost.status).toBe(404);
		expect(await json(call(other.host, "/api/v1/threads", { cookie: other.ownerCookie }))).toEqual({ threads: [], nextCursor: null });
	});

	it("refuses people without messaging permissions", async () => {
		expect((await call(acme.host, "/api/v1/threads")).status).toBe(401);
		const roleId = await json<{ id: string }>(
			call(acme.host, "/api/v1/roles", {
				cookie: acme.ownerCookie,
				body: { name: "Readers", permissions: ["messages:read", "clients:read"] },
			}),
			201,
		);
		const readerId = await addMember(acme.tenantId, "staff", `reader@${acme.slug}.test`);
		await json(
			call(acme.host, `/api/v1/members/${readerId}`, { method: "PATCH", cookie: acme.ownerCookie, body: { customRoleId: roleId.id } }),
		);
		const reader = await logIn(acme.host, `reader@${acme.slug}.test`);
		const thread = await openThread(acme, acme.clientX.id);
		expect((await call(acme.host, `/api/v1/threads/${thread.id}`, { cookie: reader })).status).toBe(200);
		const refused = await post(acme, thread.id, "hi", reader);
		expect(refused.status).toBe(403);
		expect((await problemOf(refused)).detail).toContain("messages:write");
	});

	it("gates messaging by the client's service tier with a clear problem", async () => {
		const thread = await openThread(acme, acme.clientY.id);
		const saved = await json(
			call(acme.host, "/api/v1/messaging/settings", { method: "PATCH", cookie: acme.ownerCookie, body: { minimumTier: "standard" } }),
		);
		expect(saved).toEqual({ minimumTier: "standard", unreadEmailMinutes: 15 });
		expect(
			(await call(acme.host, "/api/v1/messaging/settings", { method: "PATCH", cookie: acme.staffCookie, body: { minimumTier: null } }))
				.status,
		).toBe(403);

		const refused = await post(acme, thread.id, "Hello", acme.yUser.cookie);
		expect(refused.status).toBe(403);
		const problem = await problemOf(refused);
		expect(problem.type).toBe("https://atrium.dev/problems/messaging-not-included");
		expect(problem.detail).toBe("Messaging is included from the standard service tier; this client is on basic.");
		const view = await json<ThreadT>(call(acme.host, `/api/v1/threads/${thread.id}`, { cookie: acme.yUser.cookie }));
		expect(view).toMatchObject({ canPost: false, blockedReason: problem.detail });
		// Premium client X is above the bar.
		const open = await openThread(acme, acme.clientX.id);
		expect((await post(acme, open.id, "Fine", acme.xUser.cookie)).status).toBe(201);
	});
});

describe("bad input", () => {
	it("names the field and changes nothing", async () => {
		const thread = await openThread(acme, acme.clientX.id);
		const cases: [string, Record<string, unknown>, string][] = [
			["/api/v1/threads", { clientId: acme.clientX.id, subject: "  " }, "subject"],
			["/api/v1/threads", { clientId: "nope", subject: "Hi" }, "clientId"],
			[`/api/v1/threads/${thread.id}/messages`, { id: "not-an-id", body: "Hi" }, "id"],
			[`/api/v1/threads/${thread.id}/messages`, { id: crypto.randomUUID(), body: "   " }, "body"],
			[`/api/v1/threads/${thread.id}/messages`, { id: crypto.randomUUID(), body: "x".repeat(5001) }, "body"],
			[`/api/v1/threads/${thread.id}/messages`, { id: crypto.randomUUID(), body: "Hi", attachmentId: crypto.randomUUID() }, "attachmentId"],
		];
		for (const [path, body, field] of cases) {
			const res = await call(acme.host, path, { cookie: acme.staffCookie, body });
			expect(res.status, `${path} ${JSON.stringify(body)}`).toBe(422);
			expect((await problemOf(res)).errors?.map((e) => e.path)).toContain(field);
		}
		const read = await call(acme.host, `/api/v1/threads/${thread.id}/read`, {
			method: "PUT",
			cookie: acme.staffCookie,
			body: { messageId: crypto.randomUUID() },
		});
		expect((await problemOf(read)).errors?.[0]?.path).toBe("messageId");
		const settings = await call(acme.host, "/api/v1/messaging/settings", {
			method: "PATCH",
			cookie: acme.ownerCookie,
			body: { minimumTier: "gold" },
		});
		expect((await problemOf(settings)).errors?.[0]?.path).toBe("minimumTier");
		const page = await json<MessagePage>(call(acme.host, `/api/v1/threads/${thread.id}/messages`, { cookie: acme.staffCookie }));
		expect(page.messages).toEqual([]);
		const threads = await json<ThreadPage>(call(acme.host, "/api/v1/threads", { cookie: acme.staffCookie }));
		expect(threads.threads).toHaveLength(1);
	});
});
