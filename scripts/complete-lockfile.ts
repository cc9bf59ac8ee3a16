/**
 * Completes package-lock.json with the platform-specific optional packages (macOS, Windows, musl…)
 * that this machine's npm registry mirror does not serve at the locked version. npm leaves them
 * out of the lockfile when it cannot fetch their metadata, and `npm ci` then refuses the lockfile
 * as out of sync. Each missing entry is recorded with its platform (os, cpu, libc) read from its
 * name, so `npm ci` skips it on every other platform exactly as it would with the full metadata.
 * Run after `npm install`: `npm run lockfile:complete`.
 */
import { readFileSync, writeFileSync } from "node:fs";

type LockEntry = {
	version?: string;
	optional?: boolean;
	os?: string[];
	cpu?: string[];
	libc?: string[];
	optionalDependencies?: Record<string, string>;
};
type Lockfile = { packages: Record<string, LockEntry> };

const OS: Record<string, string> = {
	darwin: "darwin",
	linux: "linux",
	win32: "win32",
	windows: "win32",
	freebsd: "freebsd",
	openbsd: "openbsd",
	netbsd: "netbsd",
	android: "android",
	openharmony: "openharmony",
	sunos: "sunos",
	aix: "aix",
};
const CPU: Record<string, string> = {
	x64: "x64",
	"64": "x64",
	arm64: "arm64",
	arm: "arm",
	ia32: "ia32",
	loong64: "loong64",
	ppc64: "ppc64",
	riscv64: "riscv64",
	s390x: "s390x",
	mips64el: "mips64el",
};

/** Platform fields from a package name such as `@rollup/rollup-linux-arm64-musl` or `@cloudflare/workerd-darwin-64`. */
export function platformOf(name: string): Pick<LockEntry, "os" | "cpu" | "libc"> | null {
	const tokens = (name.split("/").pop() ?? "").split("-");
	const osIndex = tokens.findIndex((t) => t in OS);
	if (osIndex < 0) return null;
	const rest = tokens.slice(osIndex + 1);
	const cpu = rest.map((t) => CPU[t]).find(Boolean);
	const os = OS[tokens[osIndex] ?? ""];
	if (!os || !cpu) return null;
	const libc =
		os === "linux"
			? rest.some((t) => t.startsWith("musl"))
				? ["musl"]
				: rest.some((t) => t.startsWith("gnu"))
					? ["glibc"]
					: undefined
			: undefined;
	return { os: [os], cpu: [cpu], ...(libc ? { libc } : {}) };
}

/** The lockfile path node would load `name` from when required by the package at `from`, if recorded. */
function resolve(lock: Lockfile, from: string, name: string): string | null {
	let dir = from;
	for (;;) {
		const candidate = dir ? `${dir}/node_modules/${name}` : `node_modules/${name}`;
		if (lock.packages[candidate]) return candidate;
		if (!dir) return null;
		const cut = dir.lastIndexOf("/node_modules/");
		dir = cut < 0 ? "" : dir.slice(0, cut);
	}
}

/** Where npm would keep a missing optional dependency: beside a sibling of the same version it did record, else under the package itself. */
function slotFor(lock: Lockfile, parentPath: string, siblings: string[], name: string): string {
	for (const sibling of siblings) {
		const found = resolve(lock, parentPath, sibling);
		if (found) return found.slice(0, -sibling.length) + name;
	}
	return `${parentPath}/node_modules/${name}`;
}

export function completeLockfile(lock: Lockfile): string[] {
	const added: string[] = [];
	for (const [path, entry] of Object.entries(lock.packages)) {
		const optional = entry.optionalDependencies ?? {};
		const names = Object.keys(optional);
		const satisfied = (n: string) => {
			const at = resolve(lock, path, n);
			return at !== null && lock.packages[at]?.version === optional[n]?.replace(/^[\^~=]/, "");
		};
		const recorded = names.filter(satisfied);
		for (const name of names) {
			if (satisfied(name)) continue;
			const platform = platformOf(name);
			const version = optional[name];
			if (!platform || !version) continue;
			const slot = slotFor(lock, path, recorded, name);
			if (lock.packages[slot]) continue;
			lock.packages[slot] = { version: version.replace(/^[\^~=]/, ""), optional: true, ...platform };
			added.push(`${slot}@${version}`);
		}
	}
	lock.packages = Object.fromEntries(Object.entries(lock.packages).sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : a.localeCompare(b))));
	return added;
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const file = new URL("../package-lock.json", import.meta.url);
	const lock = JSON.parse(readFileSync(file, "utf8")) as Lockfile;
	const added = completeLockfile(lock);
	writeFileSync(file, `${JSON.stringify(lock, null, "\t").replaceAll("\t", "  ")}\n`);
	console.log(added.length ? `Recorded ${added.length} platform packages:\n  ${added.join("\n  ")}` : "The lockfile is complete.");
}
