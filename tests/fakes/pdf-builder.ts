/**
 * Builds small, valid PDFs for tests: one page per entry, its lines shown with Tj (or a TJ array),
 * the content stream FlateDecode-compressed like real writers do, in Helvetica with WinAnsiEncoding.
 * `imageOnly` makes a page with no text operators at all (what a scan looks like to a text
 * extractor); `content` is a page's content stream as given (font /F1), for operator-level cases.
 */
type Page = { lines: string[]; useTJ?: boolean } | { imageOnly: true } | { content: string };

const pdfString = (text: string) => `(${text.replace(/[\\()]/g, (c) => `\\${c}`)})`;

async function deflate(text: string): Promise<Uint8Array> {
	const stream = new Blob([new TextEncoder().encode(text)]).stream().pipeThrough(new CompressionStream("deflate"));
	return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** A Letter-size page, taller when its lines need it: text outside the page box is not shown, so extractors skip it. */
function heightOf(page: Page): number {
	return "lines" in page ? Math.max(792, 144 + 16 * page.lines.length) : 792;
}

function contentOf(page: Page): string {
	if ("imageOnly" in page) return "q 612 0 0 792 0 0 cm /Im1 Do Q";
	if ("content" in page) return page.content;
	const top = heightOf(page) - 72;
	const shown = page.lines.map((line, i) => {
		const move = i === 0 ? `72 ${top} Td` : "0 -16 Td";
		if (!page.useTJ) return `${move} ${pdfString(line)} Tj`;
		const [first, ...rest] = line.split(" ");
		return `${move} [${pdfString(first ?? "")}${rest.map((word) => ` -250 ${pdfString(word)}`).join("")}] TJ`;
	});
	return `BT /F1 12 Tf ${shown.join(" ")} ET`;
}

export async function buildPdf(pages: Page[]): Promise<Uint8Array> {
	const encoder = new TextEncoder();
	const parts: Uint8Array[] = [];
	const offsets: number[] = [];
	let length = 0;
	const push = (chunk: Uint8Array | string) => {
		const bytes = typeof chunk === "string" ? encoder.encode(chunk) : chunk;
		parts.push(bytes);
		length += bytes.length;
	};
	const object = (id: number, body: string) => {
		offsets[id] = length;
		push(`${id} 0 obj\n${body}\nendobj\n`);
	};
	push("%PDF-1.7\n");
	const pageIds = pages.map((_, i) => 4 + i * 2);
	object(1, "<< /Type /Catalog /Pages 2 0 R >>");
	object(2, `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(" ")}] /Count ${pages.length} >>`);
	object(3, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
	for (const [i, page] of pages.entries()) {
		const id = pageIds[i] as number;
		object(
			id,
			`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 ${heightOf(page)}] /Resources << /Font << /F1 3 0 R >> >> /Contents ${id + 1} 0 R >>`,
		);
		const compressed = await deflate(contentOf(page));
		offsets[id + 1] = length;
		push(`${id + 1} 0 obj\n<< /Length ${compressed.length} /Filter /FlateDecode >>\nstream\n`);
		push(compressed);
		push("\nendstream\nendobj\n");
	}
	const xref = length;
	const count = 4 + pages.length * 2 - 1;
	push(`xref\n0 ${count + 1}\n0000000000 65535 f \n`);
	for (let id = 1; id <= count; id++) push(`${String(offsets[id] ?? 0).padStart(10, "0")} 00000 n \n`);
	push(`trailer\n<< /Size ${count + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`);
	const out = new Uint8Array(length);
	let at = 0;
	for (const part of parts) {
		out.set(part, at);
		at += part.length;
	}
	return out;
}
