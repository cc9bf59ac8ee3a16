/** Message attachments (R2, allow-listed types, size limit, readable only through the thread) and the unread-message email, sent once. */
import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import type { Job } from "../../schema/jobs";
import { signUpAgency, uniqueSlug } from "../support/agencies";
import { call, problemOf } from "../support/http";
import { runJobs } from "../support/queue";
import { type MessageT, openThread, post } from "./messaging-fixtures";
import { json, type PortalAgency, portalAgency } from "./portal-fixtures";

let acme: PortalAgency;
beforeEach(async () => {
	acme = await portalAgency(uniqueSlug("acme"));
});

function upload(threadId: string, cookie: string, body: string, type = "text/plain", name = "brief.txt") {
	return call(acme.host, `/api/v1/threads/${threadId}/attachments?name=${encodeURIComponent(name)}`, {
		cookie,
		rawBody: body,
		headers: { "Content-Type": type },
		method: "POST",
	});
}

describe("attachments", () => {
	it("are uploaded, posted with a message and downloaded only by those who can read the thread", async () => {
		const thread = await openThread(acme, acme.clientX.id);
		const stored = await json<{ id: string; fileName: string; size: number }>(upload(thread.id, acme.xUser.cookie, "Our brand brief"), 201);
		expect(stored).toMatchObject({ fileName: "brief.txt", size: 15 });
		const message = await json<MessageT>(
			call(acme.host, `/api/v1/threads/${thread.id}/messages`, {
				cookie: acme.xUser.cookie,
				body: { id: crypto.randomUUID(), attachmentId: stored.id },
			}),
			201,
		);
		expect(message.attachment).toEqual({ id: stored.id, fileName: "brief.txt", contentType: "text/plain", size: 15 });
		const path = `/api/v1/threads/${thread.id}/attachments/${stored.id}`;
		const download = await call(acme.host, path, { cookie: acme.staffCookie });
		expect(download.status).toBe(200);
		expect(download.headers.get("Content-Disposition")).toBe("attachment; filename*=UTF-8''brief.txt");
		expect(await download.text()).toBe("Our brand brief");
		expect((await call(acme.host, path, { cookie: acme.yUser.cookie })).status).toBe(404);
		const other = await signUpAgency(uniqueSlug("other"));
		expect((await call(other.host, path, { cookie: other.ownerCookie })).status).toBe(404);
	});

	it("show in the thread's message list on their own message only, and no longer once it is deleted", async () => {
		const thread = await openThread(acme, acme.clientX.id);
		const stored = await json<{ id: string }>(upload(thread.id, acme.xUser.cookie, "Our brand brief"), 201);
		const withFile = crypto.randomUUID();
		await json(
			call(acme.host, `/api/v1/threads/${thread.id}/messages`, {
				cookie: acme.xUser.cookie,
				body: { id: withFile, attachmentId: stored.id },
			}),
			201,
		);
		await json(post(acme, thread.id, "Thanks, got it", acme.staffCookie), 201);
		const listPath = `/api/v1/threads/${thread.id}/messages`;
		const page = await json<{ messages: MessageT[] }>(call(acme.host, listPath, { cookie: acme.staffCookie }));
		expect(page.messages.map((m) => [m.body, m.authorName, m.attachment?.fileName ?? null])).toEqual([
			["Thanks, got it", "staff person", null],
			["", "client person", "brief.txt"],
		]);
		await json(call(acme.host, `${listPath}/${withFile}`, { method: "DELETE", cookie: acme.xUser.cookie }));
		const after = await json<{ messages: MessageT[] }>(call(acme.host, listPath, { cookie: acme.staffCookie }));
		expect(after.messages.map((m) => m.attachment)).toEqual([null, null]);
	});

	it("refuses types outside the allow-list, empty files and files over 10 MiB", async () => {
		const thread = await openThread(acme, acme.clientX.id);
		const exe = await upload(thread.id, acme.staffCookie, "MZ", "application/x-msdownload", "run.exe");
		expect(exe.status).toBe(415);
		expect((await problemOf(exe)).errors?.[0]?.path).toBe("Content-Type");
		expect((await upload(thread.id, acme.staffCookie, "")).status).toBe(422);
		const big = await upload(thread.id, acme.staffCookie, "x".repeat(10 * 1024 * 1024 + 1));
		expect(big.status).toBe(413);
		expect((await upload(thread.id, acme.yUser.cookie, "hi")).status).toBe(404);
	});
});

/** The unread-message emails of this test's agency (the outbox is shared by the tests of the file). */
async function unreadEmails() {
	const rows = await env.DB.prepare(
		"SELECT to_address, subject, from_address, text_body FROM email_outbox WHERE tenant_id = ? AND template = 'message-unread' ORDER BY to_address",
	)
		.bind(acme.tenantId)
		.all<{
			to_address: string;
			subject: string;
			from_address: string;
			text_body: string;
		}>();
	return rows.results;
}

const job = (tenantId: string, messageId: string): Job => ({
	type: "message-unread-email",
	tenantId,
	messageId,
	idempotencyKey: `message-unread:${messageId}`,
});

describe("the unread-message email", () => {
	it("reaches a client person who has not read the message, once, in the agency's brand", async () => {
		const thread = await openThread(acme, acme.clientX.id);
		const message = await json<MessageT>(post(acme, thread.id, "Please approve the homepage", acme.staffCookie), 201);
		await runJobs([job(acme.tenantId, message.id)]);
		await runJobs([job(acme.tenantId, message.id), job(acme.tenantId, message.id)]);
		const emails = await unreadEmails();
		expect(emails).toHaveLength(1);
		expect(emails[0]).toMatchObject({
			to_address: `x@${acme.slug}.test`,
			subject: "New message from staff person: Launch plan",
			from_address: `"Agency ${acme.slug}" <no-reply@atrium.localhost>`,
		});
		expect(emails[0]?.text_body).toContain("Please approve the homepage");
		expect(emails[0]?.text_body).toContain(`http://${acme.host}/messages/${thread.id}`);
	});

	it("sends nothing to someone who read it in time, and reaches the staff who wrote in the thread when a client replies", async () => {
		const thread = await openThread(acme, acme.clientX.id);
		const fromStaff = await json<MessageT>(post(acme, thread.id, "Hello", acme.staffCookie), 201);
		await json(
			call(acme.host, `/api/v1/threads/${thread.id}/read`, { method: "PUT", cookie: acme.xUser.cookie, body: { messageId: fromStaff.id } }),
		);
		await runJobs([job(acme.tenantId, fromStaff.id)]);
		expect(await unreadEmails()).toEqual([]);
		const reply = await json<MessageT>(post(acme, thread.id, "Hi back", acme.xUser.cookie), 201);
		await runJobs([job(acme.tenantId, reply.id)]);
		expect((await unreadEmails()).map((e) => e.to_address)).toEqual([`staff@${acme.slug}.test`]);
	});
});
