/** Launching Debian's Chromium through playwright-core, with the flags this offline machine needs. */
import { mkdtemp, readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type * as Axe from "axe-core";
import { type Browser, type BrowserContext, type BrowserContextOptions, chromium, type Download, type Page } from "playwright-core";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../../scripts/lib/chromium";
import { DEMO_PASSWORD } from "../../scripts/lib/demo-seed";
import { station } from "./station";

export { CHROMIUM_ARGS, CHROMIUM_PATH };

/**
 * This file's station's Chromium (launched once by global-setup.ts), connected to: each file makes
 * its own contexts, and `close()` closes them and disconnects, leaving Chromium running.
 *
 * Its contexts block service workers unless a test asks for them (`serviceWorkers: "allow"`): a
 * page that registers the app's worker precaches the whole app shell (about 120 requests) in every
 * new context, work that only the offline, install and push tests need.
 */
export async function launchBrowser(): Promise<Browser> {
	const browser = await chromium.connect(station().chromiumWsEndpoint);
	const newContext = browser.newContext.bind(browser);
	browser.newContext = (options: BrowserContextOptions = {}) => newContext({ serviceWorkers: "block", ...options });
	const newPage = browser.newPage.bind(browser);
	browser.newPage = (options: BrowserContextOptions = {}) => newPage({ serviceWorkers: "block", ...options });
	return browser;
}

/** A download's bytes (`download.path()` throws on a connected browser; the stream works). */
export async function downloadedBytes(download: Download): Promise<Buffer> {
	const chunks: Buffer[] = [];
	for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks);
}

/** A persistent (non-incognito) context of its own Chromium: what installability checks need. */
export async function launchPersistent(options: BrowserContextOptions = {}): Promise<BrowserContext> {
	const dir = await mkdtemp(join(tmpdir(), "atrium-chromium-"));
	return chromium.launchPersistentContext(dir, { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, ...options });
}

export function port(): number {
	return station().appPort;
}

export function platformUrl(path = "/"): string {
	return `http://localhost:${port()}${path}`;
}

export function tenantUrl(slug: string, path = "/"): string {
	return `http://${slug}.localhost:${port()}${path}`;
}

/** Sign-ups are rate-limited per IP; each test uses its own slug so tests never collide. */
export function uniqueSlug(prefix: string): string {
	return `${prefix}-${Date.now().toString(36)}${Math.floor(Math.random() * 1e4).toString(36)}`;
}

/** axe-core's browser build, read once per file. */
let axeSource: Promise<string> | undefined;
function loadAxeSource(): Promise<string> {
	axeSource ??= readFile(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
	return axeSource;
}

/**
 * axe-core on the current page: serious and critical WCAG 2.1 A/AA violations, as readable strings.
 * axe runs inside the page (injected once per document). @axe-core/playwright's analyze() opened a
 * fresh page per call to merge frame results, which made each check ~1.7 s instead of ~0.1 s; the
 * app has no iframes, so the in-page run sees everything the builder did.
 */
export async function seriousA11yViolations(page: Page): Promise<string[]> {
	if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(await loadAxeSource());
	const violations = await page.evaluate(async () => {
		const { axe } = window as unknown as { axe: typeof Axe };
		const result = await axe.run(document, {
			runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
			resultTypes: ["violations"],
		});
		return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => ({ target: n.target })) }));
	});
	return violations
		.filter((v) => v.impact === "serious" || v.impact === "critical")
		.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

/** Signs someone in with a password through an agency's sign-in page and waits for its start page. */
export async function signInWithPassword(page: Page, slug: string, email: string, password: string): Promise<void> {
	await page.goto(tenantUrl(slug, "/signin"));
	await page.getByLabel("Email").fill(email);
	await page.getByLabel("Password").fill(password);
	await page.getByRole("button", { name: "Sign in", exact: true }).click();
	await page.waitForURL(tenantUrl(slug, "/"));
}

/** Signs a seeded Northwind member in through the sign-in page and waits for the start page. */
export async function signInToNorthwind(page: Page, email: string): Promise<void> {
	await signInWithPassword(page, "northwind", email, DEMO_PASSWORD);
}

/**
 * Calls the API from inside the page (its cookie and host; Node cannot resolve `*.localhost`),
 * throwing on an error status; answers the parsed JSON body.
 */
export async function apiInPage(page: Page, method: string, path: string, data?: unknown): Promise<unknown> {
	const answer = await page.evaluate(
		async ([m, p, body]) => {
			const res = await fetch(p as string, {
				method: m as string,
				headers: body === undefined ? {} : { "Content-Type": "application/json" },
				body: body === undefined ? undefined : JSON.stringify(body),
			});
			return { status: res.status, text: await res.text() };
		},
		[method, path, data] as const,
	);
	if (answer.status >= 300) throw new Error(`${method} ${path}: ${answer.status} ${answer.text}`);
	return JSON.parse(answer.text);
}
