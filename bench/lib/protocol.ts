/** Messages between the runner and the server process (bench/server.ts), over Node's IPC channel. */

/** What the runner passes to the server process, as its only argument (JSON). */
export type ServerConfig = {
	/** The bundled Worker (`index.js` from `wrangler deploy --dry-run`). */
	scriptPath: string;
	/** wrangler.toml: bindings, compatibility date and module rules come from it. */
	wranglerConfigPath: string;
	migrationsDir: string;
	/** A fresh directory for D1, R2 and Durable Object state. */
	persistDir: string;
	/** Overrides of wrangler.toml's [vars]. */
	vars: Record<string, string>;
	/** Opens workerd's V8 inspector on this port (bench/tools/profile.ts); absent: no inspector. */
	inspectorPort?: number;
	/** Modules `scriptPath` imports (bench/tools/profile.ts's wrapper imports the bundle); absent: the bundle is one module. */
	importedModules?: string[];
};

export type ServerMessage = { type: "ready"; url: string; migrations: string[] } | { type: "failed"; error: string };

export type RunnerMessage = { type: "stop" };
