/**
 * A local Stripe for development and tests: a node:http server answering the Stripe API calls
 * Atrium makes, serving a Checkout page where test cards pay or fail, a portal and hosted invoices,
 * and sending signed webhooks to the Worker. Test controls under /_fake move time forward, for the
 * customer concerned only (Stripe's test-clock semantics: see store.ts).
 *
 *   POST /_fake/checkout/:id/pay {card}                 pay a Checkout session without the browser
 *   POST /_fake/subscriptions/:id/:step                 step = trial_will_end | renew | retry | unpaid
 *   POST /_fake/customers/:id/card {card}               replace the card (retries open invoices)
 *   POST /_fake/test_clocks/:id/advance {frozen_time}    advance a test clock (as /v1/test_helpers/…/advance)
 *   GET  /_fake/events                                  every event so far, signed
 *   GET  /_fake/meter_events                            billing meter events received
 *   POST /_fake/webhook {url}                           where to deliver webhooks (null: keep them for pulling)
 * Each control answers `{ events: SignedEvent[] }` with the events it produced.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { handleApi } from "./api";
import { parseStripeForm } from "./form-body";
import { markUnpaid, payCheckout, renew, retry, trialWillEnd, updateCard } from "./lifecycle";
import { checkoutPage, invoicePage, invoicePdf, portalPage } from "./pages";
import { FakeStripeStore } from "./store";
import { deliver, type SignedEvent, signEvent } from "./webhooks";

export type StripeFakeOptions = { port?: number; webhookSecret: string; webhookUrl?: string | null; log?: (line: string) => void };
export type StripeFake = { url: string; port: number; store: FakeStripeStore; close(): Promise<void> };

function readBody(req: IncomingMessage): Promise<string> {
	return new Promise((resolve, reject) => {
		let body = "";
		req.setEncoding("utf8");
		req.on("data", (chunk: string) => {
			body += chunk;
		});
		req.on("end", () => resolve(body));
		req.on("error", reject);
	});
}

function send(res: ServerResponse, status: number, body: string | Buffer, type: string, headers: Record<string, string> = {}): void {
	res.writeHead(status, { "Content-Type": type, ...headers });
	res.end(body);
}

const json = (res: ServerResponse, status: number, body: unknown) => send(res, status, JSON.stringify(body), "application/json");

export async function startStripeFake(options: StripeFakeOptions): Promise<StripeFake> {
	const log = options.log ?? ((line: string) => console.warn(line));
	let webhookUrl = options.webhookUrl ?? null;
	let store: FakeStripeStore | undefined;
	let delivered = 0;
	/** Signs the events produced since the last call and delivers them, in order. */
	const flush = async (): Promise<SignedEvent[]> => {
		if (!store) return [];
		const fresh = store.events.slice(delivered).map((e) => signEvent(e, options.webhookSecret));
		delivered = store.events.length;
		await deliver(webhookUrl, fresh, log);
		return fresh;
	};

	const handle = async (req: IncomingMessage, res: ServerResponse, fake: FakeStripeStore): Promise<void> => {
		const url = new URL(req.url ?? "/", fake.baseUrl);
		const method = req.method ?? "GET";
		const body = method === "GET" || method === "DELETE" ? "" : await readBody(req);
		let m: RegExpMatchArray | null;
		if (url.pathname.startsWith("/v1/")) {
			if (!/^Bearer sk_test_\w+/.test(req.headers.authorization ?? "")) {
				return json(res, 401, { error: { type: "invalid_request_error", message: "Invalid API Key provided." } });
			}
			const form = parseStripeForm(method === "GET" || method === "DELETE" ? url.search.slice(1) : body);
			const idempotencyKey = method === "POST" ? req.headers["idempotency-key"] : undefined;
			const replay = typeof idempotencyKey === "string" ? fake.idempotentAnswers.get(idempotencyKey) : undefined;
			if (replay) return json(res, replay.status, replay.body);
			const result = handleApi(fake, method, url.pathname, form);
			if (typeof idempotencyKey === "string" && result.status < 500) fake.idempotentAnswers.set(idempotencyKey, result);
			await flush();
			return json(res, result.status, result.body);
		}
		m = url.pathname.match(/^\/checkout\/([\w-]+)$/);
		if (m) {
			const session = fake.sessions.get(m[1] ?? "");
			if (!session) return send(res, 404, "No such checkout session", "text/plain");
			if (method === "GET") return send(res, 200, checkoutPage(session), "text/html; charset=utf-8");
			const outcome = payCheckout(fake, session, new URLSearchParams(body).get("card") ?? "");
			await flush();
			if (!outcome.ok) return send(res, 402, checkoutPage(session, outcome.message), "text/html; charset=utf-8");
			return send(res, 303, "", "text/plain", { Location: outcome.redirect });
		}
		m = url.pathname.match(/^\/portal\/([\w-]+)$/);
		if (m) {
			const portal = fake.portalSessions.get(m[1] ?? "");
			if (!portal) return send(res, 404, "No such portal session", "text/plain");
			if (method === "GET") return send(res, 200, portalPage(portal), "text/html; charset=utf-8");
			updateCard(fake, String(portal.customer), new URLSearchParams(body).get("card") ?? "");
			await flush();
			return send(res, 303, "", "text/plain", { Location: String(portal.return_url) });
		}
		m = url.pathname.match(/^\/invoices\/([\w-]+)(\/pdf)?$/);
		if (m) {
			const invoice = fake.invoices.get(m[1] ?? "");
			if (!invoice) return send(res, 404, "No such invoice", "text/plain");
			return m[2]
				? send(res, 200, invoicePdf(invoice), "application/pdf")
				: send(res, 200, invoicePage(invoice), "text/html; charset=utf-8");
		}
		if (url.pathname.startsWith("/_fake/")) {
			const input = body ? (JSON.parse(body) as { card?: string; url?: string | null; frozen_time?: number }) : {};
			if (url.pathname === "/_fake/events") return json(res, 200, { events: fake.events.map((e) => signEvent(e, options.webhookSecret)) });
			if (url.pathname === "/_fake/meter_events") return json(res, 200, { meterEvents: [...fake.meterEvents.values()] });
			if (url.pathname === "/_fake/webhook") {
				webhookUrl = input.url ?? null;
				return json(res, 200, { url: webhookUrl });
			}
			m = url.pathname.match(/^\/_fake\/checkout\/([\w-]+)\/pay$/);
			if (m) {
				const session = fake.sessions.get(m[1] ?? "");
				if (!session) return json(res, 404, { error: "no such session" });
				const outcome = payCheckout(fake, session, input.card ?? "");
				return json(res, outcome.ok ? 200 : 402, { ...outcome, events: await flush() });
			}
			m = url.pathname.match(/^\/_fake\/test_clocks\/([\w-]+)\/advance$/);
			if (m) {
				const answer = handleApi(fake, "POST", `/v1/test_helpers/test_clocks/${m[1]}/advance`, {
					frozen_time: String(input.frozen_time ?? ""),
				});
				return json(res, answer.status, { clock: answer.body, events: await flush() });
			}
			m = url.pathname.match(/^\/_fake\/customers\/([\w-]+)\/card$/);
			if (m) {
				updateCard(fake, m[1] ?? "", input.card ?? "");
				return json(res, 200, { events: await flush() });
			}
			m = url.pathname.match(/^\/_fake\/subscriptions\/([\w-]+)\/(trial_will_end|renew|retry|unpaid)$/);
			if (m) {
				const subscription = fake.subscriptions.get(m[1] ?? "");
				if (!subscription) return json(res, 404, { error: "no such subscription" });
				const step = { trial_will_end: trialWillEnd, renew, retry, unpaid: markUnpaid }[m[2] as "renew"];
				step(fake, subscription);
				return json(res, 200, { events: await flush() });
			}
		}
		return send(res, 404, "Not found", "text/plain");
	};

	const server = createServer((req, res) => {
		if (!store) return send(res, 503, "starting", "text/plain");
		handle(req, res, store).catch((error: unknown) => {
			log(`stripe-fake: ${String(error)}`);
			if (!res.headersSent) json(res, 500, { error: { type: "api_error", message: String(error) } });
		});
	});
	await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
	const port = (server.address() as AddressInfo).port;
	const url = `http://127.0.0.1:${port}`;
	store = new FakeStripeStore(url);
	return {
		url,
		port,
		store,
		close: () => new Promise<void>((resolve) => server.close(() => resolve())),
	};
}
