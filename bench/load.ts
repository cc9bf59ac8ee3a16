/**
 * The load generator: autocannon in the runner's process, over keep-alive connections to the
 * server process on 127.0.0.1. Also the probe that checks a request mix answers as expected
 * before it is measured.
 */
import autocannon from "autocannon";
import type { HttpClient } from "./lib/http";
import type { LoadRequest } from "./scenarios/types";

export type LoadOptions = {
	origin: URL;
	requests: LoadRequest[];
	connections: number;
	durationSeconds: number;
};

export type LoadResult = {
	/** Completed requests (any status). */
	requests: number;
	durationSeconds: number;
	requestsPerSecond: number;
	latencyMs: { mean: number; p50: number; p90: number; p99: number; max: number };
	/** Responses whose status no request of the mix expects, plus errors and timeouts. */
	unexpected: number;
	errors: number;
	timeouts: number;
	statusCodes: Record<string, number>;
};

function toAutocannonRequest(request: LoadRequest): autocannon.Request {
	return {
		method: request.method,
		path: request.path,
		headers: { host: request.host, ...request.headers },
		...(request.body === undefined ? {} : { body: request.body }),
	};
}

export function runLoad(options: LoadOptions): Promise<LoadResult> {
	return new Promise((resolve, reject) => {
		autocannon(
			{
				url: options.origin.href,
				connections: options.connections,
				duration: options.durationSeconds,
				pipelining: 1,
				timeout: 10,
				requests: options.requests.map(toAutocannonRequest),
			},
			(error, result) => {
				if (error) return reject(error);
				const statusCodes = Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, { count }]) => [code, count]));
				const expected = new Set(options.requests.map((request) => String(request.expectStatus)));
				const completed = result.requests.total;
				const expectedCount = Object.entries(statusCodes)
					.filter(([code]) => expected.has(code))
					.reduce((sum, [, count]) => sum + count, 0);
				resolve({
					requests: completed,
					durationSeconds: result.duration,
					requestsPerSecond: result.duration > 0 ? completed / result.duration : 0,
					latencyMs: {
						mean: result.latency.mean,
						p50: result.latency.p50,
						p90: result.latency.p90,
						p99: result.latency.p99,
						max: result.latency.max,
					},
					unexpected: completed - expectedCount + result.errors + result.timeouts,
					errors: result.errors,
					timeouts: result.timeouts,
					statusCodes,
				});
			},
		);
	});
}

/** Sends each request of the mix once and throws unless it gets the expected status. */
export async function probe(http: HttpClient, requests: LoadRequest[]): Promise<void> {
	for (const request of requests) {
		const { method, path, host, headers, body } = request;
		const res = await http.expect({ method, path, host, headers, body }, request.expectStatus);
		await res.arrayBuffer();
	}
}
