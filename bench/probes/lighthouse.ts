/**
 * Lighthouse 13 with Debian's Chromium, default mobile settings (emulated phone, simulated slow
 * 4G and CPU slowdown), on two pages of the real app as `npm start` serves it (PWA assets and API
 * through `wrangler dev`, demo agency seeded): the sign-in page, and the client dashboard signed in
 * as the demo client. Goals from issue 6: performance ≥ 95, accessibility 100, best practices ≥ 95.
 */
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { DEMO_AGENCY, DEMO_PASSWORD } from "../../scripts/lib/demo-seed";
import { freePort } from "../../scripts/lib/free-port";
import { startLocalApp } from "../../scripts/lib/local-app";
import { createHttpClient } from "../lib/http";

export const LIGHTHOUSE_PROBE_ID = "lighthouse";
const CATEGORIES = ["performance", "accessibility", "best-practices"] as const;
type Category = (typeof CATEGORIES)[number];
export const LIGHTHOUSE_GOALS: Record<Category, number> = { performance: 95, accessibility: 100, "best-practices": 95 };
const CHROME_FLAGS = [
	"--headless=new",
	"--no-sandbox",
	"--disable-gpu",
	"--disable-quic",
	"--no-first-run",
	"--disable-background-networking",
];
const DEMO_CLIENT_EMAIL = "client@northwind.test";
/** Where each page's full Lighthouse report is written. */
const REPORT_DIR = "bench/results";

export type LighthousePage = { page: string; url: string; scores: Record<Category, number>; goalsMet: boolean };
export type LighthouseResult = { pages: LighthousePage[] };

async function signInDemoClient(origin: URL, host: string): Promise<string> {
	const http = createHttpClient(origin);
	const res = await http.expect(
		{
			method: "POST",
			path: "/api/v1/auth/login",
			host,
			headers: { Origin: `http://${host}` },
			json: { email: DEMO_CLIENT_EMAIL, password: DEMO_PASSWORD },
		},
		200,
	);
	const cookie = res.headers
		.getSetCookie()
		.map((header) => header.split(";")[0] ?? "")
		.find((pair) => pair.startsWith("atrium_session="));
	if (!cookie) throw new Error("signing in the demo client set no session cookie");
	return cookie;
}

async function audit(port: number, page: string, url: string, headers: Record<string, string>): Promise<LighthousePage> {
	const result = await lighthouse(url, {
		port,
		output: "json",
		logLevel: "error",
		onlyCategories: [...CATEGORIES],
		extraHeaders: headers,
	});
	if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
	if (result.lhr.runtimeError) throw new Error(`Lighthouse could not load ${url}: ${result.lhr.runtimeError.message}`);
	// The whole report, for finding what costs the score (bench/results is not committed).
	await mkdir(REPORT_DIR, { recursive: true });
	await writeFile(join(REPORT_DIR, `lighthouse-${page.replace(/\W+/g, "-")}.json`), JSON.stringify(result.lhr));
	const score = (id: Category) => Math.round((result.lhr.categories[id]?.score ?? 0) * 100);
	const scores = { performance: score("performance"), accessibility: score("accessibility"), "best-practices": score("best-practices") };
	const goalsMet = CATEGORIES.every((id) => scores[id] >= LIGHTHOUSE_GOALS[id]);
	return { page, url, scores, goalsMet };
}

export async function measureLighthouse(log: (line: string) => void): Promise<LighthouseResult> {
	const port = await freePort();
	const state = await mkdtemp(join(tmpdir(), "atrium-lighthouse-"));
	const app = await startLocalApp({ port, persistTo: state, log, onOutput: () => {} });
	const chrome = await chromeLauncher.launch({ chromePath: process.env.CHROME_PATH ?? "/usr/bin/chromium", chromeFlags: CHROME_FLAGS });
	try {
		const host = `${DEMO_AGENCY.slug}.localhost:${port}`;
		const cookie = await signInDemoClient(new URL(app.url), host);
		const pages: LighthousePage[] = [];
		pages.push(await audit(chrome.port, "sign-in", `http://${host}/signin`, {}));
		pages.push(await audit(chrome.port, "client dashboard", `http://${host}/`, { Cookie: cookie }));
		return { pages };
	} finally {
		chrome.kill();
		app.stop();
		await rm(state, { recursive: true, force: true });
	}
}
