/** Opaque keyset cursors: the sort value and id of the last row of a page, as base64url JSON. */
import { problems } from "./problem";

export type KeysetCursor = { value: string | number; id: string };

export function encodeCursor(cursor: KeysetCursor): string {
	return btoa(JSON.stringify([cursor.value, cursor.id]))
		.replace(/\+/g, "-")
		.replace(/\//g, "_")
		.replace(/=+$/, "");
}

/** The cursor a client sent back; a 422 naming `cursor` when it is not one of ours. */
export function decodeCursor(raw: string): KeysetCursor {
	try {
		const parsed: unknown = JSON.parse(atob(raw.replace(/-/g, "+").replace(/_/g, "/")));
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
