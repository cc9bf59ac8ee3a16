/**
 * Writes the app's PNG icons into pwa/public/icons/: a white "A" mark on Atrium blue (#1f4ed8).
 * Plain zlib, no image library (scripts/lib/png-encode.ts); 4×4 supersampling smooths the edges. Run after changing the design:
 * `npx tsx scripts/generate-icons.ts`. The maskable icon keeps the mark inside the 80 % safe zone.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { shapePng } from "./lib/png-encode";

const BLUE = [0x1f, 0x4e, 0xd8] as const;
const WHITE = [0xff, 0xff, 0xff] as const;

/**
 * Whether a point (0..1 square coordinates) lies inside the "A": a triangle with a notch cut from
 * its base. `scale` shrinks the mark around the centre.
 */
function inMark(x: number, y: number, scale: number): boolean {
	const u = (x - 0.5) / scale + 0.5;
	const v = (y - 0.5) / scale + 0.5;
	const top = 0.2;
	const bottom = 0.8;
	if (v < top || v > bottom) return false;
	if (Math.abs(u - 0.5) > ((v - top) / (bottom - top)) * 0.3) return false;
	const notchTop = 0.55;
	return !(v > notchTop && Math.abs(u - 0.5) < ((v - notchTop) / (bottom - notchTop)) * 0.14);
}

/** A square RGB PNG of the mark at `scale` (1: full size; below 1: inside the maskable safe zone). */
function png(size: number, scale: number): Buffer {
	return shapePng(size, (x, y) => inMark(x, y, scale), WHITE, BLUE);
}

const out = new URL("../pwa/public/icons/", import.meta.url);
mkdirSync(out, { recursive: true });
writeFileSync(new URL("icon-192.png", out), png(192, 1));
writeFileSync(new URL("icon-512.png", out), png(512, 1));
writeFileSync(new URL("apple-touch-icon-180.png", out), png(180, 1));
writeFileSync(new URL("icon-maskable-512.png", out), png(512, 0.7));
console.log(`icons written to ${out.pathname}`);
