/**
 * Writes the app's PNG icons into pwa/public/icons/: a white "A" mark on Atrium blue (#1f4ed8).
 * Plain zlib, no image library; 4×4 supersampling smooths the edges. Run after changing the design:
 * `npx tsx scripts/generate-icons.ts`. The maskable icon keeps the mark inside the 80 % safe zone.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { deflateSync } from "node:zlib";

const BLUE = [0x1f, 0x4e, 0xd8] as const;
const WHITE = [0xff, 0xff, 0xff] as const;
const SAMPLES = 4;

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
	let c = n;
	for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
	return c >>> 0;
});

function crc32(bytes: Buffer): number {
	let crc = 0xffffffff;
	for (const byte of bytes) crc = (CRC_TABLE[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
	return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
	const length = Buffer.alloc(4);
	length.writeUInt32BE(data.length);
	const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
	const crc = Buffer.alloc(4);
	crc.writeUInt32BE(crc32(body));
	return Buffer.concat([length, body, crc]);
}

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
	const rows: Buffer[] = [];
	for (let y = 0; y < size; y++) {
		const row = Buffer.alloc(1 + size * 3); // filter byte 0, then RGB
		for (let x = 0; x < size; x++) {
			let hits = 0;
			for (let sy = 0; sy < SAMPLES; sy++) {
				for (let sx = 0; sx < SAMPLES; sx++) {
					if (inMark((x + (sx + 0.5) / SAMPLES) / size, (y + (sy + 0.5) / SAMPLES) / size, scale)) hits++;
				}
			}
			const t = hits / (SAMPLES * SAMPLES);
			for (let i = 0; i < 3; i++) row[1 + x * 3 + i] = Math.round((BLUE[i] ?? 0) * (1 - t) + (WHITE[i] ?? 0) * t);
		}
		rows.push(row);
	}
	const header = Buffer.alloc(13);
	header.writeUInt32BE(size, 0);
	header.writeUInt32BE(size, 4);
	header.set([8, 2, 0, 0, 0], 8); // 8-bit depth, truecolour, default compression, filter, no interlace
	return Buffer.concat([
		Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
		chunk("IHDR", header),
		chunk("IDAT", deflateSync(Buffer.concat(rows), { level: 9 })),
		chunk("IEND", Buffer.alloc(0)),
	]);
}

const out = new URL("../pwa/public/icons/", import.meta.url);
mkdirSync(out, { recursive: true });
writeFileSync(new URL("icon-192.png", out), png(192, 1));
writeFileSync(new URL("icon-512.png", out), png(512, 1));
writeFileSync(new URL("apple-touch-icon-180.png", out), png(180, 1));
writeFileSync(new URL("icon-maskable-512.png", out), png(512, 0.7));
console.log(`icons written to ${out.pathname}`);
