/**
 * The text of a PDF, through unpdf: a serverless build of Mozilla's pdf.js that runs in Workers.
 * It reads what real writers produce — Type0/CID fonts with ToUnicode maps (Chrome's and Word's
 * print-to-PDF, any non-Latin script), simple fonts with standard or custom encodings, compressed
 * object streams and every stream filter — page by page, lines as the page lays them out.
 *
 * pdf.js is about 1.6 MB of code, so it is loaded with a dynamic `import()` here, only when a PDF is
 * read, and never evaluated by a Worker that serves other routes.
 *
 * Limits, by design (documented in docs/ASSISTANT.md):
 * - the first MAX_PAGES pages are read, and reading stops once MAX_TEXT characters are collected
 *   (the caller truncates to its own budget anyway);
 * - encrypted files that need a password and damaged files pdf.js cannot open have no text here;
 * - fonts with no ToUnicode map whose glyphs pdf.js cannot name, and CJK text in predefined CMaps
 *   (e.g. UniJIS-UCS2-H; their CMap files are not bundled) come out as noise and are refused;
 * - scanned or image-only PDFs have no text to extract (no OCR).
 * The caller is told `null` when nothing readable came out, so it can say so plainly.
 */

type PdfDocument = Awaited<ReturnType<typeof import("unpdf").getDocumentProxy>>;

/** How many pages are read, at most. */
const MAX_PAGES = 500;
/** Text beyond this many characters is not collected (the caller truncates to its own budget anyway). */
const MAX_TEXT = 200_000;
/** Below this share of readable characters the "text" is judged to be undecoded font bytes. */
const MIN_PRINTABLE_SHARE = 0.85;

/** pdf.js options for text only: no eval (Workers forbid it), no font loading for display, errors-only logging. */
const PDFJS_OPTIONS = { isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 };

function hasPdfHeader(bytes: Uint8Array): boolean {
	return String.fromCharCode(...bytes.subarray(0, 5)) === "%PDF-";
}

/** One page's text: each item's string, a line break where pdf.js saw the line end. */
async function pageText(document: PdfDocument, pageNumber: number): Promise<string> {
	const page = await document.getPage(pageNumber);
	const content = await page.getTextContent();
	let out = "";
	for (const item of content.items) if ("str" in item) out += item.str + (item.hasEOL ? "\n" : "");
	return out;
}

/** Share of non-space characters that are readable (not control, private-use, unassigned or U+FFFD). */
function printableShare(text: string): number {
	const chars = [...text.replace(/\s/g, "")];
	if (chars.length === 0) return 0;
	const unreadable = chars.filter((ch) => /[\p{C}\uFFFD]/u.test(ch)).length;
	return (chars.length - unreadable) / chars.length;
}

/** The text of a PDF, or null when it has none that can be read. */
export async function extractPdfText(pdf: Uint8Array): Promise<string | null> {
	if (!hasPdfHeader(pdf)) return null;
	const { getDocumentProxy } = await import("unpdf");
	let document: PdfDocument;
	try {
		// pdf.js may take over the buffer it is given: hand it a copy.
		document = await getDocumentProxy(pdf.slice(), PDFJS_OPTIONS);
	} catch {
		return null; // damaged beyond repair, or encrypted with a password
	}
	const pages: string[] = [];
	try {
		let collected = 0;
		const last = Math.min(document.numPages, MAX_PAGES);
		for (let pageNumber = 1; pageNumber <= last && collected < MAX_TEXT; pageNumber++) {
			const text = await pageText(document, pageNumber).catch(() => ""); // a damaged page is skipped
			if (text.trim() === "") continue;
			pages.push(text);
			collected += text.length;
		}
	} finally {
		await document.loadingTask.destroy();
	}
	const joined = pages
		.join("\n\n")
		.slice(0, MAX_TEXT)
		.replace(/[ \t]+\n/g, "\n")
		.replace(/\n{3,}/g, "\n\n")
		.trim();
	if (joined === "" || printableShare(joined) < MIN_PRINTABLE_SHARE) return null;
	return joined;
}
