/**
 * A Server-Sent Events stream from the Worker under test, read as it arrives (the one-off client
 * in http.ts buffers whole bodies). node:http to 127.0.0.1 with the tenant's Host header; each
 * `data:` line is parsed as JSON and handed to whoever waits for it.
 */
import { request as httpRequest } from "node:http";

export type SseStream<T> = {
	/** Resolves with the first event (from now on) that `matches`. */
	next(matches: (event: T) => boolean): Promise<T>;
	close(): void;
};

export function openSseStream<T>(origin: URL, path: string, host: string, headers: Record<string, string>): Promise<SseStream<T>> {
	return new Promise((resolve, reject) => {
		const waiters: { matches: (event: T) => boolean; resolve: (event: T) => void }[] = [];
		let buffer = "";
		const req = httpRequest(
			{ host: origin.hostname, port: origin.port, method: "GET", path, headers: { Host: host, ...headers } },
			(res) => {
				if (res.statusCode !== 200) {
					reject(new Error(`GET ${path} answered ${res.statusCode}`));
					res.resume();
					return;
				}
				res.setEncoding("utf8");
				res.on("data", (chunk: string) => {
					buffer += chunk;
					for (let end = buffer.indexOf("\n\n"); end !== -1; end = buffer.indexOf("\n\n")) {
						const block = buffer.slice(0, end);
						buffer = buffer.slice(end + 2);
						const data = /^data: (.*)$/m.exec(block)?.[1];
						if (data === undefined) continue;
						const event = JSON.parse(data) as T;
						const index = waiters.findIndex((w) => w.matches(event));
						if (index !== -1) waiters.splice(index, 1)[0]?.resolve(event);
					}
				});
				resolve({
					next: (matches) => new Promise<T>((done) => waiters.push({ matches, resolve: done })),
					close: () => req.destroy(),
				});
			},
		);
		req.on("error", (error) => {
			if (!req.destroyed) reject(error);
		});
		req.end();
	});
}
