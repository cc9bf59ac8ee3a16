/**
 * A tiny static file server on 127.0.0.1 for a built folder (the catalogue's dist/catalogue): what the
 * visual regression test opens the catalogue from, since the catalogue is never part of the app.
 */
import { readFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize } from "node:path";

const TYPES: Record<string, string> = {
	".html": "text/html; charset=utf-8",
	".js": "text/javascript; charset=utf-8",
	".css": "text/css; charset=utf-8",
	".svg": "image/svg+xml",
	".png": "image/png",
	".woff2": "font/woff2",
};

export type StaticServer = { url: string; close(): Promise<void> };

export async function serveFolder(folder: string): Promise<StaticServer> {
	const server: Server = createServer((req, res) => {
		const path = normalize(decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname)).replace(/^(\.\.[/\\])+/, "");
		readFile(join(folder, path))
			.then((body) => {
				res.writeHead(200, { "Content-Type": TYPES[extname(path)] ?? "application/octet-stream" });
				res.end(body);
			})
			.catch(() => {
				res.writeHead(404, { "Content-Type": "text/plain" });
				res.end("Not found");
			});
	});
	await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		close: () => new Promise<void>((resolve) => server.close(() => resolve())),
	};
}
