/**
 * Debian's Chromium for the browser tests and the bench: where it is, the flags this offline
 * machine needs, and what to do when it is missing — install it (root or passwordless sudo on
 * Debian, as `.ci/run` does) or stop at once with one line saying how.
 */
import { execFile } from "node:child_process";
import { access, constants } from "node:fs/promises";

export const DEFAULT_CHROMIUM_PATH = "/usr/bin/chromium";
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? DEFAULT_CHROMIUM_PATH;
export const CHROMIUM_ARGS = [
	"--headless",
	"--no-sandbox",
	"--disable-gpu",
	"--disable-quic",
	"--no-first-run",
	"--disable-background-networking",
	"--disable-component-update",
	"--disable-sync",
];

const PACKAGES = ["chromium", "fonts-liberation"];
export const INSTALL_HINT = `apt-get install -y ${PACKAGES.join(" ")}`;

/** What the machine looks like, as far as getting Chromium is concerned. */
export type ChromiumFacts = {
	path: string;
	/** The binary at `path` exists and is executable. */
	exists: boolean;
	/** Whether `path` is Debian's own (so installing the package puts it there). */
	isDebianPath: boolean;
	uid: number;
	hasAptGet: boolean;
	hasPasswordlessSudo: boolean;
};

export type ChromiumAction =
	| { kind: "ready" }
	| { kind: "install"; sudo: boolean; commands: string[][] }
	| { kind: "fail"; message: string };

/** The decision alone (no I/O): use it, install it, or one line saying how to get it. */
export function chromiumAction(facts: ChromiumFacts): ChromiumAction {
	if (facts.exists) return { kind: "ready" };
	if (!facts.isDebianPath) {
		return {
			kind: "fail",
			message: `Chromium not found at CHROMIUM_PATH=${facts.path}: point CHROMIUM_PATH at a Chromium binary, or unset it to use Debian's ${DEFAULT_CHROMIUM_PATH}.`,
		};
	}
	const canBeRoot = facts.uid === 0 || facts.hasPasswordlessSudo;
	if (facts.hasAptGet && canBeRoot) {
		return {
			kind: "install",
			sudo: facts.uid !== 0,
			commands: [
				["apt-get", "update", "-qq"],
				["apt-get", "install", "-y", "-qq", ...PACKAGES],
			],
		};
	}
	if (!facts.hasAptGet) {
		return {
			kind: "fail",
			message: `Chromium not found at ${facts.path} and this is not a Debian machine: install Chromium and set CHROMIUM_PATH to its binary.`,
		};
	}
	return {
		kind: "fail",
		message: `Chromium not found at ${facts.path}: run \`sudo ${INSTALL_HINT}\` (or set CHROMIUM_PATH), then run the tests again.`,
	};
}

async function executable(path: string): Promise<boolean> {
	return access(path, constants.X_OK).then(
		() => true,
		() => false,
	);
}

function succeeds(command: string, args: string[]): Promise<boolean> {
	return new Promise((resolve) => execFile(command, args, { timeout: 10_000 }, (error) => resolve(!error)));
}

export async function readChromiumFacts(path = CHROMIUM_PATH): Promise<ChromiumFacts> {
	const uid = process.getuid?.() ?? -1;
	const exists = await executable(path);
	return {
		path,
		exists,
		isDebianPath: path === DEFAULT_CHROMIUM_PATH,
		uid,
		hasAptGet: exists ? false : await executable("/usr/bin/apt-get"),
		hasPasswordlessSudo: exists || uid === 0 ? false : await succeeds("sudo", ["-n", "true"]),
	};
}

function run(command: string, args: string[]): Promise<void> {
	return new Promise((resolve, reject) =>
		execFile(
			command,
			args,
			{ env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" }, maxBuffer: 64 * 1024 * 1024 },
			(error, _out, err) =>
				error ? reject(new Error(`${command} ${args.join(" ")} failed: ${String(err).trim().slice(-2_000) || error.message}`)) : resolve(),
		),
	);
}

/** An error whose report is its message alone: the test runner prints no stack or code frame under it. */
function oneLineError(message: string): Error {
	const error = new Error(message);
	error.stack = `Error: ${message}`;
	return error;
}

/**
 * Makes sure Chromium is at `path`: installs Debian's package when it can (printing one line that it
 * does), otherwise throws one error line saying how to install it.
 */
export async function ensureChromium(path = CHROMIUM_PATH, log: (line: string) => void = console.log): Promise<void> {
	const action = chromiumAction(await readChromiumFacts(path));
	if (action.kind === "ready") return;
	if (action.kind === "fail") throw oneLineError(action.message);
	log(`Chromium is missing: installing Debian's ${PACKAGES.join(" ")} (${action.sudo ? "sudo " : ""}apt-get, ~30 s)…`);
	for (const [command, ...args] of action.commands) {
		if (command === undefined) continue;
		if (action.sudo) await run("sudo", ["-n", command, ...args]);
		else await run(command, args);
	}
	if (!(await executable(path)))
		throw new Error(`Installing chromium did not put it at ${path}: run \`sudo ${INSTALL_HINT}\` and try again.`);
}
