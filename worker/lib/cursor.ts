/**
 * Opaque keyset cursors: the sort value and id of the last row of a page, as base64url (no padding)
 * of the UTF-8 bytes of a JSON array, so a page may end on a name in any script ("Łódź", "東京").
 * The sort value must be the one the database compared (e.g. its lower(name), not JavaScript's).
 */
import { decodeBase64urlIgnorePadding, encodeBase64urlNoPadding } from "@oslojs/encoding";
import { problems } from "./problem";

export type KeysetCursor = { value: string | number; id: string };

const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

export function encodeCursor(cursor: KeysetCursor): string {
	return encodeBase64urlNoPadding(new TextEncoder().encode(JSON.stringify([cursor.value, cursor.id])));
}

/**
 * The JSON text of a cursor's bytes. Cursors made before UTF-8 (btoa, so Latin-1 bytes only) are
 * the same bytes for ASCII; one holding a Latin-1 letter such as "é" is not valid UTF-8 and is read
 * byte for byte as Latin-1, as it was written.
 */
function cursorText(bytes: Uint8Array): string {
	try {
		return utf8.decode(bytes);
	} catch {
		return String.fromCharCode(...bytes);
	}
}

/** The cursor a client sent back; a 422 naming `cursor` when it is not one of ours. */
export function decodeCursor(raw: string): KeysetCursor {
	try {
		const parsed: unknown = JSON.parse(cursorText(decodeBase64urlIgnorePadding(raw)));
		if (
			Array.isArray(parsed) &&
			parsed.length === 2 &&
			(typeof parsed[0] === "string" || typeof parsed[0] === "number") &&
			typeof parsed[1] === "string"
		) {
			return { value: parsed[0], id: parsed[1] };
		}
	} catch {
		// fall through to the problem below
	}
	throw problems.validation([{ path: "cursor", message: "must be a cursor returned by this endpoint" }]);
}
