/**
 * A local DNS-over-HTTPS resolver (the JSON API of cloudflare-dns.com) for tests. Tests publish
 * records with `POST /__test/records { name, type, values }`; `GET /dns-query?name=&type=` answers
 * them like the real resolver (Status 3 for names without records).
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

const TYPES: Record<string, number> = { TXT: 16, CNAME: 5, A: 1, AAAA: 28 };

export type LocalDoh = { url: string; server: Server };

export async function startLocalDoh(): Promise<LocalDoh> {
	const records = new Map<string, string[]>();
	const key = (name: string, type: string) => `${name.toLowerCase().replace(/\.$/, "")}|${type.toUpperCase()}`;
	const server = createServer((req, res) => {
		const url = new URL(req.url ?? "/", "http://localhost");
		if (req.method === "POST" && url.pathname === "/__test/records") {
			let body = "";
			req.on("data", (chunk) => {
				body += chunk;
			});
			req.on("end", () => {
				const { name, type, values } = JSON.parse(body) as { name: string; type: string; values: string[] };
				records.set(key(name, type), values);
				res.writeHead(204).end();
			});
			return;
		}
		if (req.method === "GET" && url.pathname === "/dns-query") {
			const name = url.searchParams.get("name") ?? "";
			const type = (url.searchParams.get("type") ?? "A").toUpperCase();
			const values = records.get(key(name, type)) ?? [];
			const answer = values.map((v) => ({ name, type: TYPES[type] ?? 0, TTL: 60, data: type === "TXT" ? `"${v}"` : v }));
			res.writeHead(200, { "Content-Type": "application/dns-json" });
			res.end(JSON.stringify({ Status: values.length ? 0 : 3, Answer: values.length ? answer : undefined }));
			return;
		}
		res.writeHead(404).end();
	});
	await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
	server.unref();
	return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}
