/**
 * A local stand-in for the part of Cloudflare's API that Cloudflare for SaaS uses: custom
 * hostnames on one zone (list by hostname, create, delete), with Cloudflare's response envelope
 * and bearer-token check. Tests read its state at `GET /__test/custom_hostnames`.
 */
import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export const FAKE_CLOUDFLARE_TOKEN = "test-cloudflare-token";
export const FAKE_CLOUDFLARE_ZONE = "zone-under-test";

type Hostname = { id: string; hostname: string; status: string; ssl: unknown };

export type LocalCloudflare = { url: string; server: Server };

export async function startLocalCloudflare(): Promise<LocalCloudflare> {
	const hostnames = new Map<string, Hostname>();
	const send = (res: import("node:http").ServerResponse, status: number, body: unknown) => {
		res.writeHead(status, { "Content-Type": "application/json" });
		res.end(JSON.stringify(body));
	};
	const server = createServer((req, res) => {
		const url = new URL(req.url ?? "/", "http://localhost");
		if (url.pathname === "/__test/custom_hostnames") return send(res, 200, [...hostnames.values()]);
		const match = url.pathname.match(/^\/zones\/([^/]+)\/custom_hostnames(?:\/([^/]+))?$/);
		if (!match) return send(res, 404, { success: false, errors: [{ code: 7003, message: "No route for that URI" }], result: null });
		if (req.headers.authorization !== `Bearer ${FAKE_CLOUDFLARE_TOKEN}`) {
			return send(res, 403, { success: false, errors: [{ code: 10000, message: "Authentication error" }], result: null });
		}
		if (match[1] !== FAKE_CLOUDFLARE_ZONE)
			return send(res, 404, { success: false, errors: [{ code: 1001, message: "Invalid zone identifier" }], result: null });
		const id = match[2];
		if (req.method === "GET" && !id) {
			const wanted = url.searchParams.get("hostname");
			return send(res, 200, { success: true, errors: [], result: [...hostnames.values()].filter((h) => !wanted || h.hostname === wanted) });
		}
		if (req.method === "DELETE" && id) {
			if (!hostnames.delete(id))
				return send(res, 404, { success: false, errors: [{ code: 1436, message: "Custom hostname not found" }], result: null });
			return send(res, 200, { success: true, errors: [], result: { id } });
		}
		if (req.method === "POST" && !id) {
			let body = "";
			req.on("data", (chunk) => {
				body += chunk;
			});
			req.on("end", () => {
				const input = JSON.parse(body) as { hostname: string; ssl: unknown };
				const created: Hostname = { id: randomUUID(), hostname: input.hostname, status: "pending", ssl: input.ssl };
				hostnames.set(created.id, created);
				send(res, 200, { success: true, errors: [], result: created });
			});
			return;
		}
		send(res, 405, { success: false, errors: [{ code: 10405, message: "Method not allowed" }], result: null });
	});
	await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
	server.unref();
	return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}
