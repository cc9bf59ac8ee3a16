/**
 * Serving a version's bytes. Images and PDFs may be shown inline (an image in the page, a PDF in the
 * browser's viewer); every other type, HTML and SVG included, is always a download. Responses carry
 * nosniff, a Content-Disposition with the file's name, and no caching by shared caches.
 */
import { INLINE_CONTENT_TYPES } from "../../../schema/dto/documents";

/** `filename="..."` for old clients (ASCII only) and `filename*=` (RFC 5987) for the real name. */
export function contentDisposition(kind: "inline" | "attachment", name: string): string {
	const ascii = name.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
	return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export function fileResponse(
	object: R2ObjectBody,
	file: { name: string; contentType: string; size: number },
	requested: "inline" | "attachment",
): Response {
	const inline = requested === "inline" && INLINE_CONTENT_TYPES.includes(file.contentType);
	return new Response(object.body, {
		status: 200,
		headers: {
			"Content-Type": inline ? file.contentType : "application/octet-stream",
			"Content-Disposition": contentDisposition(inline ? "inline" : "attachment", file.name),
			"X-Content-Type-Options": "nosniff",
			"Cache-Control": "private, no-store",
			ETag: object.httpEtag,
		},
	});
}
