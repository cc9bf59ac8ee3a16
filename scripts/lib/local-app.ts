/**
 * Brings the whole app up locally, as `npm start` and the end-to-end tests need it: PWA built,
 * local D1 migrated, demo data seeded when the database is empty, `wrangler dev` serving both.
 */
import type { ChildProcess } from "node:child_process";
import { spawn } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { FAKE_TURNSTILE, type LocalTurnstile, startLocalTurnstile } from "../../tests/fakes/turnstile";
import { newId } from "../../worker/lib/ids";
import { applyPasswordCost } from "../../worker/lib/passwords";
import { type DemoBrandFile, demoBrandFiles, demoBrandKey, demoBrandSql } from "./demo-brand";
import { buildDemoPortalSeedSql } from "./demo-portal-seed";
import { buildDemoSeedSql } from "./demo-seed";
import { allMigrationsSql } from "./migrations-sql";
import { type StripeFake, startStripeFake } from "./stripe-fake/server";
import { loadOrCreateVapidKeys } from "./vapid-keys";
import { startWranglerDev, stopProcessGroup, waitForHttp, wrangler } from "./wrangler";

export type LocalAppOptions = {
	port: number;
	/** Where local D1/R2/DO state lives; wrangler's default (.wrangler/state) when unset. */
	persistTo?: string;
	buildPwa?: boolean;
	seed?: boolean;
	/**
	 * `persistTo` already holds a migrated and seeded database (a copy of one `prepareDatabase` made):
	 * start on it as it is. The e2e stations copy one prepared state instead of each running wrangler's
	 * migrate, count, seed and R2 upload (a workerd start each).
	 */
	databaseReady?: boolean;
	/**
	 * A fresh, empty `persistTo`: every migration and the seed go in as one script (allMigrationsSql),
	 * one wrangler call instead of a workerd start per migration, a count and the seed.
	 */
	knownEmpty?: boolean;
	platformDomain?: string;
	onOutput?: (text: string) => void;
	log?: (line: string) => void;
	/** Extra Worker variables (`--var NAME:value`), e.g. the e2e suite's fake identity provider. */
	vars?: Record<string, string>;
	/**
	 * The inspector's port; wrangler's default (9229, or the next free one) when unset. Apps started at
	 * the same moment must each be given one: wrangler's own search for a free port races.
	 */
	inspectorPort?: number;
};

/** `stop()` signals wrangler dev's whole process group at once and resolves when none of it is left. */
export type LocalApp = { url: string; process: ChildProcess; stripeFake: StripeFake | null; stop(): Promise<void> };

/** The R2 bucket behind the FILES binding (wrangler.toml): where brand images and documents live locally too. */
const R2_BUCKET = "atrium-files";
const LOCAL_WEBHOOK_SECRET = "whsec_local_atrium_fake";
/** With the local Stripe fake, the operator API (coupons, refunds) takes this token unless OPERATOR_TOKEN is set. */
export const LOCAL_OPERATOR_TOKEN = "op_local_atrium_operator";

/** Without a real STRIPE_SECRET_KEY, billing runs against the local Stripe fake, which posts its webhooks to this app. */
async function localStripe(appUrl: string): Promise<{ fake: StripeFake | null; vars: string[] }> {
	if (process.env.STRIPE_SECRET_KEY) return { fake: null, vars: [] };
	const fake = await startStripeFake({ webhookSecret: LOCAL_WEBHOOK_SECRET, webhookUrl: `${appUrl}/api/webhooks/stripe` });
	const vars = [
		"STRIPE_SECRET_KEY:sk_test_local_fake",
		`STRIPE_WEBHOOK_SECRET:${LOCAL_WEBHOOK_SECRET}`,
		`STRIPE_API_BASE:${fake.url}`,
		`OPERATOR_TOKEN:${process.env.OPERATOR_TOKEN ?? LOCAL_OPERATOR_TOKEN}`,
	];
	return { fake, vars: vars.flatMap((v) => ["--var", v]) };
}

/** Without real Turnstile keys, lead forms verify against the local Turnstile (tests/fakes/turnstile.ts). */
async function localTurnstile(): Promise<{ fake: LocalTurnstile | null; vars: string[] }> {
	if (process.env.TURNSTILE_SECRET_KEY) return { fake: null, vars: [] };
	const fake = await startLocalTurnstile();
	const vars = [
		`TURNSTILE_URL:${fake.url}`,
		`TURNSTILE_SITE_KEY:${FAKE_TURNSTILE.siteKey}`,
		`TURNSTILE_SECRET_KEY:${FAKE_TURNSTILE.secretKey}`,
	];
	return { fake, vars: vars.flatMap((v) => ["--var", v]) };
}

function run(command: string, args: string[]): Promise<void> {
	return new Promise((resolve, reject) => {
		const child = spawn(command, args, { stdio: "inherit" });
		child.on("close", (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(" ")} exited with ${code}`))));
	});
}

/** The demo agency's brand images into local R2, in one wrangler call, under the keys its brand row names. */
async function putDemoBrandFiles(dir: string, tenantId: string, files: readonly DemoBrandFile[], persist: string[]): Promise<void> {
	const pairs = await Promise.all(
		files.map(async (f) => {
			const path = join(dir, f.file);
			await writeFile(path, f.bytes);
			return { key: demoBrandKey(tenantId, f.file), file: path };
		}),
	);
	const list = join(dir, "brand-files.json");
	await writeFile(list, JSON.stringify(pairs));
	const cache = ["--content-type", "image/png", "--cache-control", "public, max-age=31536000, immutable"];
	await wrangler(["r2", "bulk", "put", R2_BUCKET, "--filename", list, "--local", ...persist, ...cache], { quiet: true });
}

async function tenantCount(persist: string[]): Promise<number> {
	const out = await wrangler(["d1", "execute", "DB", "--local", ...persist, "--json", "--command", "SELECT COUNT(*) AS n FROM tenants"], {
		quiet: true,
	});
	const parsed = JSON.parse(out) as { results: { n: number }[] }[];
	return parsed[0]?.results[0]?.n ?? 0;
}

export async function prepareDatabase(
	options: Pick<LocalAppOptions, "persistTo" | "seed" | "platformDomain" | "log" | "knownEmpty" | "vars">,
): Promise<boolean> {
	// The demo accounts are hashed here, in Node: at the cost the Worker will use for new ones.
	applyPasswordCost({ ENVIRONMENT: "development", PASSWORD_HASH_COST: options.vars?.PASSWORD_HASH_COST });
	const persist = options.persistTo ? ["--persist-to", options.persistTo] : [];
	const log = options.log ?? console.log;
	log("Applying D1 migrations to the local database…");
	const fresh = options.knownEmpty === true;
	// A fresh database gets its migrations in the seed's script (below).
	if (!fresh) await wrangler(["d1", "migrations", "apply", "DB", "--local", ...persist], { quiet: true });
	const migrations = fresh ? await allMigrationsSql() : "";
	if (options.seed === false) {
		if (fresh) await executeSql(migrations, persist);
		return false;
	}
	const empty = fresh || (await tenantCount(persist)) === 0;
	if (empty) log("Empty database: seeding the demo agency…");
	// The portal's demo rows are added to the demo agency on every start (idempotent), so a database
	// seeded before they existed gets them too.
	const tenantId = newId();
	const brand = empty ? demoBrandFiles() : [];
	const seed = `${empty ? (await buildDemoSeedSql(options.platformDomain ?? "localhost", Date.now(), tenantId)) + demoBrandSql(brand) : ""}${buildDemoPortalSeedSql()}`;
	await executeSql(migrations + seed, persist, async (dir) => {
		if (brand.length > 0) await putDemoBrandFiles(dir, tenantId, brand, persist);
	});
	return empty;
}

/** Runs an SQL script on the local D1 in one wrangler call; `then` gets the scratch folder before it goes. */
async function executeSql(sql: string, persist: string[], then?: (dir: string) => Promise<void>): Promise<void> {
	const dir = await mkdtemp(join(tmpdir(), "atrium-seed-"));
	try {
		const file = join(dir, "seed.sql");
		await writeFile(file, sql);
		await wrangler(["d1", "execute", "DB", "--local", ...persist, "--file", file], { quiet: true });
		await then?.(dir);
	} finally {
		await rm(dir, { recursive: true, force: true });
	}
}

export async function startLocalApp(options: LocalAppOptions): Promise<LocalApp> {
	const log = options.log ?? console.log;
	if (options.buildPwa !== false) {
		log("Building the PWA…");
		await run("vite", ["build", "--config", "pwa/vite.config.ts", "--logLevel", "warn"]);
	}
	if (!options.databaseReady) await prepareDatabase(options);
	const persist = options.persistTo ? ["--persist-to", options.persistTo] : [];
	const vapid = await loadOrCreateVapidKeys(join(options.persistTo ?? ".wrangler/state", "vapid-keys.json"));
	const url = `http://localhost:${options.port}`;
	const stripe = await localStripe(`http://127.0.0.1:${options.port}`);
	const turnstile = await localTurnstile();
	const child = startWranglerDev(
		[
			"--port",
			String(options.port),
			"--ip",
			"127.0.0.1",
			"--var",
			"ENVIRONMENT:development",
			// Links in email point at the agency's canonical address; locally that includes this port.
			"--var",
			`DEV_PUBLIC_PORT:${options.port}`,
			"--var",
			`VAPID_PUBLIC_KEY:${vapid.publicKey}`,
			"--var",
			`VAPID_PRIVATE_KEY:${vapid.privateKey}`,
			"--var",
			"SHARE_LINK_SECRET:local-development-share-link-secret",
			// /dev/schedules shows times in the developer's own zone.
			"--var",
			`DEV_TIME_ZONE:${Intl.DateTimeFormat().resolvedOptions().timeZone}`,
			...Object.entries(options.vars ?? {}).flatMap(([name, value]) => ["--var", `${name}:${value}`]),
			"--show-interactive-dev-session=false",
			...(options.inspectorPort === undefined ? [] : ["--inspector-port", String(options.inspectorPort)]),
			...persist,
			...stripe.vars,
			...turnstile.vars,
		],
		options.onOutput,
	);
	const stop = async () => {
		turnstile.fake?.server.close();
		turnstile.fake?.server.closeAllConnections();
		await Promise.all([stopProcessGroup(child), stripe.fake?.close()]);
	};
	const exited = new Promise<never>((_, reject) => child.on("exit", (code) => reject(new Error(`wrangler dev exited early (${code})`))));
	try {
		await Promise.race([waitForHttp(`${url}/api/health`, 90_000), exited]);
	} catch (error) {
		// Never leave a half-started wrangler dev (and its workerd) behind.
		await stop();
		throw error;
	}
	return { url, process: child, stripeFake: stripe.fake, stop };
}
