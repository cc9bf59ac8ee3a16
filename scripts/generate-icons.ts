/**
 * Writes the app's PNG icons (pwa/public/icons): a white "A" mark on Atrium blue. Run once after
 * changing the design: `tsx scripts/generate-icons.ts`. Plain zlib, no image library.
 */
import { writeFileSync } from "node:fs";
import { deflateSync } from "node:zlib";

const BLUE = [0x1f, 0x4e, 0xd8] as const;
const WHITE = [0xff, 0xff, 0xff] as const;

function crc32(bytes: Buffer): number {
	let crc = ~0;
	for (const byte of bytes) {
		crc ^= byte;
		for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
	}
	return ~crc >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
	const length = Buffer.alloc(4);
	length.writeUInt32BE(data.length);
	const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
	const crc = Buffer.alloc(4);
	crc.writeUInt32BE(crc32(body));
	return Buffer.concat([length, body, crc]);
}

/** Inside the "A": a triangle with a triangular notch cut from its base. `scale` shrinks it for the maskable safe zone. */
function inMark(x: number, y: number, size: number, scale: number): boolean {
	const u = (x / size - 0.5) / scale + 0.5;
	const v = (y / size - 0.5) / scale + 0.5;
	const top = 0.2;
	const bottom = 0.8;
	if (v < top || v > bottom) return false;
	const half = ((v - top) / (bottom - top)) * 0.3;
	if (Math.abs(u - 0.5) > half) return false;
	const notchTop = 0.55;
	if (v > notchTop && Math.abs(u - 0.5) < ((v - notchTop) / (bottom - notchTop)) * 0.14) return false;
	return true;
}

function png(size: number, scale: number): Buffer {
	const rows: Buffer[] = [];
	for (let y = 0; y < size; y++) {
		const row = Buffer.alloc(1 + size * 3);
		for (let x = 0; x < size; x++) row.set(inMark(x + 0.5, y + 0.5, size, scale) ? WHITE : BLUE, 1 + x * 3);
		rows.push(row);
	}
	const header = Buffer.alloc(13);
	header.writeUInt32BE(size, 0);
	header.writeUInt32BE(size, 4);
	header.set([8, 2, 0, 0, 0], 8);
	return Buffer.concat([
		Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
		chunk("IHDR", header),
		chunk("IDAT", deflateSync(Buffer.concat(rows), { level: 9 })),
		chunk("IEND", Buffer.alloc(0)),
	]);
}

const out = new URL("../pwa/public/icons/", import.meta.url);
writeFileSync(new URL("icon-192.png", out), png(192, 1));
writeFileSync(new URL("icon-512.png", out), png(512, 1));
writeFileSync(new URL("icon-maskable-512.png", out), png(512, 0.7));
console.log("icons written to", out.pathname);
