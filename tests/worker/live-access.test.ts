/**
 * Live channels follow access, not the moment of connection: real WebSockets and SSE streams through
 * the Worker close within 2 s when their session is signed out or revoked, their person is removed
 * or unlinked, or their role loses access; every socket frame re-checks the session and access, so
 * a frame after a revocation the hub was not told of is refused and stores nothing.
 */
import { runDurableObjectAlarm } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SOCKET_CLOSE } from "../../schema/messaging";
import { SESSION_ABSOLUTE_TTL_MS } from "../../worker/services/sessions/sessions";
import { logIn, uniqueSlug } from "../support/agencies";
import { call } from "../support/http";
import { newConversation, openStream } from "./assistant-helpers";
import { connect, type LiveSocket, type MessageT, mustConnect, openThread } from "./messaging-fixtures";
import { json, type PortalAgency, portalAgency } from "./portal-fixtures";

/** How long a revocation may take to reach an open channel. */
const REVOCATION_BOUND_MS = 2000;

let acme: PortalAgency;
const open: LiveSocket[] = [];
beforeEach(async () => {
	acme = await portalAgency(uniqueSlug("live"));
});
afterEach(async () => {
	await Promise.all(open.splice(0).map((s) => s.close()));
});

async function socket(path: string, cookie: string): Promise<LiveSocket> {
	const s = await mustConnect(acme.host, path, cookie);
	open.push(s);
	return s;
}

/** `promise`, or a failure naming `what` once `ms` have passed. */
function within<T>(promise: Promise<T>, what: string, ms = REVOCATION_BOUND_MS): Promise<T> {
	let timer: ReturnType<typeof setTimeout> | undefined;
	const late = new Promise<never>((_, reject) => {
		timer = setTimeout(() => reject(new Error(`${what}: nothing within ${ms} ms`)), ms);
	});
	return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/** Sends a post as a client would after a revocation: a socket already closed refuses to send at all. */
function tryPost(s: LiveSocket): string {
	const id = crypto.randomUUID();
	try {
		s.send({ type: "post", id, body: "Am I still here?" });
	} catch {
		// Closed already: the post never left.
	}
	return id;
}

async function storedMessage(id: string): Promise<unknown> {
	return env.DB.prepare("SELECT id FROM thread_messages WHERE id = ?").bind(id).first();
}

async function threadSocket(cookie: string, clientId = acme.clientX.id): Promise<{ s: LiveSocket; threadId: string }> {
	const thread = await openThread(acme, clientId);
	const s = await socket(`/api/v1/threads/${thread.id}/socket`, cookie);
	await s.next("hello");
	return { s, threadId: thread.id };
}

describe("revoking a session closes its sockets", () => {
	it("signing out closes that session's thread and navigation sockets (4401) and stores no later post; the person's other session stays", async () => {
		const phone = await logIn(acme.host, `x@${acme.slug}.test`);
		const { s, threadId } = await threadSocket(phone);
		const nav = await socket("/api/v1/messaging/socket", phone);
		const other = await socket(`/api/v1/threads/${threadId}/socket`, acme.xUser.cookie);
		await other.next("hello");

		expect((await call(acme.host, "/api/v1/auth/logout", { method: "POST", cookie: phone })).status).toBe(204);
		const id = tryPost(s);
		expect(await within(s.closed, "thread socket close")).toEqual(SOCKET_CLOSE.sessionEnded);
		expect(await within(nav.closed, "navigation socket close")).toEqual(SOCKET_CLOSE.sessionEnded);
		expect(await storedMessage(id)).toBeNull();
		// The same person's other sign-in keeps its socket and may still post.
		const kept = crypto.randomUUID();
		other.send({ type: "post", id: kept, body: "Still here from my laptop" });
		expect((await other.next("message")).message.id).toBe(kept);
	});

	it("revoking a session from another device closes its socket (4401) and stores no later post", async () => {
		const laptop = await logIn(acme.host, `x@${acme.slug}.test`);
		const { s } = await threadSocket(laptop);
		const sessions = await json<{ sessions: { id: string; current: boolean }[] }>(
			call(acme.host, "/api/v1/me/sessions", { cookie: acme.xUser.cookie }),
		);
		// Two sessions of this person: the one making the request (current) and the laptop's.
		const target = sessions.sessions.find((x) => !x.current);
		expect(sessions.sessions).toHaveLength(2);
		const res = await call(acme.host, `/api/v1/me/sessions/${target?.id}`, { method: "DELETE", cookie: acme.xUser.cookie });
		expect(res.status).toBe(204);
		const id = tryPost(s);
		expect(await within(s.closed, "revoked session's socket close")).toEqual(SOCKET_CLOSE.sessionEnded);
		expect(await storedMessage(id)).toBeNull();
	});

	it("revoking every other session, and changing the password, close the other sessions' sockets and keep this one's", async () => {
		const tablet = await logIn(acme.host, `staff@${acme.slug}.test`);
		const { s: onTablet, threadId } = await threadSocket(tablet);
		const here = await socket(`/api/v1/threads/${threadId}/socket`, acme.staffCookie);
		await here.next("hello");
		const res = await call(acme.host, "/api/v1/me/sessions/revoke-others", { method: "POST", cookie: acme.staffCookie });
		expect(await res.json()).toEqual({ revoked: 1 });
		expect(await within(onTablet.closed, "other session's socket close")).toEqual(SOCKET_CLOSE.sessionEnded);

		const desk = await logIn(acme.host, `staff@${acme.slug}.test`);
		const onDesk = await socket(`/api/v1/threads/${threadId}/socket`, desk);
		await onDesk.next("hello");
		const changed = await call(acme.host, "/api/v1/me/password", {
			method: "POST",
			cookie: acme.staffCookie,
			body: { currentPassword: "correct horse battery", newPassword: "another horse battery staple" },
		});
		expect(changed.status).toBe(200);
		expect(await within(onDesk.closed, "socket of a session ended by a password change")).toEqual(SOCKET_CLOSE.sessionEnded);
		const id = crypto.randomUUID();
		here.send({ type: "post", id, body: "This session stays" });
		expect((await here.next("message")).message.id).toBe(id);
	});
});

describe("losing access closes the person's sockets", () => {
	it("removing a member closes their sockets (4403), removes their client links, and stores no later post", async () => {
		const { s, threadId } = await threadSocket(acme.xUser.cookie);
		const nav = await socket("/api/v1/messaging/socket", acme.xUser.cookie);
		const staff = await socket(`/api/v1/threads/${threadId}/socket`, acme.staffCookie);
		await staff.next("hello");

		const res = await call(acme.host, `/api/v1/members/${acme.xUser.id}`, { method: "DELETE", cookie: acme.ownerCookie });
		expect(res.status).toBe(204);
		const id = tryPost(s);
		expect(await within(s.closed, "removed member's thread socket close")).toEqual(SOCKET_CLOSE.accessRemoved);
		expect(await within(nav.closed, "removed member's navigation socket close")).toEqual(SOCKET_CLOSE.accessRemoved);
		expect(await storedMessage(id)).toBeNull();
		// The staff watching the thread see them leave.
		expect(await staff.next("presence", (e) => !e.online)).toMatchObject({ user: { userId: acme.xUser.id }, online: false });

		// Their link to the client is gone: not listed, and no live link row is left.
		const people = await json<{ people: { userId: string }[] }>(
			call(acme.host, `/api/v1/clients/${acme.clientX.id}/people`, { cookie: acme.staffCookie }),
		);
		expect(people.people.map((p) => p.userId)).not.toContain(acme.xUser.id);
		const live = await env.DB.prepare("SELECT COUNT(*) AS n FROM client_members WHERE user_id = ? AND deleted_at IS NULL")
			.bind(acme.xUser.id)
			.first<{ n: number }>();
		expect(live?.n).toBe(0);
		// Let back in as a client-role member later, they see no client of before: its pages are 404.
		await env.DB.prepare("INSERT INTO memberships (tenant_id, user_id, role, created_at) VALUES (?, ?, 'client', ?)")
			.bind(acme.tenantId, acme.xUser.id, Date.now())
			.run();
		const again = await logIn(acme.host, `x@${acme.slug}.test`);
		expect((await call(acme.host, `/api/v1/clients/${acme.clientX.id}`, { cookie: again })).status).toBe(404);
		expect((await call(acme.host, `/api/v1/threads/${threadId}`, { cookie: again })).status).toBe(404);
	});

	it("unlinking a client person closes their thread and navigation sockets (4403) and stores no later post; staff keep theirs", async () => {
		const { s, threadId } = await threadSocket(acme.xUser.cookie);
		const nav = await socket("/api/v1/messaging/socket", acme.xUser.cookie);
		const staff = await socket(`/api/v1/threads/${threadId}/socket`, acme.staffCookie);
		await staff.next("hello");

		const res = await call(acme.host, `/api/v1/clients/${acme.clientX.id}/people/${acme.xUser.id}`, {
			method: "DELETE",
			cookie: acme.staffCookie,
		});
		expect(res.status).toBe(204);
		const id = tryPost(s);
		expect(await within(s.closed, "unlinked person's thread socket close")).toEqual(SOCKET_CLOSE.accessRemoved);
		expect(await within(nav.closed, "unlinked person's navigation socket close")).toEqual(SOCKET_CLOSE.accessRemoved);
		expect(await storedMessage(id)).toBeNull();
		const kept = crypto.randomUUID();
		staff.send({ type: "post", id: kept, body: "Staff carry on" });
		expect((await staff.next("message")).message.id).toBe(kept);
	});

	it("a role without access closes the person's sockets (4403) and stores no later post; a role that keeps it closes nothing", async () => {
		const { s, threadId } = await threadSocket(acme.staffCookie);
		const promote = await call(acme.host, `/api/v1/members/${acme.staffId}`, {
			method: "PATCH",
			cookie: acme.ownerCookie,
			body: { role: "admin" },
		});
		expect(promote.status).toBe(200);
		// Still allowed: the socket keeps working.
		const allowed = crypto.randomUUID();
		s.send({ type: "post", id: allowed, body: "Promoted, still here" });
		expect((await s.next("message")).message.id).toBe(allowed);

		const demote = await call(acme.host, `/api/v1/members/${acme.staffId}`, {
			method: "PATCH",
			cookie: acme.ownerCookie,
			body: { role: "client" },
		});
		expect(demote.status).toBe(200);
		const id = tryPost(s);
		expect(await within(s.closed, "demoted member's socket close")).toEqual(SOCKET_CLOSE.accessRemoved);
		expect(await storedMessage(id)).toBeNull();
		const page = await json<{ messages: MessageT[] }>(
			call(acme.host, `/api/v1/threads/${threadId}/messages`, { cookie: acme.ownerCookie }),
		);
		expect(page.messages.map((m) => m.id)).toEqual([allowed]);
	});
});

describe("every frame re-checks the session and access", () => {
	it("a post over a socket whose session was revoked elsewhere (only its row deleted) closes it (4401) and stores nothing", async () => {
		const { s } = await threadSocket(acme.xUser.cookie);
		// Another isolate or a housekeeping job ended the session: only D1 changed, the hub was not told.
		await env.DB.prepare("DELETE FROM sessions WHERE user_id = ?").bind(acme.xUser.id).run();
		const id = crypto.randomUUID();
		s.send({ type: "post", id, body: "Posted after my session ended" });
		expect(await within(s.closed, "close on the refused post")).toEqual(SOCKET_CLOSE.sessionEnded);
		expect(await storedMessage(id)).toBeNull();
		expect(s.events.filter((e) => e.type === "message")).toEqual([]);
	});

	it("a frame over a socket whose session passed its absolute lifetime (90 days from sign-in) closes it (4401) and stores nothing", async () => {
		const { s } = await threadSocket(acme.xUser.cookie);
		await env.DB.prepare("UPDATE sessions SET created_at = ? WHERE user_id = ?")
			.bind(Date.now() - SESSION_ABSOLUTE_TTL_MS - 1000, acme.xUser.id)
			.run();
		const id = crypto.randomUUID();
		s.send({ type: "post", id, body: "Posted on a session past its bound" });
		expect(await within(s.closed, "close on the refused post")).toEqual(SOCKET_CLOSE.sessionEnded);
		expect(await storedMessage(id)).toBeNull();
	});

	it("a read or typing frame after the client link went (hub not told) closes the socket (4403) and changes nothing", async () => {
		const { s, threadId } = await threadSocket(acme.xUser.cookie);
		const staff = await socket(`/api/v1/threads/${threadId}/socket`, acme.staffCookie);
		await staff.next("hello");
		await env.DB.prepare("UPDATE client_members SET deleted_at = ? WHERE user_id = ?").bind(Date.now(), acme.xUser.id).run();
		s.send({ type: "typing" });
		expect(await within(s.closed, "close on the refused typing frame")).toEqual(SOCKET_CLOSE.accessRemoved);
		expect(staff.events.filter((e) => e.type === "typing")).toEqual([]);
		const reads = await env.DB.prepare("SELECT COUNT(*) AS n FROM thread_reads WHERE user_id = ?")
			.bind(acme.xUser.id)
			.first<{ n: number }>();
		expect(reads?.n).toBe(0);
	});

	it("a socket that sends nothing is still closed (4401) by the hub's sweep once its session ended without telling the hub", async () => {
		const { s } = await threadSocket(acme.xUser.cookie);
		await env.DB.prepare("DELETE FROM sessions WHERE user_id = ?").bind(acme.xUser.id).run();
		expect(await runDurableObjectAlarm(env.MESSAGING_HUB.getByName(acme.tenantId))).toBe(true);
		expect(await within(s.closed, "close by the sweep")).toEqual(SOCKET_CLOSE.sessionEnded);
	});

	it("a socket cannot be opened with a session revoked elsewhere, even while this isolate still has it cached", async () => {
		const thread = await openThread(acme, acme.clientX.id);
		const path = `/api/v1/threads/${thread.id}/socket`;
		expect((await call(acme.host, "/api/v1/me", { cookie: acme.xUser.cookie })).status).toBe(200); // cached here now
		await env.DB.prepare("DELETE FROM sessions WHERE user_id = ?").bind(acme.xUser.id).run();
		const refused = await connect(acme.host, path, acme.xUser.cookie);
		expect(refused).toBeInstanceOf(Response);
		expect((refused as Response).status).toBe(401);
	});
});

describe("assistant reply streams follow the session", () => {
	/** Resolves when the stream's body ends (the server closed it). */
	async function ended(body: ReadableStream<Uint8Array>): Promise<true> {
		const reader = body.getReader();
		for (;;) if ((await reader.read()).done) return true;
	}

	it("signing out ends that session's reply stream; a new stream request of it is 401; another session's stream goes on", async () => {
		const second = await logIn(acme.host, `owner@${acme.slug}.test`);
		const id = await newConversation(acme);
		const res = await call(acme.host, `/api/v1/assistant/conversations/${id}/stream`, { cookie: second });
		expect(res.status).toBe(200);
		const body = res.body;
		if (!body) throw new Error("no stream");
		const kept = await openStream(acme, id);
		expect((await kept.next()).event.type).toBe("snapshot");

		expect((await call(acme.host, "/api/v1/auth/logout", { method: "POST", cookie: second })).status).toBe(204);
		expect(await within(ended(body), "signed-out session's stream end")).toBe(true);
		expect((await call(acme.host, `/api/v1/assistant/conversations/${id}/stream`, { cookie: second })).status).toBe(401);

		// The owner's own session still streams: a message sent now arrives on it.
		const sent = await call(acme.host, `/api/v1/assistant/conversations/${id}/messages`, {
			cookie: acme.ownerCookie,
			body: { content: "still streaming?" },
		});
		expect(sent.status).toBe(202);
		expect((await kept.next()).event.type).toBe("message");
		await kept.close();
	});

	it("removing a member ends their reply streams", async () => {
		const staff = acme.staffCookie;
		const id = await newConversation(acme, staff);
		const res = await call(acme.host, `/api/v1/assistant/conversations/${id}/stream`, { cookie: staff });
		expect(res.status).toBe(200);
		const body = res.body;
		if (!body) throw new Error("no stream");
		expect((await call(acme.host, `/api/v1/members/${acme.staffId}`, { method: "DELETE", cookie: acme.ownerCookie })).status).toBe(204);
		expect(await within(ended(body), "removed member's stream end")).toBe(true);
	});
});
