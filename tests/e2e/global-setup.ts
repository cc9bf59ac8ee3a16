/**
 * Starts the real app once for an e2e lane (vitest.config.ts runs two, each with its own app and
 * Chromium), exactly as `npm start` does but on a free port and with throw-away local state, and
 * stops it afterwards. A local fake identity provider
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

/** What one lane started, to stop when the lane ends (each lane's own: the two set-ups may share this module). */
type Lane = {
	app?: LocalApp;
	browserServer?: BrowserServer;
	oauth?: LocalOAuth;
	doh?: LocalDoh;
	fakeAi?: Awaited<ReturnType<typeof startFakeAiServer>>;
	stateDir?: string;
};

async function stopLane(lane: Lane): Promise<void> {
	await Promise.all([lane.app?.stop(), lane.browserServer?.close()]);
	lane.oauth?.server.close();
	lane.doh?.server.close();
	lane.fakeAi?.server.close();
	if (lane.stateDir) await rm(lane.stateDir, { recursive: true, force: true });
}

/** Starts the lane's app, Chromium and fakes; answers the teardown that stops them. */
export async function setup(project: TestProject): Promise<() => Promise<void>> {
	const lane: Lane = {};
	let output = "";
	// Before anything starts: install Debian's Chromium, or stop the run with one line saying how.
	// Both e2e lanes (vitest.config.ts) run this set-up in the one vitest process: one install, shared.
	const shared = globalThis as { atriumChromiumReady?: Promise<void> };
	shared.atriumChromiumReady ??= ensureChromium();
	await shared.atriumChromiumReady;
	// One Chromium for every file (each makes its own contexts), not one launch per file.
	lane.browserServer = await chromium.launchServer({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
	project.provide("chromiumWsEndpoint", lane.browserServer.wsEndpoint());
	const port = await freePort();
	lane.stateDir = await mkdtemp(join(tmpdir(), "atrium-e2e-"));
	lane.oauth = await startLocalOAuth();
	lane.doh = await startLocalDoh();
	lane.fakeAi = await startFakeAiServer();
	const fakeAiUrl = `http://127.0.0.1:${lane.fakeAi.port}`;
	try {
		lane.app = await startLocalApp({
			port,
			persistTo: lane.stateDir,
			vars: {
				// Real Argon2id at a test-run cost: the suite signs in hundreds of times (worker/lib/passwords.ts).
				PASSWORD_HASH_COST: "test-run",
				GOOGLE_CLIENT_ID: FAKE_OAUTH_CLIENTS.google.id,
				GOOGLE_CLIENT_SECRET: FAKE_OAUTH_CLIENTS.google.secret,
				GOOGLE_OAUTH_BASE_URL: `${lane.oauth.url}/google`,
				// SSO (and custom) domains are verified by TXT records the tests publish on the local resolver.
				DOH_URL: `${lane.doh.url}/dns-query`,
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
		await stopLane(lane);
		throw error;
	}
	project.provide("appPort", port);
	project.provide("oauthUrl", lane.oauth.url);
	project.provide("dohUrl", lane.doh.url);
	project.provide("fakeAiUrl", fakeAiUrl);
	return () => stopLane(lane);
}
