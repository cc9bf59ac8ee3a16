/**
 * The assistant API around the chat: models per plan, conversations (list, search, rename, delete,
 * export, import), templates and settings; only the owner reaches a conversation; bad input is
 * named; moderation refuses blocked terms; prompts reach the logs only when the agency opted in.
 */
import { env } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { LOCAL_MODEL_ID } from "../../schema/ai-models";
import type { ConversationTree } from "../../schema/assistant";
import { tenants } from "../../schema/index";
import { createDb } from "../../worker/lib/db";
import { echoReply } from "../../worker/services/assistant/providers/local-echo";
import { type Agency, logIn, signUpUniqueAgency } from "../support/agencies";
import { call, problemOf } from "../support/http";
import { grant, newConversation, openStream, sendMessage, sent, treeOf } from "./assistant-helpers";
import { addMember } from "./members";

let acme: Agency;
let beta: Agency;
beforeEach(async () => {
	acme = await signUpUniqueAgency("acme");
	beta = await signUpUniqueAgency("beta");
});
afterEach(() => {
	vi.restoreAllMocks();
});

async function json<T>(response: Response): Promise<T> {
	return (await response.json()) as T;
}

async function chat(agency: Agency, id: string, content: string, cookie = agency.ownerCookie) {
	const stream = await openStream(agency, id, cookie);
	const { reply } = await sent(await sendMessage(agency, id, { content }, cookie));
	await stream.until(reply.id);
	await stream.close();
}

describe("models", () => {
	it("offers what the plan allows among configured providers, the local model marked", async () => {
		const starter = await json<{ models: { id: string; local: boolean }[]; defaultModelId: string }>(
			await call(acme.host, "/api/v1/assistant/models", { cookie: acme.ownerCookie }),
		);
		expect(starter.models.map((m) => m.id)).toEqual([LOCAL_MODEL_ID, "openai/gpt-4o-mini"]);
		expect(starter.models.find((m) => m.id === LOCAL_MODEL_ID)?.local).toBe(true);
		expect(starter.defaultModelId).toBe("openai/gpt-4o-mini");
		await createDb(env.DB).update(tenants).set({ planId: "pro" }).where(eq(tenants.id, acme.tenantId));
		const pro = await json<{ models: { id: string }[] }>(await call(acme.host, "/api/v1/assistant/models", { cookie: acme.ownerCookie }));
		expect(pro.models.map((m) => m.id)).toEqual([LOCAL_MODEL_ID, "openai/gpt-4o-mini", "anthropic/claude-sonnet-4-5"]);
		const refused = await call(acme.host, "/api/v1/assistant/conversations", {
			body: { modelId: "workers-ai/llama-3.1-8b" },
			cookie: acme.ownerCookie,
		});
		expect((await problemOf(refused)).errors).toEqual([{ path: "modelId", message: "is not a model your plan allows" }]);
	});
});

describe("conversations", () => {
	it("lists newest first, searches titles, renames and soft-deletes", async () => {
		const first = await newConversation(acme);
		await chat(acme, first, "Budget for the Henderson launch");
		const second = await newConversation(acme);
		await call(acme.host, `/api/v1/assistant/conversations/${second}`, {
			method: "PATCH",
			body: { title: "Copy ideas" },
			cookie: acme.ownerCookie,
		});
		const list = await json<{ conversations: { id: string; title: string }[] }>(
			await call(acme.host, "/api/v1/assistant/conversations", { cookie: acme.ownerCookie }),
		);
		expect(list.conversations.map((c) => c.title)).toEqual(["Copy ideas", "Budget for the Henderson launch"]);
		const found = await json<{ conversations: { id: string }[] }>(
			await call(acme.host, "/api/v1/assistant/conversations?q=henderson", { cookie: acme.ownerCookie }),
		);
		expect(found.conversations.map((c) => c.id)).toEqual([first]);
		expect((await call(acme.host, `/api/v1/assistant/conversations/${first}`, { method: "DELETE", cookie: acme.ownerCookie })).status).toBe(
			204,
		);
		expect((await call(acme.host, `/api/v1/assistant/conversations/${first}`, { cookie: acme.ownerCookie })).status).toBe(404);
		const after = await json<{ conversations: { id: string }[] }>(
			await call(acme.host, "/api/v1/assistant/conversations", { cookie: acme.ownerCookie }),
		);
		expect(after.conversations.map((c) => c.id)).toEqual([second]);
	});

	it("nobody reaches another user's or another agency's conversation", async () => {
		const id = await newConversation(acme);
		await chat(acme, id, "private plans");
		await addMember(acme.tenantId, "staff", `staff@${acme.slug}.test`);
		const staff = await logIn(acme.host, `staff@${acme.slug}.test`);
		const paths: [string, string, unknown?][] = [
			["GET", `/api/v1/assistant/conversations/${id}`],
			["GET", `/api/v1/assistant/conversations/${id}/stream`],
			["GET", `/api/v1/assistant/conversations/${id}/export`],
			["PATCH", `/api/v1/assistant/conversations/${id}`, { title: "mine now" }],
			["POST", `/api/v1/assistant/conversations/${id}/messages`, { content: "hi" }],
			["POST", `/api/v1/assistant/conversations/${id}/stop`],
			["DELETE", `/api/v1/assistant/conversations/${id}`],
		];
		for (const [method, path, body] of paths) {
			const asStaff = await call(acme.host, path, { method, cookie: staff, ...(body ? { body } : {}) });
			expect(asStaff.status, `staff ${method} ${path}`).toBe(404);
			const asOtherAgency = await call(beta.host, path, { method, cookie: beta.ownerCookie, ...(body ? { body } : {}) });
			expect(asOtherAgency.status, `beta ${method} ${path}`).toBe(404);
		}
		expect((await call(acme.host, `/api/v1/assistant/conversations/${id}`, { cookie: beta.ownerCookie })).status).toBe(401);
		const staffList = await json<{ conversations: unknown[] }>(await call(acme.host, "/api/v1/assistant/conversations", { cookie: staff }));
		expect(staffList.conversations).toEqual([]);
		const tree = await treeOf(acme, id);
		expect(tree.messages.map((m) => m.content)).toEqual(["private plans", echoReply("private plans")]);
		expect((await call(acme.host, "/api/v1/assistant/conversations")).status).toBe(401);
	});

	it("names each bad field and changes nothing", async () => {
		const id = await newConversation(acme);
		const cases: [string, unknown, string][] = [
			[`/api/v1/assistant/conversations/${id}/messages`, { content: "   " }, "content"],
			[`/api/v1/assistant/conversations/${id}/messages`, { content: "x".repeat(32_001) }, "content"],
			[`/api/v1/assistant/conversations/${id}/messages`, { content: "hi", colour: "red" }, "colour"],
			[`/api/v1/assistant/conversations/${id}/messages`, { content: "hi", modelId: "anthropic/claude-sonnet-4-5" }, "modelId"],
			[`/api/v1/assistant/conversations/${id}/messages`, { content: "hi", parentId: "no-such-message" }, "parentId"],
			["/api/v1/assistant/conversations", { title: "" }, "title"],
			["/api/v1/assistant/templates", { title: "T", body: 5 }, "body"],
			["/api/v1/assistant/conversations/import", { format: "chatgpt", data: { not: "an array" } }, "data"],
		];
		for (const [path, body, field] of cases) {
			const res = await call(acme.host, path, { body, cookie: acme.ownerCookie });
			expect(res.status, `${path} ${field}`).toBe(422);
			expect(
				(await problemOf(res)).errors?.map((e) => e.path),
				`${path} ${field}`,
			).toEqual([field]);
		}
		expect((await treeOf(acme, id)).messages).toEqual([]);
		const page = await call(acme.host, "/api/v1/assistant/conversations?limit=0", { cookie: acme.ownerCookie });
		expect((await problemOf(page)).errors?.map((e) => e.path)).toEqual(["limit"]);
	});

	it("exports JSON (every branch) and Markdown, and imports both Atrium and ChatGPT exports", async () => {
		const id = await newConversation(acme);
		await chat(acme, id, "Plan the kickoff");
		const markdown = await call(acme.host, `/api/v1/assistant/conversations/${id}/export?format=markdown`, { cookie: acme.ownerCookie });
		expect(markdown.headers.get("Content-Type")).toMatch(/text\/markdown/);
		expect(await markdown.text()).toBe(
			`# Plan the kickoff\n\n**You:**\n\nPlan the kickoff\n\n**Assistant (atrium-echo):**\n\n${echoReply("Plan the kickoff")}\n`,
		);
		const exported = await json<ConversationTree & { format: string }>(
			await call(acme.host, `/api/v1/assistant/conversations/${id}/export`, { cookie: acme.ownerCookie }),
		);
		expect(exported.format).toBe("atrium.conversation.v1");
		const back = await call(acme.host, "/api/v1/assistant/conversations/import", {
			body: { format: "atrium", data: exported },
			cookie: acme.ownerCookie,
		});
		const [copy] = (await json<{ conversations: { id: string; title: string }[] }>(back)).conversations;
		expect(copy?.title).toBe("Plan the kickoff");
		expect((await treeOf(acme, copy?.id ?? "")).messages.map((m) => m.content)).toEqual([
			"Plan the kickoff",
			echoReply("Plan the kickoff"),
		]);

		const chatgpt = [
			{
				title: "From ChatGPT",
				current_node: "c",
				mapping: {
					root: { message: null, parent: null },
					a: { parent: "root", message: { author: { role: "user" }, content: { parts: ["What is SEO?"] }, create_time: 1_700_000_000 } },
					b: {
						parent: "a",
						message: { author: { role: "assistant" }, content: { parts: ["Search engine optimisation."] }, create_time: 1_700_000_001 },
					},
					x: { parent: "a", message: { author: { role: "assistant" }, content: { parts: ["An abandoned branch."] } } },
					c: { parent: "b", message: { author: { role: "user" }, content: { parts: ["Thanks"] }, create_time: 1_700_000_002 } },
				},
			},
		];
		const imported = await call(acme.host, "/api/v1/assistant/conversations/import", {
			body: { format: "chatgpt", data: chatgpt },
			cookie: acme.ownerCookie,
		});
		expect(imported.status).toBe(201);
		const [fromChatGpt] = (await json<{ conversations: { id: string; title: string }[] }>(imported)).conversations;
		expect(fromChatGpt?.title).toBe("From ChatGPT");
		const tree = await treeOf(acme, fromChatGpt?.id ?? "");
		expect(tree.messages.map((m) => `${m.role}:${m.content}`)).toEqual([
			"user:What is SEO?",
			"assistant:Search engine optimisation.",
			"user:Thanks",
		]);
		expect(tree.messages[0]?.createdAt).toBe(1_700_000_000_000);
	});
});

describe("safety", () => {
	it("with moderation on, refuses a message containing a blocked term (422 naming content) and stores nothing", async () => {
		await addMember(acme.tenantId, "staff", `staff@${acme.slug}.test`);
		const staff = await logIn(acme.host, `staff@${acme.slug}.test`);
		const settings = { moderationEnabled: true, blockedTerms: ["Project Falcon"], logContent: false };
		expect((await call(acme.host, "/api/v1/assistant/settings", { method: "PUT", body: settings, cookie: staff })).status).toBe(403);
		const put = await call(acme.host, "/api/v1/assistant/settings", { method: "PUT", body: settings, cookie: acme.ownerCookie });
		expect(await put.json()).toEqual({ ...settings, blockedTerms: ["project falcon"] });
		const id = await newConversation(acme);
		const res = await sendMessage(acme, id, { content: "What is the budget of project falcon?" });
		expect(res.status).toBe(422);
		expect(await problemOf(res)).toMatchObject({ type: "https://atrium.dev/problems/content-blocked", errors: [{ path: "content" }] });
		expect((await treeOf(acme, id)).messages).toEqual([]);
		expect((await sendMessage(acme, id, { content: "What is the budget?" })).status).toBe(202);
	});

	it("with moderation on, withholds a finished reply that contains a blocked term", async () => {
		await grant(acme, 100);
		const settings = { moderationEnabled: true, blockedTerms: ["openai fake"], logContent: false };
		await call(acme.host, "/api/v1/assistant/settings", { method: "PUT", body: settings, cookie: acme.ownerCookie });
		const id = await newConversation(acme, acme.ownerCookie, "openai/gpt-4o-mini");
		await chat(acme, id, "Say hello");
		const reply = (await treeOf(acme, id)).messages[1];
		expect(reply).toMatchObject({
			content: "[Withheld by your agency's content rules]",
			error: "The reply contained a term your agency blocks.",
		});
	});

	it("never logs prompts or replies unless the agency opted in", async () => {
		const lines: string[] = [];
		for (const method of ["log", "warn", "error", "info", "debug"] as const) {
			vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
				lines.push(args.map(String).join(" "));
			});
		}
		const id = await newConversation(acme);
		await chat(acme, id, "secret merger with Globex");
		expect(lines.length).toBeGreaterThan(0);
		expect(lines.filter((l) => l.includes("Globex"))).toEqual([]);
		const optIn = { moderationEnabled: false, blockedTerms: [], logContent: true };
		await call(acme.host, "/api/v1/assistant/settings", { method: "PUT", body: optIn, cookie: acme.ownerCookie });
		await chat(acme, id, "logged on purpose: Initech");
		expect(lines.filter((l) => l.includes("Initech")).length).toBeGreaterThan(0);
	});
});

describe("prompt templates", () => {
	it("personal ones are private, shared ones need tenant:manage to create or edit", async () => {
		await addMember(acme.tenantId, "staff", `staff@${acme.slug}.test`);
		const staff = await logIn(acme.host, `staff@${acme.slug}.test`);
		const shared = await call(acme.host, "/api/v1/assistant/templates", {
			body: { title: "Client update", body: "Write an update for {{client}} about {{ project }}.", shared: true },
			cookie: acme.ownerCookie,
		});
		expect(shared.status).toBe(201);
		const sharedView = await json<{ id: string; variables: string[] }>(shared);
		expect(sharedView.variables).toEqual(["client", "project"]);
		const mine = await json<{ id: string }>(
			await call(acme.host, "/api/v1/assistant/templates", { body: { title: "Mine", body: "Hi {{name}}" }, cookie: staff }),
		);
		expect(
			(await call(acme.host, "/api/v1/assistant/templates", { body: { title: "X", body: "Y", shared: true }, cookie: staff })).status,
		).toBe(403);
		expect(
			(
				await call(acme.host, `/api/v1/assistant/templates/${sharedView.id}`, {
					method: "PATCH",
					body: { title: "Mine now" },
					cookie: staff,
				})
			).status,
		).toBe(403);
		const staffList = await json<{ templates: { title: string; canEdit: boolean }[] }>(
			await call(acme.host, "/api/v1/assistant/templates", { cookie: staff }),
		);
		expect(staffList.templates.map((t) => [t.title, t.canEdit])).toEqual([
			["Client update", false],
			["Mine", true],
		]);
		const ownerList = await json<{ templates: { title: string }[] }>(
			await call(acme.host, "/api/v1/assistant/templates", { cookie: acme.ownerCookie }),
		);
		expect(ownerList.templates.map((t) => t.title)).toEqual(["Client update"]);
		expect((await call(acme.host, `/api/v1/assistant/templates/${mine.id}`, { method: "DELETE", cookie: acme.ownerCookie })).status).toBe(
			404,
		);
		expect(
			(await call(beta.host, `/api/v1/assistant/templates/${sharedView.id}`, { method: "DELETE", cookie: beta.ownerCookie })).status,
		).toBe(404);
		expect((await call(acme.host, `/api/v1/assistant/templates/${mine.id}`, { method: "DELETE", cookie: staff })).status).toBe(204);
		const betaList = await json<{ templates: unknown[] }>(
			await call(beta.host, "/api/v1/assistant/templates", { cookie: beta.ownerCookie }),
		);
		expect(betaList.templates).toEqual([]);
	});
});
