/**
 * A square RGB PNG drawn from a shape, with plain zlib and no image library: each pixel is the
 * foreground where the shape covers it (4×4 supersampled, so edges are smooth), else the background.
 * Used for Atrium's own icons (scripts/generate-icons.ts) and the demo agency's logo (demo-brand.ts).
 */
import { deflateSync } from "node:zlib";

export type Rgb = readonly [number, number, number];

/** Whether a point of the unit square (0..1, y down) lies inside the shape. */
export type Shape = (x: number, y: number) => boolean;

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

/** A `size`-pixel square PNG of `shape` in `foreground` on `background`. */
export function shapePng(size: number, shape: Shape, foreground: Rgb, background: Rgb): Buffer {
	const rows: Buffer[] = [];
	for (let y = 0; y < size; y++) {
		const row = Buffer.alloc(1 + size * 3); // filter byte 0, then RGB
		for (let x = 0; x < size; x++) {
			let hits = 0;
			for (let sy = 0; sy < SAMPLES; sy++) {
				for (let sx = 0; sx < SAMPLES; sx++) {
					if (shape((x + (sx + 0.5) / SAMPLES) / size, (y + (sy + 0.5) / SAMPLES) / size)) hits++;
				}
			}
			const t = hits / (SAMPLES * SAMPLES);
			for (let i = 0; i < 3; i++) row[1 + x * 3 + i] = Math.round((background[i] ?? 0) * (1 - t) + (foreground[i] ?? 0) * t);
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
