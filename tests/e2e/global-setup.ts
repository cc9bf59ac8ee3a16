/**
 * Starts the real app once for the end-to-end suite, exactly as `npm start` does but on a free
 * port and with throw-away local state, and stops it afterwards. A local fake identity provider
 * (tests/fakes/oauth-providers.ts) stands in for Google and for agencies' OpenID Connect IdPs, and
 * a local DNS-over-HTTPS resolver (tests/fakes/dns-over-https.ts) answers domain verification look-ups,
 * the AI providers' local fake (tests/fakes/ai-provider-server.ts) answers for OpenAI and Anthropic,
 * so the paid models are offered and a send with one is charged and refused (402) for real.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserServer, chromium } from "playwright-core";
import type { TestProject } from "vitest/node";
import { CHROMIUM_ARGS, CHROMIUM_PATH, ensureChromium } from "../../scripts/lib/chromium";
import { freePort } from "../../scripts/lib/free-port";
import { type LocalApp, startLocalApp } from "../../scripts/lib/local-app";
import { FAKE_KEYS, startFakeAiServer } from "../fakes/ai-provider-server";
import { type LocalDoh, startLocalDoh } from "../fakes/dns-over-https";
import { FAKE_OAUTH_CLIENTS, type LocalOAuth, startLocalOAuth } from "../fakes/oauth-providers";

declare module "vitest" {
	export interface ProvidedContext {
		appPort: number;
		oauthUrl: string;
		/** The suite's one Chromium, which every e2e file connects to (tests/e2e/browser.ts). */
		chromiumWsEndpoint: string;
		/** The AI providers' local fake (an agency connects it as its own OpenAI-compatible endpoint). */
		fakeAiUrl: string;
	}
}

let app: LocalApp | undefined;
let browserServer: BrowserServer | undefined;
let oauth: LocalOAuth | undefined;
let doh: LocalDoh | undefined;
let fakeAi: Awaited<ReturnType<typeof startFakeAiServer>> | undefined;
let stateDir: string | undefined;
let output = "";

export async function setup(project: TestProject): Promise<void> {
	// Before anything starts: install Debian's Chromium, or stop the run with one line saying how.
	await ensureChromium();
	// One Chromium for every file (each makes its own contexts), not one launch per file.
	browserServer = await chromium.launchServer({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
	project.provide("chromiumWsEndpoint", browserServer.wsEndpoint());
	const port = await freePort();
	stateDir = await mkdtemp(join(tmpdir(), "atrium-e2e-"));
	oauth = await startLocalOAuth();
	doh = await startLocalDoh();
	fakeAi = await startFakeAiServer();
	const fakeAiUrl = `http://127.0.0.1:${fakeAi.port}`;
	try {
		app = await startLocalApp({
			port,
			persistTo: stateDir,
			vars: {
				// Real Argon2id at a test-run cost: the suite signs in hundreds of times (worker/lib/passwords.ts).
				PASSWORD_HASH_COST: "test-run",
				GOOGLE_CLIENT_ID: FAKE_OAUTH_CLIENTS.google.id,
				GOOGLE_CLIENT_SECRET: FAKE_OAUTH_CLIENTS.google.secret,
				GOOGLE_OAUTH_BASE_URL: `${oauth.url}/google`,
				// SSO (and custom) domains are verified by TXT records the tests publish on the local resolver.
				DOH_URL: `${doh.url}/dns-query`,
				OPENAI_API_KEY: FAKE_KEYS.openai,
				OPENAI_BASE_URL: `${fakeAiUrl}/openai/v1`,
				ANTHROPIC_API_KEY: FAKE_KEYS.anthropic,
				ANTHROPIC_BASE_URL: `${fakeAiUrl}/anthropic`,
			},
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
	project.provide("oauthUrl", oauth.url);
	project.provide("dohUrl", doh.url);
	project.provide("fakeAiUrl", fakeAiUrl);
}

export async function teardown(): Promise<void> {
	await Promise.all([app?.stop(), browserServer?.close()]);
	oauth?.server.close();
	doh?.server.close();
	fakeAi?.server.close();
	if (stateDir) await rm(stateDir, { recursive: true, force: true });
}
