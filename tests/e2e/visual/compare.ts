/**
 * Compares a screenshot with its committed baseline (tests/e2e/visual/baselines/<name>.png) pixel by
 * pixel (pixelmatch, anti-aliasing not forgiven beyond its colour threshold). With
 * UPDATE_VISUAL_BASELINES=1 it writes the baseline instead. On a mismatch it writes the actual image
 * and a diff (changed pixels in red) to tests/e2e/.artifacts/visual/ and says where they are.
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import pixelmatch from "pixelmatch";
import { PNG } from "pngjs";

const here = dirname(fileURLToPath(import.meta.url));
export const BASELINE_DIR = join(here, "baselines");
export const ARTIFACT_DIR = join(here, "..", ".artifacts", "visual");
const REPO = join(here, "..", "..", "..");

/** pixelmatch's per-pixel colour distance (0–1): below it two pixels count as the same. */
const PIXEL_THRESHOLD = 0.1;
/** How many pixels may differ: none. Rendering here is deterministic; any change is a change. */
const MAX_DIFF_PIXELS = 0;

export const UPDATING = process.env.UPDATE_VISUAL_BASELINES === "1";
export const UPDATE_COMMAND = "UPDATE_VISUAL_BASELINES=1 npx vitest run --project e2e tests/e2e/visual-regression.test.ts";

/** Null when the screenshot matches (or the baseline was updated), else a line saying what differs and where to look. */
export async function compareWithBaseline(name: string, actual: Buffer): Promise<string | null> {
	const baselinePath = join(BASELINE_DIR, `${name}.png`);
	if (UPDATING) {
		await mkdir(dirname(baselinePath), { recursive: true });
		await writeFile(baselinePath, actual);
		return null;
	}
	const baseline = await readFile(baselinePath).catch(() => null);
	const actualPath = join(ARTIFACT_DIR, `${name}.actual.png`);
	if (!baseline) {
		await mkdir(dirname(actualPath), { recursive: true });
		await writeFile(actualPath, actual);
		return `${name}: no baseline (new story or page?): see ${relative(REPO, actualPath)}; run ${UPDATE_COMMAND} and commit it`;
	}
	// Chromium encodes the same pixels to the same bytes: the common case needs no decoding.
	if (baseline.equals(actual)) return null;
	const want = PNG.sync.read(baseline);
	const got = PNG.sync.read(actual);
	await mkdir(dirname(actualPath), { recursive: true });
	if (want.width !== got.width || want.height !== got.height) {
		await writeFile(actualPath, actual);
		return `${name}: size ${got.width}×${got.height}, baseline ${want.width}×${want.height}: see ${relative(REPO, actualPath)}`;
	}
	const diff = new PNG({ width: want.width, height: want.height });
	const changed = pixelmatch(want.data, got.data, diff.data, want.width, want.height, { threshold: PIXEL_THRESHOLD });
	if (changed <= MAX_DIFF_PIXELS) return null;
	const diffPath = join(ARTIFACT_DIR, `${name}.diff.png`);
	await writeFile(actualPath, actual);
	await writeFile(diffPath, PNG.sync.write(diff));
	return `${name}: ${changed} pixels differ: see ${relative(REPO, actualPath)} and ${relative(REPO, diffPath)}`;
}
