/**
 * An agency's own AI provider keys (Settings → AI providers): saved only after the check call passes
 * against the provider (the local AI fake, real client code), sealed at rest and never returned
 * (last four only), audited when added or removed; the agency's OpenAI-compatible endpoint then
 * answers replies, which credits pay for and the Usage summary shows by person and model. Owners
 * and admins only; another agency and the agency's clients see none of it.
 */
import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { compatibleModel, creditsFor } from "../../schema/ai-models";
import type { UsageSummary } from "../../schema/credits";
import type { AiProviderKeyList, AiProviderKeyView } from "../../schema/dto/ai-provider-keys";
import { FAKE_KEYS, FAKE_USAGE, FAKE_WORDS } from "../fakes/ai-provider-fixtures";
import { type Agency, logIn, signUpUniqueAgency, uniqueSlug } from "../support/agencies";
import { call, problemOf } from "../support/http";
import { grant, newConversation, openStream, sendMessage, sent } from "./assistant-helpers";
import { addMember } from "./members";
import { json, type PortalAgency, portalAgency } from "./portal-fixtures";

/** The fake's OpenAI-compatible API, as an agency would type its address. */
const FAKE_ENDPOINT = String((env as { OPENAI_BASE_URL?: string }).OPENAI_BASE_URL);
const CUSTOM_MODEL = "custom/fake-llama-3.3-70b";
const ENDPOINT_BODY = { apiKey: FAKE_KEYS.openai, baseUrl: FAKE_ENDPOINT, models: ["fake-llama-3.3-70b"] };

const keysPath = "/api/v1/assistant/provider-keys";

function save(agency: Agency, kind: string, body: unknown, cookie = agency.ownerCookie) {
	return call(agency.host, `${keysPath}/${kind}`, { method: "PUT", body, cookie });
}

async function keyRows(agency: Agency) {
	return (
		await env.DB.prepare("SELECT kind, sealed_key, last_four, base_url FROM ai_provider_keys WHERE tenant_id = ?")
			.bind(agency.tenantId)
			.all<{
				kind: string;
				sealed_key: string;
				last_four: string;
				base_url: string | null;
			}>()
	).results;
}

async function auditActions(agency: Agency): Promise<string[]> {
	const rows = await env.DB.prepare(
		"SELECT action FROM audit_events WHERE tenant_id = ? AND action LIKE 'ai_provider_key.%' ORDER BY created_at",
	)
		.bind(agency.tenantId)
		.all<{ action: string }>();
	return rows.results.map((r) => r.action);
}

async function models(agency: Agency, cookie = agency.ownerCookie) {
	return json<{ models: { id: string; label: string; source: string }[]; defaultModelId: string }>(
		call(agency.host, "/api/v1/assistant/models", { cookie }),
	);
}

let acme: PortalAgency;
beforeEach(async () => {
	acme = await portalAgency(uniqueSlug("aikeys-acme"));
});

describe("connecting an agency's own AI keys", () => {
	it("saves an OpenAI-compatible endpoint after the check passes, sealed, shown by its last four only, and audited once", async () => {
		const res = await save(acme, "openai-compatible", ENDPOINT_BODY);
		expect(res.status).toBe(200);
		const view = (await res.json()) as AiProviderKeyView;
		expect(view).toMatchObject({
			kind: "openai-compatible",
			label: "OpenAI-compatible endpoint",
			lastFour: FAKE_KEYS.openai.slice(-4),
			baseUrl: FAKE_ENDPOINT,
			models: ["fake-llama-3.3-70b"],
			check: { status: "passed", detail: null },
			offeredModels: [{ id: CUSTOM_MODEL, label: "fake-llama-3.3-70b (your endpoint)", allowed: true }],
		});
		const listed = await call(acme.host, keysPath, { cookie: acme.ownerCookie });
		const text = await listed.text();
		expect(text).not.toContain(FAKE_KEYS.openai);
		expect((JSON.parse(text) as AiProviderKeyList).keys.map((k) => k.kind)).toEqual(["openai-compatible"]);
		// At rest: sealed, the key nowhere in the row.
		const [row] = await keyRows(acme);
		expect(row?.sealed_key.startsWith("enc:v1:")).toBe(true);
		expect(JSON.stringify(row)).not.toContain(FAKE_KEYS.openai);

		// Saving the same again changes nothing and is not audited twice.
		expect((await save(acme, "openai-compatible", ENDPOINT_BODY)).status).toBe(200);
		expect(await auditActions(acme)).toEqual(["ai_provider_key.added"]);
	});

	it("refuses a key the provider refuses, an unsafe or missing address and a model the endpoint does not serve, naming the field and storing nothing", async () => {
		const cases: [string, unknown, string][] = [
			["openai-compatible", { ...ENDPOINT_BODY, apiKey: "sk-wrong-key-0000" }, "apiKey"],
			["openai", { apiKey: "sk-wrong-key-0000" }, "apiKey"],
			["anthropic", { apiKey: "sk-ant-wrong-0000" }, "apiKey"],
			["openai-compatible", { ...ENDPOINT_BODY, baseUrl: "not a url" }, "baseUrl"],
			["openai-compatible", { ...ENDPOINT_BODY, baseUrl: "https://10.0.0.7/v1" }, "baseUrl"],
			["openai-compatible", { ...ENDPOINT_BODY, baseUrl: "https://169.254.169.254/latest" }, "baseUrl"],
			["openai-compatible", { ...ENDPOINT_BODY, baseUrl: `${FAKE_ENDPOINT}/nowhere` }, "baseUrl"],
			["openai-compatible", { ...ENDPOINT_BODY, models: ["gpt-5-imaginary"] }, "models.0"],
			["openai-compatible", { apiKey: FAKE_KEYS.openai, baseUrl: FAKE_ENDPOINT }, "models"],
			["openai-compatible", { apiKey: FAKE_KEYS.openai, models: ["x"] }, "baseUrl"],
			["openai", { apiKey: FAKE_KEYS.openai, baseUrl: FAKE_ENDPOINT }, "baseUrl"],
			["openai", {}, "apiKey"],
			["openai", { apiKey: FAKE_KEYS.openai, extra: 1 }, "extra"],
			["mistral", { apiKey: FAKE_KEYS.openai }, "kind"],
		];
		for (const [kind, body, path] of cases) {
			const res = await save(acme, kind, body);
			expect(res.status, `${kind} ${JSON.stringify(body)}`).toBe(422);
			const problem = await problemOf(res);
			expect(
				problem.errors?.map((e) => e.path),
				`${kind} ${JSON.stringify(body)}`,
			).toContain(path);
		}
		expect(await keyRows(acme)).toEqual([]);
		expect(await auditActions(acme)).toEqual([]);
	});

	it("an OpenAI key replaces the deployment's for the catalogue models and shows which the plan allows", async () => {
		const before = await models(acme);
		expect(before.models.find((m) => m.id === "openai/gpt-4o-mini")?.source).toBe("platform");
		const view = await json<AiProviderKeyView>(save(acme, "anthropic", { apiKey: FAKE_KEYS.anthropic }));
		// Starter: Claude Sonnet needs Pro or Agency.
		expect(view.offeredModels.map((m) => [m.id, m.allowed])).toEqual([
			["openai/gpt-4o-mini", true],
			["anthropic/claude-sonnet-4-5", false],
		]);
		await json(save(acme, "openai", { apiKey: FAKE_KEYS.openai }));
		const after = await models(acme);
		expect(after.models.find((m) => m.id === "openai/gpt-4o-mini")?.source).toBe("agency-key");
		expect(after.defaultModelId).toBe("openai/gpt-4o-mini");
	});

	it("checks a stored key on demand and records a failure without dropping the key", async () => {
		await json(save(acme, "openai-compatible", ENDPOINT_BODY));
		const checked = await json<AiProviderKeyView>(
			call(acme.host, `${keysPath}/openai-compatible/check`, { cookie: acme.ownerCookie, body: {} }),
		);
		expect(checked.check.status).toBe("passed");
		// The endpoint moved away: the next check fails, naming why, and the key stays connected.
		await env.DB.prepare("UPDATE ai_provider_keys SET base_url = ? WHERE tenant_id = ?")
			.bind(`${FAKE_ENDPOINT}/moved`, acme.tenantId)
			.run();
		const failed = await json<AiProviderKeyView>(
			call(acme.host, `${keysPath}/openai-compatible/check`, { cookie: acme.ownerCookie, body: {} }),
		);
		expect(failed.check).toMatchObject({ status: "failed", detail: expect.stringMatching(/^baseUrl has no \/models endpoint/) });
		expect((await keyRows(acme)).length).toBe(1);
		const none = await call(acme.host, `${keysPath}/anthropic/check`, { cookie: acme.ownerCookie, body: {} });
		expect(none.status).toBe(404);
	});

	it("removes a key (audited) and its models leave the assistant", async () => {
		await json(save(acme, "openai-compatible", ENDPOINT_BODY));
		expect((await models(acme)).models.map((m) => m.id)).toContain(CUSTOM_MODEL);
		expect((await call(acme.host, `${keysPath}/openai-compatible`, { method: "DELETE", cookie: acme.ownerCookie })).status).toBe(204);
		expect((await call(acme.host, `${keysPath}/openai-compatible`, { method: "DELETE", cookie: acme.ownerCookie })).status).toBe(404);
		expect((await models(acme)).models.map((m) => m.id)).not.toContain(CUSTOM_MODEL);
		expect(await keyRows(acme)).toEqual([]);
		expect(await auditActions(acme)).toEqual(["ai_provider_key.added", "ai_provider_key.removed"]);
	});
});

describe("replies through the agency's own key", () => {
	it("answers through the endpoint, is paid for in credits, and the Usage summary names the person and the model", async () => {
		await json(save(acme, "openai-compatible", ENDPOINT_BODY));
		const catalogue = await models(acme);
		expect(catalogue.defaultModelId).toBe(CUSTOM_MODEL);
		expect(catalogue.models.find((m) => m.id === CUSTOM_MODEL)).toMatchObject({
			label: "fake-llama-3.3-70b (your endpoint)",
			source: "agency-key",
		});
		await grant(acme, 100, "aikeys-grant");
		const id = await newConversation(acme, acme.ownerCookie, CUSTOM_MODEL);
		const stream = await openStream(acme, id);
		const { reply } = await sent(await sendMessage(acme, id, { content: "Plan the launch", modelId: CUSTOM_MODEL }));
		const done = await stream.until(reply.id);
		await stream.close();
		// Paid at the standard rate: 1,000 tokens in at 1 credit and 500 out at 4 credits per 1,000.
		const credits = creditsFor(compatibleModel("fake-llama-3.3-70b"), FAKE_USAGE.openai.input, FAKE_USAGE.openai.output);
		expect(credits).toBe(3);
		expect(done).toMatchObject({
			status: "done",
			provider: "openai-compatible",
			providerModel: "fake-llama-3.3-70b",
			content: FAKE_WORDS.openai.join(""),
			usage: { inputTokens: 1000, outputTokens: 500, credits },
		});
		expect(await env.TENANT_GATE.getByName(acme.tenantId).credits()).toEqual({
			balance: 100 - credits,
			reserved: 0,
			available: 100 - credits,
		});

		const summary = await json<UsageSummary>(call(acme.host, "/api/v1/usage/credits/summary", { cookie: acme.ownerCookie }));
		expect(summary.byModel).toEqual([
			{ model: CUSTOM_MODEL, label: "fake-llama-3.3-70b (your endpoint)", credits, calls: 1, moneyCents: credits },
		]);
		expect(summary.byUser).toEqual([{ userId: acme.owner.id, name: "Olive Owner", credits, calls: 1, moneyCents: credits }]);
		expect(summary.breakdown).toEqual([
			{
				day: new Date().toISOString().slice(0, 10),
				feature: "assistant",
				userId: acme.owner.id,
				name: "Olive Owner",
				model: CUSTOM_MODEL,
				label: "fake-llama-3.3-70b (your endpoint)",
				credits,
				calls: 1,
				moneyCents: credits,
			},
		]);
	});
});

describe("who may see and change the keys", () => {
	it("owners and admins only: staff and each client's people get 403 and change nothing", async () => {
		const adminEmail = `admin@${acme.slug}.test`;
		await addMember(acme.tenantId, "admin", adminEmail);
		const admin = await logIn(acme.host, adminEmail);
		expect((await save(acme, "openai-compatible", ENDPOINT_BODY, admin)).status).toBe(200);
		for (const cookie of [acme.staffCookie, acme.xUser.cookie, acme.yUser.cookie]) {
			expect((await call(acme.host, keysPath, { cookie })).status).toBe(403);
			expect((await save(acme, "openai", { apiKey: FAKE_KEYS.openai }, cookie)).status).toBe(403);
			expect((await call(acme.host, `${keysPath}/openai-compatible/check`, { cookie, body: {} })).status).toBe(403);
			expect((await call(acme.host, `${keysPath}/openai-compatible`, { method: "DELETE", cookie })).status).toBe(403);
			expect((await call(acme.host, "/api/v1/usage/credits/summary", { cookie })).status).toBe(403);
		}
		expect((await keyRows(acme)).map((r) => r.kind)).toEqual(["openai-compatible"]);
		// A client's person chats through the agency's endpoint too, but never sees the key.
		const forClient = await call(acme.host, "/api/v1/assistant/models", { cookie: acme.xUser.cookie });
		const text = await forClient.text();
		expect(text).toContain(CUSTOM_MODEL);
		expect(text).not.toContain(FAKE_KEYS.openai);
		expect(text).not.toContain("lastFour");
	});

	it("another agency sees, checks and removes none of them, and is not offered their models", async () => {
		const beta = await signUpUniqueAgency("aikeys-beta");
		await json(save(acme, "openai-compatible", ENDPOINT_BODY));
		expect(await json<AiProviderKeyList>(call(beta.host, keysPath, { cookie: beta.ownerCookie }))).toEqual({ keys: [], planId: "starter" });
		expect((await call(beta.host, `${keysPath}/openai-compatible/check`, { cookie: beta.ownerCookie, body: {} })).status).toBe(404);
		expect((await call(beta.host, `${keysPath}/openai-compatible`, { method: "DELETE", cookie: beta.ownerCookie })).status).toBe(404);
		expect((await models(beta)).models.map((m) => m.id)).not.toContain(CUSTOM_MODEL);
		// Beta's cookie on Acme's host opens nothing.
		expect((await call(acme.host, keysPath, { cookie: beta.ownerCookie })).status).toBe(401);
		expect((await keyRows(acme)).length).toBe(1);
		const betaConversation = await newConversation(beta);
		const refused = await sendMessage(beta, betaConversation, { content: "hi", modelId: CUSTOM_MODEL });
		expect(refused.status).toBe(422);
		expect((await problemOf(refused)).errors).toEqual([{ path: "modelId", message: "is not a model your plan allows" }]);
	});
});
