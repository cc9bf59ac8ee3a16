/**
 * Starts the real app once for the end-to-end suite, exactly as `npm start` does but on a free
 * port and with throw-away local state, and stops it afterwards.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { type LocalApp, startLocalApp } from "../../scripts/lib/local-app";

declare module "vitest" {
	export interface ProvidedContext {
		appPort: number;
	}
}

function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.listen(0, "127.0.0.1", () => {
			const address = server.address();
			server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
		});
	});
}

let app: LocalApp | undefined;
let stateDir: string | undefined;
let output = "";

export async function setup(project: TestProject): Promise<void> {
	const port = await freePort();
	stateDir = await mkdtemp(join(tmpdir(), "atrium-e2e-"));
	try {
		app = await startLocalApp({
			port,
			persistTo: stateDir,
			// npm test and npm run test:e2e build the PWA first.
			buildPwa: false,
			log: () => {},
			onOutput: (text) => {
				output = (output + text).slice(-20_000);
			},
		});
	} catch (error) {
		console.error(output);
		throw error;
	}
	project.provide("appPort", port);
}

export async function teardown(): Promise<void> {
	app?.stop();
	if (stateDir) await rm(stateDir, { recursive: true, force: true });
}
