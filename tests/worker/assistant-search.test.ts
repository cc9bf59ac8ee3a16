/**
 * Searching conversations by message text: the user's own conversations only (not a colleague's,
 * not another agency's), every branch and imports included, FTS syntax in the query harmless, and
 * the index rows gone once a conversation is deleted.
 */
import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { type Agency, logIn, signUpUniqueAgency } from "../support/agencies";
import { call } from "../support/http";
import { newConversation, openStream, sendMessage, sent } from "./assistant-helpers";
import { addMember } from "./members";

let acme: Agency;
let beta: Agency;
beforeEach(async () => {
	acme = await signUpUniqueAgency("acme");
	beta = await signUpUniqueAgency("beta");
});

async function chat(agency: Agency, id: string, content: string, cookie = agency.ownerCookie) {
	const stream = await openStream(agency, id, cookie);
	const result = await sent(await sendMessage(agency, id, { content }, cookie));
	await stream.until(result.reply.id);
	await stream.close();
	return result;
}

async function rename(agency: Agency, id: string, title: string, cookie = agency.ownerCookie) {
	await call(agency.host, `/api/v1/assistant/conversations/${id}`, { method: "PATCH", body: { title }, cookie });
}

async function search(agency: Agency, q: string, cookie = agency.ownerCookie): Promise<string[]> {
	const res = await call(agency.host, `/api/v1/assistant/conversations?q=${encodeURIComponent(q)}`, { cookie });
	expect(res.status, q).toBe(200);
	return ((await res.json()) as { conversations: { id: string }[] }).conversations.map((c) => c.id);
}

async function indexedRows(conversationId: string): Promise<number> {
	const row = await env.DB.prepare("SELECT COUNT(*) AS n FROM assistant_search WHERE conversation_id = ?")
		.bind(conversationId)
		.first<{ n: number }>();
	return row?.n ?? -1;
}

describe("search by message text", () => {
	it("finds the user's own conversations by words in prompts and replies, never a colleague's or another agency's", async () => {
		const mine = await newConversation(acme);
		await chat(acme, mine, "What did we decide about the Zanzibar retainer?");
		await rename(acme, mine, "Planning");
		const other = await newConversation(acme);
		await chat(acme, other, "Draft a welcome email");

		await addMember(acme.tenantId, "staff", `staff@${acme.slug}.test`);
		const staff = await logIn(acme.host, `staff@${acme.slug}.test`);
		const colleagues = await newConversation(acme, staff);
		await chat(acme, colleagues, "Zanzibar retainer notes", staff);
		const theirs = await newConversation(beta);
		await chat(beta, theirs, "Zanzibar retainer elsewhere");

		// A word of the prompt (title no longer says it), a word start, and a word only the reply has.
		expect(await search(acme, "zanzibar")).toEqual([mine]);
		expect(await search(acme, "ZANZI retain")).toEqual([mine]);
		expect(await search(acme, "demo model")).toEqual([other, mine]);
		// Every word must match; titles still match as before.
		expect(await search(acme, "zanzibar welcome")).toEqual([]);
		expect(await search(acme, "plann")).toEqual([mine]);
		// The colleague and the other agency find only their own.
		expect(await search(acme, "zanzibar", staff)).toEqual([colleagues]);
		expect(await search(beta, "zanzibar")).toEqual([theirs]);
		// FTS operators and quotes in the query are searched as text, never parsed.
		expect(await search(acme, 'zanzibar OR "welcome')).toEqual([]);
		expect(await search(acme, "NEAR(* ^ -")).toEqual([]);
	});

	it("indexes both branches of an edit and imported conversations", async () => {
		const id = await newConversation(acme);
		const { userMessage } = await chat(acme, id, "Budget for the harbour campaign");
		const stream = await openStream(acme, id);
		const edited = await call(acme.host, `/api/v1/assistant/conversations/${id}/messages/${userMessage.id}/edit`, {
			body: { content: "Budget for the lighthouse campaign" },
			cookie: acme.ownerCookie,
		});
		await stream.until((await sent(edited)).reply.id);
		await stream.close();
		expect(await search(acme, "harbour")).toEqual([id]);
		expect(await search(acme, "lighthouse")).toEqual([id]);

		const imported = await call(acme.host, "/api/v1/assistant/conversations/import", {
			body: {
				format: "atrium",
				data: {
					format: "atrium.conversation.v1",
					conversation: { title: "Old notes" },
					activeLeafId: "a",
					messages: [{ id: "a", parentId: null, role: "user", content: "Quarterly kerning review", createdAt: 1_700_000_000_000 }],
				},
			},
			cookie: acme.ownerCookie,
		});
		expect(imported.status, await imported.clone().text()).toBe(201);
		const [copy] = ((await imported.json()) as { conversations: { id: string }[] }).conversations;
		expect(await search(acme, "kerning")).toEqual([copy?.id]);
	});

	it("deleting a conversation deletes its index rows", async () => {
		const id = await newConversation(acme);
		await chat(acme, id, "Secret rebrand codename Bluebird");
		expect(await indexedRows(id)).toBe(2);
		expect((await call(acme.host, `/api/v1/assistant/conversations/${id}`, { method: "DELETE", cookie: acme.ownerCookie })).status).toBe(
			204,
		);
		expect(await indexedRows(id)).toBe(0);
		expect(await search(acme, "bluebird")).toEqual([]);
	});
});
