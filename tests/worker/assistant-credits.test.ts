/**
 * Paying for replies through real provider clients talking to the local fake: one reservation per
 * reply, settled once with the reported usage (or what was generated before Stop), released when
 * no provider answered; fallback, timeouts, 429s and the circuit breaker; 402 and 429 before streaming.
 */
import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { creditsFor, modelById } from "../../schema/ai-models";
import type { LedgerEntry, UsageSummary } from "../../schema/credits";
import { FAKE_USAGE, FAKE_WORDS } from "../fakes/ai-provider-fixtures";
import { type Agency, logIn, signUpUniqueAgency } from "../support/agencies";
import { call, problemOf } from "../support/http";
import { grant, newConversation, openStream, sendMessage, sent, treeOf } from "./assistant-helpers";
import { addMember } from "./members";

const MINI = "openai/gpt-4o-mini";
const mini = modelById(MINI);
if (!mini) throw new Error("catalogue lost gpt-4o-mini");
const OPENAI_CREDITS = creditsFor(mini, FAKE_USAGE.openai.input, FAKE_USAGE.openai.output);
const ANTHROPIC_CREDITS = creditsFor(mini, FAKE_USAGE.anthropic.input, FAKE_USAGE.anthropic.output);

let acme: Agency;
beforeEach(async () => {
	acme = await signUpUniqueAgency("acme");
});

async function ledger(agency: Agency): Promise<LedgerEntry[]> {
	return (await env.TENANT_GATE.getByName(agency.tenantId).creditHistory(100, null)).entries.reverse();
}

async function balance(agency: Agency) {
	return env.TENANT_GATE.getByName(agency.tenantId).credits();
}

/** Sends `content` with GPT-4o mini and waits for the finished reply. */
async function ask(id: string, content: string) {
	const stream = await openStream(acme, id);
	const { reply } = await sent(await sendMessage(acme, id, { content, modelId: MINI }));
	const done = await stream.until(reply.id);
	await stream.close();
	return done;
}

describe("credits for a reply", () => {
	it("reserves an estimate, then settles once for the usage OpenAI reported", async () => {
		await grant(acme, 100);
		const id = await newConversation(acme, acme.ownerCookie, MINI);
		const done = await ask(id, "Summarise the Henderson project");
		expect(done).toMatchObject({ status: "done", provider: "openai", providerModel: "gpt-4o-mini", content: FAKE_WORDS.openai.join("") });
		expect(done.usage).toEqual({ inputTokens: 1000, outputTokens: 500, credits: OPENAI_CREDITS });
		const rows = await ledger(acme);
		expect(rows.map((r) => r.kind)).toEqual(["grant", "reserve", "settle"]);
		expect(rows[2]).toMatchObject({
			amount: OPENAI_CREDITS,
			feature: "assistant",
			userId: acme.owner.id,
			balanceAfter: 100 - OPENAI_CREDITS,
		});
		expect(await balance(acme)).toEqual({ balance: 100 - OPENAI_CREDITS, reserved: 0, available: 100 - OPENAI_CREDITS });
		const usage = await call(acme.host, "/api/v1/usage/credits/summary", { cookie: acme.ownerCookie });
		expect(((await usage.json()) as UsageSummary).byModel).toEqual([
			{ model: MINI, label: "GPT-4o mini", credits: OPENAI_CREDITS, calls: 1, moneyCents: OPENAI_CREDITS },
		]);
	});

	it("falls back to Anthropic on a 500, a 429 or a silent provider, reserving and settling once", async () => {
		await grant(acme, 100);
		const id = await newConversation(acme, acme.ownerCookie, MINI);
		const outcomes: string[] = [];
		for (const mode of ["500", "429", "slow"]) {
			const done = await ask(id, `question [[openai:${mode}]]`);
			expect(done).toMatchObject({
				status: "done",
				provider: "anthropic",
				providerModel: "claude-haiku-4-5",
				content: FAKE_WORDS.anthropic.join(""),
			});
			expect(done.usage).toEqual({ inputTokens: 2000, outputTokens: 1000, credits: ANTHROPIC_CREDITS });
			outcomes.push(done.attempts.map((a) => `${a.provider}:${a.outcome}`).join(" "));
		}
		expect(outcomes).toEqual([
			"openai:error anthropic:answered",
			"openai:rate-limited anthropic:answered",
			"openai:timeout anthropic:answered",
		]);
		const rows = await ledger(acme);
		expect(rows.map((r) => r.kind)).toEqual(["grant", "reserve", "settle", "reserve", "settle", "reserve", "settle"]);
		expect(await balance(acme)).toEqual({ balance: 100 - 3 * ANTHROPIC_CREDITS, reserved: 0, available: 100 - 3 * ANTHROPIC_CREDITS });
	}, 20_000);

	it("opens OpenAI's circuit after three failures in a row and goes straight to Anthropic", async () => {
		await grant(acme, 100);
		const id = await newConversation(acme, acme.ownerCookie, MINI);
		for (let i = 0; i < 3; i++) await ask(id, `try ${i} [[openai:500]]`);
		const skipped = await ask(id, "OpenAI would answer this one");
		expect(skipped.attempts.map((a) => `${a.provider}:${a.outcome}`)).toEqual(["openai:circuit-open", "anthropic:answered"]);
		expect(skipped.provider).toBe("anthropic");
		// The breaker is the agency's, not the conversation's: a new conversation skips OpenAI too…
		const other = await newConversation(acme, acme.ownerCookie, MINI);
		expect((await ask(other, "a fresh conversation")).attempts.map((a) => `${a.provider}:${a.outcome}`)).toEqual([
			"openai:circuit-open",
			"anthropic:answered",
		]);
		// …while another agency's OpenAI circuit stays closed.
		const globex = await signUpUniqueAgency("globex");
		await grant(globex, 100);
		const theirs = await newConversation(globex, globex.ownerCookie, MINI);
		const stream = await openStream(globex, theirs);
		const { reply } = await sent(await sendMessage(globex, theirs, { content: "hello", modelId: MINI }));
		expect((await stream.until(reply.id)).provider).toBe("openai");
		await stream.close();
	});

	it("releases the whole reservation when no provider answers", async () => {
		await grant(acme, 100);
		const id = await newConversation(acme, acme.ownerCookie, MINI);
		const done = await ask(id, "doomed [[openai:500]] [[anthropic:500]]");
		expect(done).toMatchObject({ status: "failed", content: "", provider: null, usage: null });
		expect(done.error).toMatch(/No provider could answer/);
		expect((await ledger(acme)).map((r) => r.kind)).toEqual(["grant", "reserve", "release"]);
		expect(await balance(acme)).toEqual({ balance: 100, reserved: 0, available: 100 });
	});

	it("charges what was generated when the connection drops mid-reply", async () => {
		await grant(acme, 100);
		const id = await newConversation(acme, acme.ownerCookie, MINI);
		const done = await ask(id, "cut me off [[openai:cut]]");
		expect(done).toMatchObject({ status: "failed", provider: "openai", content: "Hello from" });
		const charged = creditsFor(mini, done.usage?.inputTokens ?? -1, done.usage?.outputTokens ?? -1);
		expect(done.usage?.credits).toBe(charged);
		expect((await ledger(acme)).at(-1)).toMatchObject({ kind: "settle", amount: charged });
		expect((await balance(acme)).balance).toBe(100 - charged);
	});

	it("Stop keeps and charges what was generated, settled once", async () => {
		await grant(acme, 100);
		const id = await newConversation(acme, acme.ownerCookie, MINI);
		const stream = await openStream(acme, id);
		const { reply } = await sent(await sendMessage(acme, id, { content: "tell me everything [[slow-stream]]" }));
		await stream.firstDelta(reply.id);
		const stop = await call(acme.host, `/api/v1/assistant/conversations/${id}/stop`, { method: "POST", cookie: acme.ownerCookie });
		expect(await stop.json()).toEqual({ stopped: [reply.id] });
		const done = await stream.until(reply.id);
		expect(done.status).toBe("stopped");
		expect(done.content).toMatch(/^word( word)*$/);
		const saved = (await treeOf(acme, id)).messages.find((m) => m.id === reply.id);
		expect(saved?.content).toBe(done.content);
		const charged = creditsFor(mini, done.usage?.inputTokens ?? -1, done.usage?.outputTokens ?? -1);
		expect(done.usage?.credits).toBe(charged);
		const rows = await ledger(acme);
		expect(rows.map((r) => r.kind)).toEqual(["grant", "reserve", "settle"]);
		expect(rows[2]?.amount).toBe(charged);
		expect(await balance(acme)).toEqual({ balance: 100 - charged, reserved: 0, available: 100 - charged });
		await stream.close();
	});
});

describe("retried sends", () => {
	it("a send replayed with the same Idempotency-Key returns the first pair and reserves nothing more", async () => {
		await grant(acme, 100);
		const id = await newConversation(acme, acme.ownerCookie, MINI);
		const stream = await openStream(acme, id);
		const post = () =>
			call(acme.host, `/api/v1/assistant/conversations/${id}/messages`, {
				body: { content: "only once please" },
				cookie: acme.ownerCookie,
				headers: { "Idempotency-Key": "tab-1-msg-7" },
			});
		const [first, second] = await Promise.all([post(), post()]);
		const a = await sent(first);
		const b = await sent(second);
		expect(b.userMessage.id).toBe(a.userMessage.id);
		expect(b.reply.id).toBe(a.reply.id);
		await stream.until(a.reply.id);
		const third = await sent(await post());
		expect(third.reply).toMatchObject({ id: a.reply.id, status: "done" });
		expect((await treeOf(acme, id)).messages).toHaveLength(2);
		const rows = await ledger(acme);
		expect(rows.filter((r) => r.kind === "settle")).toHaveLength(1);
		expect(rows.filter((r) => r.kind === "reserve").length - rows.filter((r) => r.kind === "release").length).toBe(1);
		expect(await balance(acme)).toEqual({ balance: 100 - OPENAI_CREDITS, reserved: 0, available: 100 - OPENAI_CREDITS });
		await stream.close();
	});
});

describe("refusals before streaming", () => {
	it("402 insufficient-credits with the balance and a top-up link, and nothing stored", async () => {
		const id = await newConversation(acme, acme.ownerCookie, MINI);
		const res = await sendMessage(acme, id, { content: "hello", modelId: MINI });
		expect(res.status).toBe(402);
		const body = (await problemOf(res)) as Awaited<ReturnType<typeof problemOf>> & Record<string, unknown>;
		expect(body).toMatchObject({
			type: "https://atrium.dev/problems/insufficient-credits",
			balance: 0,
			available: 0,
			topUpUrl: "/billing",
		});
		expect((await treeOf(acme, id)).messages).toEqual([]);
	});

	it("402 for someone who cannot manage billing: no top-up link, and what to do instead", async () => {
		await addMember(acme.tenantId, "staff", `sam@${acme.slug}.test`);
		const sam = await logIn(acme.host, `sam@${acme.slug}.test`);
		const id = await newConversation(acme, sam, MINI);
		const res = await sendMessage(acme, id, { content: "hello", modelId: MINI }, sam);
		expect(res.status).toBe(402);
		const body = (await problemOf(res)) as Awaited<ReturnType<typeof problemOf>> & Record<string, unknown>;
		expect(body).toMatchObject({ type: "https://atrium.dev/problems/insufficient-credits", available: 0 });
		expect(body.detail).toMatch(
			/; 0 are available\. Ask whoever manages your agency's billing to top up, or choose the free local model\.$/,
		);
		expect(body.topUpUrl).toBeUndefined();
		expect((await treeOf(acme, id, sam)).messages).toEqual([]);
	});

	it("credits running out mid-conversation stop the next call cleanly with 402", async () => {
		const reserve = creditsFor(mini, 40, mini.maxOutputTokens);
		await grant(acme, reserve + OPENAI_CREDITS);
		const id = await newConversation(acme, acme.ownerCookie, MINI);
		await ask(id, "one");
		await ask(id, "two");
		const third = await sendMessage(acme, id, { content: "three", modelId: MINI });
		expect(third.status).toBe(402);
		expect(await problemOf(third)).toMatchObject({ available: reserve - OPENAI_CREDITS });
		expect((await treeOf(acme, id)).messages).toHaveLength(4);
		expect((await balance(acme)).reserved).toBe(0);
	});

	it("429 with Retry-After once a user passes the plan's requests per minute", async () => {
		const id = await newConversation(acme);
		for (let i = 0; i < 10; i++) expect((await sendMessage(acme, id, { content: `quick ${i}` })).status).toBe(202);
		const res = await sendMessage(acme, id, { content: "one too many" });
		expect(res.status).toBe(429);
		expect(Number(res.headers.get("Retry-After"))).toBeGreaterThanOrEqual(1);
		expect((await problemOf(res)).type).toBe("https://atrium.dev/problems/rate-limited");
	});
});
