/**
 * A local fake of the AI providers for the worker tests: an OpenAI-compatible
 * `POST /openai/v1/chat/completions` and an Anthropic-compatible `POST /anthropic/v1/messages`,
 * both streaming. What it does is steered by directives in the last user message, so parallel
 * tests never share state: `[[openai:500]]`, `[[openai:429]]`, `[[openai:slow]]` (no token for
 * 5 s), `[[openai:cut]]` (two tokens, then the connection drops), `[[slow-stream]]` (a token every
 * 40 ms for 8 s), `[[short-stream]]` (the same for 2 s: 50 tokens); the same with `anthropic:`. `[[openai:echo-system]]` answers with the system
 * messages it was sent (so a test can see exactly what context reached the model). Usage is fixed: OpenAI 1000 in / 500 out, Anthropic 2000 in / 1000 out.
 * A prompt marked `[[probe:<id>]]` has the fake's own time to its first token recorded under that
 * id (the benchmark subtracts it to measure Atrium's overhead alone). `GET /openai/v1/models` and
 * `GET /anthropic/v1/models` list models for the right key and answer 401 otherwise (the "check key" call).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { FAKE_KEYS, FAKE_MODELS, FAKE_USAGE, FAKE_WORDS } from "./ai-provider-fixtures";

export { FAKE_KEYS } from "./ai-provider-fixtures";

type Provider = keyof typeof FAKE_KEYS;
type ChatBody = { messages?: { role: string; content: string }[]; model?: string; stream?: boolean };

function readBody(request: IncomingMessage): Promise<string> {
	return new Promise((resolve, reject) => {
		let data = "";
		request.on("data", (chunk: Buffer) => {
			data += chunk.toString("utf8");
		});
		request.on("end", () => resolve(data));
		request.on("error", reject);
	});
}

function directive(body: ChatBody, provider: Provider): string | null {
	const last = [...(body.messages ?? [])].reverse().find((m) => m.role === "user")?.content ?? "";
	if (last.includes("[[slow-stream]]")) return "slow-stream";
	if (last.includes("[[short-stream]]")) return "short-stream";
	return new RegExp(`\\[\\[${provider}:([\\w-]+)\\]\\]`).exec(last)?.[1] ?? null;
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function openAiChunk(text: string): string {
	return `data: ${JSON.stringify({ choices: [{ index: 0, delta: { content: text } }] })}\n\n`;
}

function anthropicEvent(type: string, payload: Record<string, unknown>): string {
	return `event: ${type}\ndata: ${JSON.stringify({ type, ...payload })}\n\n`;
}

/**
 * By probe id: when the request arrived (`performance.now()` of this process, so a probe in the
 * same process can split its own timings at the provider) and the milliseconds from then to the
 * first token being written.
 */
export type FirstTokenTimes = Map<string, { arrivedAt: number; firstTokenMs: number }>;

function probeId(body: ChatBody): string | null {
	const last = [...(body.messages ?? [])].reverse().find((m) => m.role === "user")?.content ?? "";
	return /\[\[probe:([\w-]+)\]\]/.exec(last)?.[1] ?? null;
}

function keyOf(provider: Provider, request: IncomingMessage): string | undefined {
	const header = provider === "openai" ? request.headers.authorization?.replace("Bearer ", "") : request.headers["x-api-key"];
	return typeof header === "string" ? header : undefined;
}

/** The model list, as each API shapes it, for the right key. */
function listModels(provider: Provider, request: IncomingMessage, response: ServerResponse): void {
	if (keyOf(provider, request) !== FAKE_KEYS[provider]) {
		response.writeHead(401, { "Content-Type": "application/json" }).end(JSON.stringify({ error: { message: "bad key" } }));
		return;
	}
	const data = FAKE_MODELS[provider].map((id) =>
		provider === "openai" ? { id, object: "model", owned_by: "fake" } : { id, type: "model" },
	);
	response.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify({ object: "list", data }));
}

async function answer(provider: Provider, request: IncomingMessage, response: ServerResponse, times: FirstTokenTimes): Promise<void> {
	const arrived = performance.now();
	if (keyOf(provider, request) !== FAKE_KEYS[provider]) {
		response.writeHead(401, { "Content-Type": "application/json" }).end(JSON.stringify({ error: { message: "bad key" } }));
		return;
	}
	const body = JSON.parse(await readBody(request)) as ChatBody;
	const mode = directive(body, provider);
	const probe = probeId(body);
	if (mode === "500") return void response.writeHead(500).end("upstream exploded");
	if (mode === "429") return void response.writeHead(429, { "Retry-After": "20" }).end("slow down");
	let closed = false;
	response.on("close", () => {
		closed = true;
	});
	response.writeHead(200, { "Content-Type": "text/event-stream" });
	if (mode === "slow") {
		await wait(5_000);
		if (!closed) response.end();
		return;
	}
	const systemText = (body.messages ?? [])
		.filter((m) => m.role === "system")
		.map((m) => m.content)
		.join("\n---\n");
	const words: string[] =
		mode === "slow-stream" || mode === "short-stream"
			? Array.from({ length: mode === "slow-stream" ? 200 : 50 }, (_, i) => (i === 0 ? "word" : " word"))
			: mode === "echo-system"
				? [systemText]
				: [...FAKE_WORDS[provider]];
	const usage = FAKE_USAGE[provider];
	if (provider === "anthropic") {
		response.write(anthropicEvent("message_start", { message: { usage: { input_tokens: usage.input, output_tokens: 1 } } }));
	}
	for (const [index, word] of words.entries()) {
		if (closed) return;
		if (mode === "cut" && index === 2) return void response.destroy();
		response.write(
			provider === "openai"
				? openAiChunk(word)
				: anthropicEvent("content_block_delta", { index: 0, delta: { type: "text_delta", text: word } }),
		);
		if (index === 0 && probe !== null) times.set(probe, { arrivedAt: arrived, firstTokenMs: performance.now() - arrived });
		if (mode === "slow-stream" || mode === "short-stream") await wait(40);
		if (mode === "cut") await wait(30);
	}
	if (provider === "openai") {
		response.write(`data: ${JSON.stringify({ choices: [], usage: { prompt_tokens: usage.input, completion_tokens: usage.output } })}\n\n`);
		response.end("data: [DONE]\n\n");
	} else {
		response.write(anthropicEvent("message_delta", { delta: { stop_reason: "end_turn" }, usage: { output_tokens: usage.output } }));
		response.end(anthropicEvent("message_stop", {}));
	}
}

export function startFakeAiServer(): Promise<{ server: Server; port: number; firstTokenTimes: FirstTokenTimes }> {
	const firstTokenTimes: FirstTokenTimes = new Map();
	const server = createServer((request, response) => {
		if (request.method === "GET" && request.url === "/openai/v1/models") return listModels("openai", request, response);
		if (request.method === "GET" && request.url === "/anthropic/v1/models") return listModels("anthropic", request, response);
		const route =
			request.method === "POST" && request.url === "/openai/v1/chat/completions"
				? "openai"
				: request.method === "POST" && request.url === "/anthropic/v1/messages"
					? "anthropic"
					: null;
		if (!route) return void response.writeHead(404).end();
		answer(route, request, response, firstTokenTimes).catch(() => response.destroy());
	});
	return new Promise((resolve) => {
		server.listen(0, "127.0.0.1", () => {
			server.unref();
			const address = server.address();
			resolve({ server, port: typeof address === "object" && address ? address.port : 0, firstTokenTimes });
		});
	});
}
