/**
 * `tsx scripts/ensure-chromium.ts`: installs Debian's Chromium when it is missing (as root or with
 * passwordless sudo), or exits 1 with one line saying how. `.ci/run` and the e2e set-up share it.
 */
import { ensureChromium } from "./lib/chromium";

try {
	await ensureChromium();
} catch (error) {
	console.error(error instanceof Error ? error.message : String(error));
	process.exit(1);
}
