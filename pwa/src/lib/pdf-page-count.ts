/**
 * A PDF's page count, read from its bytes without a PDF renderer (loaded lazily by the upload
 * preview, so it is never in the first bundle): counts the `/Type /Page` objects in the first
 * 16 MiB. Files whose page objects sit in compressed object streams answer null (shown as no count).
 */
const READ_AT_MOST = 16 * 1024 * 1024;

export async function pdfPageCount(file: Blob): Promise<number | null> {
	const bytes = new Uint8Array(await file.slice(0, READ_AT_MOST).arrayBuffer());
	const text = new TextDecoder("latin1").decode(bytes);
	if (!text.startsWith("%PDF-")) return null;
	const pages = text.match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0;
	return pages > 0 ? pages : null;
}
