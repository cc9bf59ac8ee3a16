/**
 * A local stand-in for Cloudflare Turnstile: the siteverify endpoint with its documented request
 * (form-encoded or JSON `secret`, `response`, `remoteip`, `idempotency_key`), answers and error
 * codes, and a tiny widget script (`/turnstile/v0/api.js`) that gives each `.cf-turnstile`
 * element a token the way the real widget does (a hidden `cf-turnstile-response` input, the
 * `data-callback`, and `window.turnstile.render/reset/getResponse/remove`).
 *
 * Keys, as documented (https://developers.cloudflare.com/turnstile/troubleshooting/testing/):
 * - the test secret keys: `1x…AA` always passes, `2x…AA` always fails (`invalid-input-response`),
 *   `3x…AA` answers "token already spent" (`timeout-or-duplicate`); they accept the dummy token
 *   `XXXX.DUMMY.TOKEN.XXXX` that the test site keys' widgets produce;
 * - the fake's own "production" pair (FAKE_TURNSTILE): its widget issues real single-use tokens,
 *   valid for 300 s; a spent token answers `timeout-or-duplicate` (unless re-verified with the same
 *   idempotency key, which answers as the first time), the dummy token `invalid-input-response`.
 * Any other secret is `invalid-input-secret`. Tests mint tokens at `POST /__test/tokens`.
 */
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export const FAKE_TURNSTILE = { siteKey: "0x4AAAAAAAfakeSiteKeyAtrium", secretKey: "0x4AAAAAAAfakeSecretKeyAtrium" } as const;

export const TURNSTILE_TEST_KEYS = {
	siteAlwaysPasses: "1x00000000000000000000AA",
	siteAlwaysBlocks: "2x00000000000000000000AB",
	secretAlwaysPasses: "1x0000000000000000000000000000000AA",
	secretAlwaysFails: "2x0000000000000000000000000000000AA",
	secretTokenSpent: "3x0000000000000000000000000000000AA",
	dummyToken: "XXXX.DUMMY.TOKEN.XXXX",
} as const;

const TOKEN_LIFETIME_MS = 300_000;

type Issued = { issuedAt: number; spent: boolean; hostname: string };

export type LocalTurnstile = { url: string; server: Server };

async function readBody(req: IncomingMessage): Promise<Record<string, string>> {
	let text = "";
	for await (const chunk of req) text += chunk;
	if ((req.headers["content-type"] ?? "").startsWith("application/json")) {
		try {
			const parsed = JSON.parse(text) as Record<string, unknown>;
			return Object.fromEntries(Object.entries(parsed).map(([k, v]) => [k, String(v)]));
		} catch {
			return {};
		}
	}
	return Object.fromEntries(new URLSearchParams(text));
}

function send(res: ServerResponse, status: number, body: unknown, type = "application/json"): void {
	res.writeHead(status, { "Content-Type": type, "Access-Control-Allow-Origin": "*", "Access-Control-Allow-Headers": "Content-Type" });
	res.end(typeof body === "string" ? body : JSON.stringify(body));
}

const failure = (code: string) => ({ success: false, "error-codes": [code], messages: [] });
const success = (hostname: string, at: number) => ({
	success: true,
	challenge_ts: new Date(at).toISOString(),
	hostname,
	"error-codes": [],
	action: "",
	cdata: "",
	metadata: { ephemeral_id: `x:${randomUUID()}` },
});

export async function startLocalTurnstile(): Promise<LocalTurnstile> {
	const tokens = new Map<string, Issued>();
	/** Answers already given per `token|idempotency_key`: a retried verification answers the same. */
	const answered = new Map<string, unknown>();

	const issue = (siteKey: string, hostname: string, issuedAt = Date.now()): string | null => {
		if (siteKey === TURNSTILE_TEST_KEYS.siteAlwaysBlocks) return null;
		if (siteKey !== FAKE_TURNSTILE.siteKey) return TURNSTILE_TEST_KEYS.dummyToken;
		const token = `fake.${randomUUID()}`;
		tokens.set(token, { issuedAt, spent: false, hostname });
		return token;
	};

	const verify = (input: Record<string, string>): unknown => {
		const { secret, response } = input;
		if (!secret) return failure("missing-input-secret");
		if (secret === TURNSTILE_TEST_KEYS.secretAlwaysPasses) return success("example.com", Date.now());
		if (secret === TURNSTILE_TEST_KEYS.secretAlwaysFails) return failure("invalid-input-response");
		if (secret === TURNSTILE_TEST_KEYS.secretTokenSpent) return failure("timeout-or-duplicate");
		if (secret !== FAKE_TURNSTILE.secretKey) return failure("invalid-input-secret");
		if (!response) return failure("missing-input-response");
		const key = input.idempotency_key ? `${response}|${input.idempotency_key}` : null;
		if (key && answered.has(key)) return answered.get(key);
		const issued = tokens.get(response);
		let answer: unknown;
		if (!issued || response.length > 2048) answer = failure("invalid-input-response");
		else if (issued.spent || Date.now() - issued.issuedAt > TOKEN_LIFETIME_MS) answer = failure("timeout-or-duplicate");
		else {
			issued.spent = true;
			answer = success(issued.hostname, issued.issuedAt);
		}
		if (key) answered.set(key, answer);
		return answer;
	};

	const server = createServer(async (req, res) => {
		const url = new URL(req.url ?? "/", "http://localhost");
		if (req.method === "OPTIONS") return send(res, 204, "");
		if (url.pathname === "/turnstile/v0/siteverify") {
			if (req.method !== "POST") return send(res, 405, failure("bad-request"));
			return send(res, 200, verify(await readBody(req)));
		}
		if (url.pathname === "/turnstile/v0/api.js" && req.method === "GET") {
			return send(res, 200, widgetScript(`http://${req.headers.host}`), "text/javascript; charset=utf-8");
		}
		if ((url.pathname === "/__fake/widget-token" || url.pathname === "/__test/tokens") && req.method === "POST") {
			const body = await readBody(req);
			const issuedAt = body.issuedAt ? Number(body.issuedAt) : undefined;
			const token = issue(body.sitekey ?? FAKE_TURNSTILE.siteKey, body.hostname ?? "localhost", issuedAt);
			return token ? send(res, 200, { token }) : send(res, 200, { error: "blocked" });
		}
		send(res, 404, failure("bad-request"));
	});
	await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
	server.unref();
	return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

/** The widget: implicit rendering of `.cf-turnstile` plus the explicit `window.turnstile` API. */
function widgetScript(origin: string): string {
	return `(() => {
  const widgets = new Map();
  let next = 0;
  async function solve(id) {
    const w = widgets.get(id);
    const res = await fetch(${JSON.stringify(origin)} + "/__fake/widget-token", {
      method: "POST", headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ sitekey: w.sitekey, hostname: location.hostname }),
    });
    const answer = await res.json();
    if (!answer.token) { w.onError && w.onError("blocked"); return; }
    w.token = answer.token;
    w.input.value = answer.token;
    w.el.setAttribute("data-state", "solved");
    w.onSuccess && w.onSuccess(answer.token);
  }
  function callbackOf(value) { return typeof value === "function" ? value : (value && window[value]) || null; }
  function render(target, options) {
    const el = typeof target === "string" ? document.querySelector(target) : target;
    options = options || {};
    const id = "cf-chl-widget-" + (next++);
    const input = document.createElement("input");
    input.type = "hidden"; input.name = "cf-turnstile-response"; input.id = id + "_response";
    el.appendChild(input);
    const label = document.createElement("span");
    label.textContent = "Verified by the local Turnstile";
    el.appendChild(label);
    widgets.set(id, { el, input, token: "", sitekey: options.sitekey || el.getAttribute("data-sitekey"),
      onSuccess: callbackOf(options.callback || el.getAttribute("data-callback")),
      onError: callbackOf(options["error-callback"] || el.getAttribute("data-error-callback")) });
    solve(id);
    return id;
  }
  window.turnstile = {
    render,
    reset(id) { const w = widgets.get(id); if (w) { w.token = ""; w.input.value = ""; solve(id); } },
    getResponse(id) { const w = widgets.get(id); return w ? w.token : undefined; },
    remove(id) { const w = widgets.get(id); if (w) { w.input.remove(); widgets.delete(id); } },
  };
  for (const el of document.querySelectorAll(".cf-turnstile")) render(el, {});
})();
`;
}
