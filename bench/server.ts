/**
 * The server process: runs the built Worker in workerd through Miniflare directly (no `wrangler
 * dev` proxy, no request logging, no local tracing or explorer), API only, on 127.0.0.1 and a
 * free port; applies migrations/ to its fresh D1, then reports `ready` to the runner over IPC.
 * Started by bench/lib/server-process.ts; stops on `stop`, SIGTERM or when the runner goes away.
 */
import { readdir, readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { Miniflare } from "miniflare";
import { unstable_getMiniflareWorkerOptions } from "wrangler";
import { CHAT_DRIVER_HOST, CHAT_DRIVER_SCRIPT } from "./lib/chat-driver";
import { CREDIT_DRIVER_HOST, CREDIT_DRIVER_SCRIPT } from "./lib/credit-driver";
import { DB_DRIVER_HOST, DB_DRIVER_SCRIPT } from "./lib/db-driver";
import type { RunnerMessage, ServerConfig, ServerMessage } from "./lib/protocol";
import { loadMiniflare } from "./lib/runtime";

const { Miniflare: MiniflareClass, convertV4MiniflareOptions } = loadMiniflare();

function send(message: ServerMessage): void {
	process.send?.(message);
}

/** Applies every migrations/*.sql in order; drizzle separates statements with `--> statement-breakpoint`. */
async function applyMigrations(mf: Miniflare, dir: string): Promise<string[]> {
	const files = (await readdir(dir)).filter((name) => name.endsWith(".sql")).sort();
	const db = await mf.getD1Database("DB");
	for (const file of files) {
		const statements = (await readFile(join(dir, file), "utf8"))
			.split("--> statement-breakpoint")
			.map((statement) => statement.trim())
			.filter((statement) => statement !== "");
		await db.batch(statements.map((statement) => db.prepare(statement)));
	}
	return files;
}

async function main(): Promise<void> {
	const config = JSON.parse(process.argv[2] ?? "") as ServerConfig;
	const { workerOptions } = unstable_getMiniflareWorkerOptions(config.wranglerConfigPath);
	// API only: an assets binding in front is a routing hop that costs ~3.5x locally (TOOLING.md),
	// and every scenario goes through the same Worker, so ratios stay fair without it.
	// The bundle is one module, so wrangler's module rules are not needed (and Miniflare 5 refuses them).
	const { assets: _assets, modulesRules: _modulesRules, ...worker } = workerOptions;
	// wrangler's option type is index-signature wide (every field `unknown`); [vars] is a plain object.
	const vars = typeof worker.bindings === "object" && worker.bindings !== null ? worker.bindings : {};
	const shared = {
		host: "127.0.0.1",
		port: 0,
		logRequests: false,
		unsafeLocalExplorer: false,
		unsafeObservability: false,
		cf: false,
		telemetry: { enabled: false },
		rootPath: dirname(config.wranglerConfigPath),
		resourcePersistencePath: config.persistDir,
		...(config.inspectorPort === undefined ? {} : { inspectorPort: config.inspectorPort }),
	};
	const entry = config.importedModules
		? { modules: [config.scriptPath, ...config.importedModules].map((path) => ({ type: "ESModule", path })) }
		: { scriptPath: config.scriptPath, modules: true };
	const app = {
		...worker,
		name: "atrium",
		...entry,
		modulesRoot: dirname(config.scriptPath),
		bindings: { ...vars, ...config.vars },
	};
	// The credit scenario's driver: a second Worker bound to the app's TenantGate class.
	const creditDriver = {
		name: "credit-driver",
		modules: true,
		script: CREDIT_DRIVER_SCRIPT,
		compatibilityDate: worker.compatibilityDate,
		routes: [`${CREDIT_DRIVER_HOST}/*`],
		durableObjects: { GATE: { className: "TenantGate", scriptName: "atrium" } },
	};
	// The chat scenario's driver: bound to the app's ChatSession class.
	const chatDriver = {
		name: "chat-driver",
		modules: true,
		script: CHAT_DRIVER_SCRIPT,
		compatibilityDate: worker.compatibilityDate,
		routes: [`${CHAT_DRIVER_HOST}/*`],
		durableObjects: { CHAT: { className: "ChatSession", scriptName: "atrium" } },
	};
	// Set-up only: the app's own D1 database, for what the API cannot do (e.g. choose a plan without Stripe).
	const dbDriver = {
		name: "db-driver",
		modules: true,
		script: DB_DRIVER_SCRIPT,
		compatibilityDate: worker.compatibilityDate,
		routes: [`${DB_DRIVER_HOST}/*`],
		d1Databases: worker.d1Databases,
	};
	// Workers of different shapes: the literal is wider than the option union TypeScript infers.
	const options = { ...shared, workers: [app, creditDriver, chatDriver, dbDriver] } as Parameters<typeof convertV4MiniflareOptions>[0];
	const mf = new MiniflareClass(convertV4MiniflareOptions(options));

	let stopping = false;
	const stop = async (code: number) => {
		if (stopping) return;
		stopping = true;
		await mf.dispose().catch(() => {});
		process.exit(code);
	};
	process.on("message", (message: RunnerMessage) => {
		if (message.type === "stop") void stop(0);
	});
	process.on("disconnect", () => void stop(0));
	process.on("SIGTERM", () => void stop(0));
	process.on("SIGINT", () => void stop(0));

	try {
		const url = await mf.ready;
		const migrations = await applyMigrations(mf, config.migrationsDir);
		send({ type: "ready", url: url.href, migrations });
	} catch (error) {
		send({ type: "failed", error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
		await stop(1);
	}
}

main().catch((error: unknown) => {
	send({ type: "failed", error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
	process.exit(1);
});
