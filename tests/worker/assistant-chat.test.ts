/** Chatting: the local model streams a labelled echo; replies stream to every tab, resume after a reconnect, and branch on edit. */
import { beforeEach, describe, expect, it } from "vitest";
import { LOCAL_MODEL_ID } from "../../schema/ai-models";
import { echoReply } from "../../worker/services/assistant/providers/local-echo";
import { type Agency, signUpUniqueAgency } from "../support/agencies";
import { call } from "../support/http";
import { grant, newConversation, openStream, sendMessage, sent, treeOf } from "./assistant-helpers";

let acme: Agency;
beforeEach(async () => {
	acme = await signUpUniqueAgency("acme");
});

describe("chatting with the local model", () => {
	it("streams the echo word by word, records usage and which model answered", async () => {
		const id = await newConversation(acme);
		const stream = await openStream(acme, id);
		const { userMessage, reply } = await sent(await sendMessage(acme, id, { content: "What is due this week?" }));
		expect(userMessage).toMatchObject({ role: "user", content: "What is due this week?", parentId: null });
		expect(reply).toMatchObject({ role: "assistant", status: "pending", parentId: userMessage.id, modelId: LOCAL_MODEL_ID });
		const done = await stream.until(reply.id);
		const expected = echoReply("What is due this week?");
		const deltas = stream.seen.flatMap((e) => (e.event.type === "delta" ? [e.event.text] : []));
		expect(deltas.length).toBe(expected.split(" ").length);
		expect(deltas.join("")).toBe(expected);
		expect(done).toMatchObject({ status: "done", content: expected, provider: "local", providerModel: "atrium-echo" });
		expect(done.usage).toEqual({ inputTokens: expect.any(Number), outputTokens: expected.split(" ").length, credits: 0 });
		expect(expected).toContain("not a real AI");
		const tree = await treeOf(acme, id);
		expect(tree.messages.map((m) => [m.role, m.status])).toEqual([
			["user", "done"],
			["assistant", "done"],
		]);
		expect(tree.activeLeafId).toBe(reply.id);
		const list = (await (await call(acme.host, "/api/v1/assistant/conversations", { cookie: acme.ownerCookie })).json()) as {
			conversations: unknown[];
		};
		expect(list.conversations[0]).toMatchObject({ id, title: "What is due this week?" });
		await stream.close();
	});

	it("streams the same reply to two tabs", async () => {
		const id = await newConversation(acme);
		const tabA = await openStream(acme, id);
		const tabB = await openStream(acme, id);
		const { reply } = await sent(await sendMessage(acme, id, { content: "two tabs" }));
		const [a, b] = await Promise.all([tabA.until(reply.id), tabB.until(reply.id)]);
		expect(a.content).toBe(echoReply("two tabs"));
		expect(b).toEqual(a);
		const deltas = (r: typeof tabA) => r.seen.filter((e) => e.event.type === "delta").map((e) => e.id);
		expect(deltas(tabB)).toEqual(deltas(tabA));
		await Promise.all([tabA.close(), tabB.close()]);
	});

	it("a client that reconnects with Last-Event-ID gets exactly what it missed; without one, a snapshot", async () => {
		await grant(acme, 100);
		const id = await newConversation(acme, acme.ownerCookie, "openai/gpt-4o-mini");
		const first = await openStream(acme, id);
		const { reply } = await sent(await sendMessage(acme, id, { content: "long answer please [[slow-stream]]" }));
		await first.firstDelta(reply.id);
		const lastSeen = first.seen.at(-1)?.id ?? 0;
		await first.close();
		const resumed = await openStream(acme, id, acme.ownerCookie, lastSeen);
		const fresh = await openStream(acme, id);
		const snapshot = await fresh.next();
		expect(snapshot.event.type).toBe("snapshot");
		await call(acme.host, `/api/v1/assistant/conversations/${id}/stop`, { method: "POST", cookie: acme.ownerCookie });
		const done = await resumed.until(reply.id);
		const firstText = first.seen.flatMap((e) => (e.event.type === "delta" ? [e.event.text] : [])).join("");
		const restText = resumed.seen.flatMap((e) => (e.event.type === "delta" ? [e.event.text] : [])).join("");
		expect(resumed.seen[0]?.id).toBe(lastSeen + 1);
		expect(firstText + restText).toBe(done.content);
		expect(done.status).toBe("stopped");
		await Promise.all([resumed.close(), fresh.close()]);
	});

	it("queues two sends in order, each reply after its own message", async () => {
		const id = await newConversation(acme);
		const stream = await openStream(acme, id);
		const [one, two] = await Promise.all([sendMessage(acme, id, { content: "first" }), sendMessage(acme, id, { content: "second" })]);
		const replies = [(await sent(one)).reply.id, (await sent(two)).reply.id];
		const doneOrder: string[] = [];
		while (doneOrder.length < 2) {
			const { event } = await stream.next();
			if (event.type === "done") doneOrder.push(event.message.id);
		}
		const tree = await treeOf(acme, id);
		const byId = new Map(tree.messages.map((m) => [m.id, m]));
		const path: { id: string; role: string; content: string }[] = [];
		for (let m = byId.get(tree.activeLeafId ?? ""); m; m = m.parentId ? byId.get(m.parentId) : undefined) path.unshift(m);
		expect(path.map((m) => m.role)).toEqual(["user", "assistant", "user", "assistant"]);
		const [q1, a1, q2, a2] = path;
		expect(a1?.content).toBe(echoReply(q1?.content ?? ""));
		expect(a2?.content).toBe(echoReply(q2?.content ?? ""));
		expect(new Set([q1?.content, q2?.content])).toEqual(new Set(["first", "second"]));
		expect(doneOrder).toEqual([a1?.id, a2?.id]);
		expect(new Set(doneOrder)).toEqual(new Set(replies));
		await stream.close();
	});

	it("editing an earlier message makes a branch; both are kept and know their siblings", async () => {
		const id = await newConversation(acme);
		const stream = await openStream(acme, id);
		const first = await sent(await sendMessage(acme, id, { content: "original question" }));
		await stream.until(first.reply.id);
		const edit = await call(acme.host, `/api/v1/assistant/conversations/${id}/messages/${first.userMessage.id}/edit`, {
			body: { content: "edited question" },
			cookie: acme.ownerCookie,
		});
		const edited = await sent(edit);
		await stream.until(edited.reply.id);
		expect(edited.userMessage.parentId).toBe(null);
		const tree = await treeOf(acme, id);
		const users = tree.messages.filter((m) => m.role === "user");
		expect(users.map((m) => m.content)).toEqual(["original question", "edited question"]);
		for (const user of users) expect(user.siblingIds).toEqual([first.userMessage.id, edited.userMessage.id]);
		expect(tree.messages.find((m) => m.id === edited.reply.id)?.content).toBe(echoReply("edited question"));
		expect(tree.messages.find((m) => m.id === first.reply.id)?.content).toBe(echoReply("original question"));
		expect(tree.activeLeafId).toBe(edited.reply.id);
		await stream.close();
	});
});
