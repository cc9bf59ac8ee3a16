/**
 * The runner's handle on the server process (bench/server.ts): starts it in its own process group,
 * waits for `ready`, keeps the tail of its output for error reports, and stops it (with workerd).
 */
import { type ChildProcess, fork } from "node:child_process";
import { join } from "node:path";
import type { RunnerMessage, ServerConfig, ServerMessage } from "./protocol";

export type ServerHandle = {
	/** e.g. http://127.0.0.1:41235/ */
	url: URL;
	/** The server process; workerd runs as its child. */
	pid: number | undefined;
	migrations: string[];
	/** The last lines the server process and workerd wrote. */
	output(): string;
	stop(): Promise<void>;
};

const OUTPUT_TAIL = 20_000;

export async function startServer(config: ServerConfig, timeoutMs = 60_000): Promise<ServerHandle> {
	const child: ChildProcess = fork(join(import.meta.dirname, "..", "server.ts"), [JSON.stringify(config)], {
		// tsx's loader by absolute URL, so the child starts from any working directory.
		execArgv: ["--import", import.meta.resolve("tsx")],
		stdio: ["ignore", "pipe", "pipe", "ipc"],
		detached: true,
	});
	let output = "";
	const keep = (chunk: Buffer) => {
		output = (output + String(chunk)).slice(-OUTPUT_TAIL);
	};
	child.stdout?.on("data", keep);
	child.stderr?.on("data", keep);

	const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
	const killGroup = (signal: NodeJS.Signals) => {
		if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
		try {
			process.kill(-child.pid, signal);
		} catch {
			// Already gone.
		}
	};
	const stop = async () => {
		if (child.exitCode !== null || child.signalCode !== null) return;
		if (child.connected) child.send({ type: "stop" } satisfies RunnerMessage);
		else killGroup("SIGTERM");
		const timer = setTimeout(() => killGroup("SIGKILL"), 5_000);
		await exited;
		clearTimeout(timer);
	};

	const ready = await new Promise<Extract<ServerMessage, { type: "ready" }>>((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`the server process was not ready within ${timeoutMs} ms`)), timeoutMs);
		child.on("message", (message: ServerMessage) => {
			clearTimeout(timer);
			if (message.type === "ready") resolve(message);
			else reject(new Error(`the server process failed:\n${message.error}`));
		});
		child.once("exit", (code, signal) => {
			clearTimeout(timer);
			reject(new Error(`the server process exited early (${signal ?? code})`));
		});
	}).catch(async (error: unknown) => {
		await stop();
		const tail = output.trim();
		throw new Error(`${error instanceof Error ? error.message : String(error)}${tail ? `\n--- server output ---\n${tail}` : ""}`);
	});

	return { url: new URL(ready.url), pid: child.pid, migrations: ready.migrations, output: () => output, stop };
}
