/**
 * One-off requests to the Worker under test, for scenario set-up and probes. Node cannot resolve
 * *.localhost and its fetch() drops a Host header, so this goes through node:http to 127.0.0.1
 * with the tenant's name in the Host header (as autocannon does), and answers a WHATWG Response.
 */
import { request as httpRequest } from "node:http";

export type HttpMethod = "GET" | "HEAD" | "POST" | "PUT" | "PATCH" | "DELETE";

export type HttpRequest = {
	method?: HttpMethod;
	path: string;
	/** The Host header, e.g. `localhost` (the platform) or `acme.localhost` (a tenant). */
	host: string;
	headers?: Record<string, string>;
	/** Sent as JSON with a matching Content-Type. */
	json?: unknown;
	/** Sent as is (when there is no `json`). */
	body?: string;
};

export type HttpClient = {
	origin: URL;
	request(request: HttpRequest): Promise<Response>;
	/** Like `request`, but throws unless the status is `expectStatus`; returns the response. */
	expect(request: HttpRequest, expectStatus: number): Promise<Response>;
};

const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

export function createHttpClient(origin: URL): HttpClient {
	const request = ({ method = "GET", path, host, headers = {}, json, body }: HttpRequest) =>
		new Promise<Response>((resolve, reject) => {
			const payload = json === undefined ? body : JSON.stringify(json);
			const req = httpRequest(
				{
					host: origin.hostname,
					port: origin.port,
					method,
					path,
					headers: {
						Host: host,
						...(json === undefined ? {} : { "Content-Type": "application/json" }),
						...(payload === undefined ? {} : { "Content-Length": String(Buffer.byteLength(payload)) }),
						...headers,
					},
				},
				(res) => {
					const chunks: Buffer[] = [];
					res.on("data", (chunk: Buffer) => chunks.push(chunk));
					res.on("error", reject);
					res.on("end", () => {
						const responseHeaders = new Headers();
						for (let i = 0; i + 1 < res.rawHeaders.length; i += 2) {
							responseHeaders.append(res.rawHeaders[i] ?? "", res.rawHeaders[i + 1] ?? "");
						}
						const status = res.statusCode ?? 0;
						const content = NULL_BODY_STATUSES.has(status) ? null : Buffer.concat(chunks);
						resolve(new Response(content, { status, headers: responseHeaders }));
					});
				},
			);
			req.on("error", reject);
			req.end(payload);
		});
	return {
		origin,
		request,
		async expect(req, expectStatus) {
			const res = await request(req);
			if (res.status !== expectStatus) {
				const text = (await res.text()).slice(0, 1_000);
				throw new Error(`${req.method ?? "GET"} ${req.path} (Host: ${req.host}) answered ${res.status}, expected ${expectStatus}: ${text}`);
			}
			return res;
		},
	};
}
