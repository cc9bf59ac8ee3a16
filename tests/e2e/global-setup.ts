/**
 * Starts the real app once per e2e station — one station for each pool slot of the e2e project
 * (vitest.config.ts), so the files that run at the same time never share an app, a Chromium or the
 * demo agency — exactly as `npm start` does but on a free port and with throw-away local state, and
 * stops them afterwards. The local state (migrated D1, demo seed, brand images in R2) is made once
 * and copied for each station. A local fake identity provider
 * (tests/fakes/oauth-providers.ts) stands in for Google and for agencies' OpenID Connect IdPs, and
 * a local DNS-over-HTTPS resolver (tests/fakes/dns-over-https.ts) answers domain verification look-ups,
 * the AI providers' local fake (tests/fakes/ai-provider-server.ts) answers for OpenAI and Anthropic,
 * so the paid models are offered and a send with one is charged and refused (402) for real.
 */
import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserServer, chromium } from "playwright-core";
import type { TestProject } from "vitest/node";
import { CHROMIUM_ARGS, CHROMIUM_PATH, ensureChromium } from "../../scripts/lib/chromium";
import { freePort } from "../../scripts/lib/free-port";
import { type LocalApp, prepareDatabase, startLocalApp } from "../../scripts/lib/local-app";
import { FAKE_KEYS, startFakeAiServer } from "../fakes/ai-provider-server";
import { type LocalDoh, startLocalDoh } from "../fakes/dns-over-https";
import { FAKE_OAUTH_CLIENTS, type LocalOAuth, startLocalOAuth } from "../fakes/oauth-providers";

/** What one file's pool slot uses: its own app, Chromium and fakes (tests/e2e/station.ts picks it). */
export type E2eStation = {
	appPort: number;
	oauthUrl: string;
	dohUrl: string;
	/** The station's Chromium, which its files connect to (tests/e2e/browser.ts). */
	chromiumWsEndpoint: string;
	/** The AI providers' local fake (an agency connects it as its own OpenAI-compatible endpoint). */
	fakeAiUrl: string;
};

declare module "vitest" {
	export interface ProvidedContext {
		/** One station per pool slot of the e2e project (`maxWorkers`): slot n uses `stations[n - 1]`. */
		stations: E2eStation[];
	}
}

/** What one station started, to stop when the run ends. */
type Running = {
	app?: LocalApp;
	browserServer?: BrowserServer;
	oauth?: LocalOAuth;
	doh?: LocalDoh;
	fakeAi?: Awaited<ReturnType<typeof startFakeAiServer>>;
	stateDir?: string;
};

async function stopStation(running: Running): Promise<void> {
	await Promise.all([running.app?.stop(), running.browserServer?.close()]);
	running.oauth?.server.close();
	running.doh?.server.close();
	running.fakeAi?.server.close();
	if (running.stateDir) await rm(running.stateDir, { recursive: true, force: true });
}

type StationPorts = { port: number; inspectorPort: number };

/** Real Argon2id at a test-run cost: the suite signs in hundreds of times (worker/lib/passwords.ts). */
const PASSWORD_HASH_COST = "test-run";

/**
 * One migrated and seeded local state (D1, R2) that every station starts from a copy of: wrangler's
 * migrate, seed and R2 upload run once per run instead of once per station, each a workerd start.
 */
async function prepareTemplateState(): Promise<string> {
	const dir = await mkdtemp(join(tmpdir(), "atrium-e2e-template-"));
	try {
		await prepareDatabase({ persistTo: dir, knownEmpty: true, vars: { PASSWORD_HASH_COST }, log: () => {} });
	} catch (error) {
		await rm(dir, { recursive: true, force: true });
		throw error;
	}
	return dir;
}

/** Ports for every station, picked one after another so no two stations are handed the same one. */
async function stationPorts(count: number): Promise<StationPorts[]> {
	const taken = new Set<number>();
	const pick = async (): Promise<number> => {
		let port = await freePort();
		while (taken.has(port)) port = await freePort();
		taken.add(port);
		return port;
	};
	const ports: StationPorts[] = [];
	for (let i = 0; i < count; i++) ports.push({ port: await pick(), inspectorPort: await pick() });
	return ports;
}

/** Starts one station's app (on a copy of the template state), Chromium and fakes; on failure stops what it started and prints the app's output. */
async function startStation(running: Running, ports: StationPorts, template: Promise<string>): Promise<E2eStation> {
	let output = "";
	// One Chromium for every file of the station (each makes its own contexts), not one launch per file.
	running.browserServer = await chromium.launchServer({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
	const { port, inspectorPort } = ports;
	running.stateDir = await mkdtemp(join(tmpdir(), "atrium-e2e-"));
	running.oauth = await startLocalOAuth();
	running.doh = await startLocalDoh();
	running.fakeAi = await startFakeAiServer();
	const fakeAiUrl = `http://127.0.0.1:${running.fakeAi.port}`;
	await cp(await template, running.stateDir, { recursive: true });
	try {
		running.app = await startLocalApp({
			port,
			inspectorPort,
			persistTo: running.stateDir,
			databaseReady: true,
			vars: {
				PASSWORD_HASH_COST,
				GOOGLE_CLIENT_ID: FAKE_OAUTH_CLIENTS.google.id,
				GOOGLE_CLIENT_SECRET: FAKE_OAUTH_CLIENTS.google.secret,
				GOOGLE_OAUTH_BASE_URL: `${running.oauth.url}/google`,
				// SSO (and custom) domains are verified by TXT records the tests publish on the local resolver.
				DOH_URL: `${running.doh.url}/dns-query`,
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
	return {
		appPort: port,
		oauthUrl: running.oauth.url,
		dohUrl: running.doh.url,
		chromiumWsEndpoint: running.browserServer.wsEndpoint(),
		fakeAiUrl,
	};
}

/** Starts one station per pool slot, side by side; answers the teardown that stops them all. */
export async function setup(project: TestProject): Promise<() => Promise<void>> {
	// Before anything starts: install Debian's Chromium, or stop the run with one line saying how.
	await ensureChromium();
	const stations = (await stationPorts(Math.max(1, project.config.maxWorkers))).map((ports) => {
		const running: Running = {};
		return { ports, running };
	});
	const stopAll = () => Promise.all(stations.map((s) => stopStation(s.running))).then(() => {});
	const started = performance.now();
	// Prepared while the stations launch their Chromium and fakes; each copies it before its app starts.
	const template = prepareTemplateState();
	// Handled here too: it may fail before any station awaits it (each station throws it when it does).
	template.catch(() => {});
	const removeTemplate = () =>
		template.then(
			(dir) => rm(dir, { recursive: true, force: true }),
			() => {},
		);
	try {
		project.provide("stations", await Promise.all(stations.map((s) => startStation(s.running, s.ports, template))));
		console.log(`e2e: ${stations.length} stations ready in ${Math.round((performance.now() - started) / 1000)} s`);
	} catch (error) {
		await stopAll();
		throw error;
	} finally {
		await removeTemplate();
	}
	return stopAll;
}
