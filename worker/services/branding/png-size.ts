/** Reads the width and height of a PNG from its header, or null when the bytes are not a PNG. */
const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export function pngSize(bytes: Uint8Array): { width: number; height: number } | null {
	if (bytes.length < 24) return null;
	if (!SIGNATURE.every((b, i) => bytes[i] === b)) return null;
	// The first chunk must be IHDR: length (4), type "IHDR" (4), width (4), height (4).
	if (String.fromCharCode(...bytes.subarray(12, 16)) !== "IHDR") return null;
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	return { width: view.getUint32(16), height: view.getUint32(20) };
}
