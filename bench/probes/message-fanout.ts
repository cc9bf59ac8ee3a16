/**
 * Message fan-out: 100 WebSockets connected to one thread (through the app's socket route and the
 * tenant's MessagingHub, hibernation API), then messages posted one after another through the REST
 * route; for every message and every socket, the time from the POST leaving to the `message` event
 * arriving. Reports p50/p99 delivery and checks each socket got each message exactly once.
 */
import WebSocket from "ws";
import { type Spread, spread } from "../lib/percentiles";
import { preparePortalAgency } from "../scenarios/portal-fixtures";
import type { ScenarioContext } from "../scenarios/types";

export const FANOUT_PROBE_ID = "message-fanout";
const SOCKETS = 100;
const MESSAGES = 30;
/** The first messages warm the path (JIT, D1, the hub waking) and are not counted. */
const WARM_UP_MESSAGES = 3;
const CONNECT_TIMEOUT_MS = 30_000;
const DELIVERY_TIMEOUT_MS = 10_000;

export type FanoutResult = {
	sockets: number;
	messages: number;
	deliveryMs: Spread;
	/**
	 * Per message: to its first socket (the post and the hub call, before any per-socket work) and
	 * from its first socket to its last (the per-socket part: the hub's sends, the frames, the client).
	 */
	firstSocketMs: Spread;
	lastMinusFirstMs: Spread;
	/** Deliveries that did not arrive exactly once (0 when all is right). */
	missingOrDoubled: number;
};

type Listener = { socket: WebSocket; seen: Map<string, number> };

function connect(url: string, host: string, cookie: string): Promise<Listener> {
	return new Promise((resolve, reject) => {
		// `ws`, as Node's own WebSocket ignores a Host header: the tenant's Host and the session cookie.
		const socket = new WebSocket(url, { headers: { Host: host, Cookie: cookie, Origin: `http://${host}` } });
		const listener: Listener = { socket, seen: new Map() };
		const timer = setTimeout(() => reject(new Error("a socket did not say hello in time")), CONNECT_TIMEOUT_MS);
		socket.on("message", (data) => {
			const frame = JSON.parse(String(data)) as { type: string; message?: { id: string } };
			if (frame.type === "hello") {
				clearTimeout(timer);
				resolve(listener);
			}
			if (frame.type === "message" && frame.message) listener.seen.set(frame.message.id, (listener.seen.get(frame.message.id) ?? 0) + 1);
		});
		socket.on("error", (error) => {
			clearTimeout(timer);
			reject(new Error(`a socket failed to connect: ${error.message}`));
		});
	});
}

/** Resolves with each listener's arrival time of message `id`. */
function arrivals(listeners: Listener[], id: string): Promise<number[]> {
	return Promise.all(
		listeners.map(
			(listener) =>
				new Promise<number>((resolve, reject) => {
					const timer = setTimeout(() => reject(new Error(`message ${id} did not reach every socket`)), DELIVERY_TIMEOUT_MS);
					const onMessage = (data: WebSocket.RawData) => {
						const frame = JSON.parse(String(data)) as { type: string; message?: { id: string } };
						if (frame.type !== "message" || frame.message?.id !== id) return;
						clearTimeout(timer);
						listener.socket.off("message", onMessage);
						resolve(performance.now());
					};
					listener.socket.on("message", onMessage);
				}),
		),
	);
}

export async function measureFanout(context: ScenarioContext): Promise<FanoutResult> {
	const agency = await preparePortalAgency(context, "bench-fanout", { clients: 1, messages: 0 });
	const url = `${context.http.origin.href.replace(/^http/, "ws")}api/v1/threads/${agency.threadId}/socket`;
	const listeners: Listener[] = [];
	try {
		for (let i = 0; i < SOCKETS; i++) listeners.push(await connect(url, agency.host, agency.cookie));
		const times: number[] = [];
		const firsts: number[] = [];
		const spreads: number[] = [];
		const ids: string[] = [];
		for (let i = 0; i < MESSAGES; i++) {
			const id = crypto.randomUUID();
			ids.push(id);
			const arrived = arrivals(listeners, id);
			const sent = performance.now();
			await context.http.expect(
				{
					method: "POST",
					path: `/api/v1/threads/${agency.threadId}/messages`,
					host: agency.host,
					headers: agency.headers,
					json: { id, body: `Fan-out ${i + 1}` },
				},
				201,
			);
			const at = await arrived;
			if (i >= WARM_UP_MESSAGES) {
				times.push(...at.map((t) => t - sent));
				firsts.push(Math.min(...at) - sent);
				spreads.push(Math.max(...at) - Math.min(...at));
			}
		}
		const missingOrDoubled = listeners.reduce((n, l) => n + ids.filter((id) => l.seen.get(id) !== 1).length, 0);
		return {
			sockets: SOCKETS,
			messages: MESSAGES - WARM_UP_MESSAGES,
			deliveryMs: spread(times),
			firstSocketMs: spread(firsts),
			lastMinusFirstMs: spread(spreads),
			missingOrDoubled,
		};
	} finally {
		for (const listener of listeners) listener.socket.close();
	}
}
