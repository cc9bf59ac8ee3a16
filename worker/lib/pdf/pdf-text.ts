/**
 * A small text extractor for simple PDFs, with no dependencies: it finds the file's streams,
 * inflates FlateDecode ones with the platform's DecompressionStream (unfiltered ones are read as
 * they are), and collects the strings shown by the text operators Tj, TJ, ' and " (a TJ gap wider
 * than 200 thousandths of an em becomes a space; Td/TD/T*, ' and " and ET start a new line).
 *
 * Limits, by design (documented in docs/ASSISTANT.md):
 * - strings are read as single-byte text (PDFDocEncoding/WinAnsi, as most text PDFs written by
 *   office tools and browsers use for Latin text). Fonts with custom encodings or two-byte CID fonts
 *   (Identity-H, ToUnicode maps) are not decoded; such text comes out as noise and is refused;
 * - other filters (LZW, ASCII85, DCT images…), encrypted files and object streams that hide
 *   content streams inside compressed object streams are skipped;
 * - scanned or image-only PDFs have no text to extract (no OCR).
 * The caller is told `null` when nothing readable came out, so it can say so plainly.
 */

/** How many streams are looked at, at most (fonts and images are skipped without inflating). */
const MAX_STREAMS = 500;
/** Text beyond this many characters is not collected (the caller truncates to its own budget anyway). */
const MAX_TEXT = 200_000;
/** Below this share of printable characters the "text" is judged to be undecoded font bytes. */
const MIN_PRINTABLE_SHARE = 0.85;

/** Bytes as a string with one char per byte (latin1), so offsets in the string are offsets in the bytes. */
function byteString(bytes: Uint8Array): string {
	let out = "";
	for (let i = 0; i < bytes.length; i += 0x8000) out += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
	return out;
}

async function inflate(data: Uint8Array): Promise<Uint8Array | null> {
	try {
		const stream = new Blob([data.slice()]).stream().pipeThrough(new DecompressionStream("deflate"));
		return new Uint8Array(await new Response(stream).arrayBuffer());
	} catch {
		return null;
	}
}

/** The decoded content of every stream that may hold page content, in file order. */
async function contentStreams(pdf: Uint8Array, text: string): Promise<string[]> {
	const streams: string[] = [];
	const keyword = /stream\r?\n/g;
	let match: RegExpExecArray | null = keyword.exec(text);
	while (match !== null && streams.length < MAX_STREAMS) {
		const start = match.index + match[0].length;
		const end = text.indexOf("endstream", start);
		if (end === -1) break;
		const dictStart = text.lastIndexOf("obj", match.index);
		const dict = text.slice(Math.max(dictStart, match.index - 2000), match.index);
		const skip = /\/Subtype\s*\/Image|\/Length1|\/Length2|\/Type\s*\/(XRef|ObjStm|Metadata)|\/Encrypt/.test(dict);
		if (!skip && !/endstream/.test(dict)) {
			const length = /\/Length\s+(\d+)(?!\s+\d+\s+R)/.exec(dict);
			const bodyEnd = length ? Math.min(start + Number(length[1]), end) : end;
			const body = pdf.subarray(start, bodyEnd);
			const filters = /\/Filter\s*(\[[^\]]*\]|\/\w+)/.exec(dict)?.[1] ?? "";
			if (filters === "") streams.push(byteString(body));
			else if (/^(\[\s*)?\/FlateDecode(\s*\])?$/.test(filters.trim())) {
				const inflated = await inflate(body);
				if (inflated) streams.push(byteString(inflated));
			}
		}
		keyword.lastIndex = end + "endstream".length;
		match = keyword.exec(text);
	}
	return streams;
}

const ESCAPES: Record<string, string> = { n: "\n", r: "\r", t: "\t", b: "\b", f: "\f", "(": "(", ")": ")", "\\": "\\" };

/** Reads a literal string starting after its "(" at `i`; returns the text and the index after ")". */
function literalString(s: string, i: number): [string, number] {
	let out = "";
	let depth = 1;
	while (i < s.length) {
		const ch = s[i] as string;
		if (ch === "\\") {
			const next = s[i + 1] ?? "";
			const octal = /^[0-7]{1,3}/.exec(s.slice(i + 1, i + 4))?.[0];
			if (octal) {
				out += String.fromCharCode(Number.parseInt(octal, 8) & 0xff);
				i += 1 + octal.length;
			} else if (next === "\r" || next === "\n") {
				i += next === "\r" && s[i + 2] === "\n" ? 3 : 2;
			} else {
				out += ESCAPES[next] ?? next;
				i += 2;
			}
			continue;
		}
		if (ch === "(") depth += 1;
		if (ch === ")" && --depth === 0) return [out, i + 1];
		out += ch;
		i += 1;
	}
	return [out, i];
}

function hexString(hex: string): string {
	const digits = hex.replace(/[^0-9a-fA-F]/g, "");
	const padded = digits.length % 2 ? `${digits}0` : digits;
	let out = "";
	for (let i = 0; i < padded.length; i += 2) out += String.fromCharCode(Number.parseInt(padded.slice(i, i + 2), 16));
	return out;
}

type Operand = string | number | (string | number)[];

/** The text a content stream shows, line by line. */
function showText(content: string): string {
	let out = "";
	const operands: Operand[] = [];
	let array: (string | number)[] | null = null;
	const newline = () => {
		if (out !== "" && !out.endsWith("\n")) out += "\n";
	};
	let i = 0;
	while (i < content.length && out.length < MAX_TEXT) {
		const ch = content[i] as string;
		if (ch === "(") {
			const [value, next] = literalString(content, i + 1);
			if (array) array.push(value);
			else operands.push(value);
			i = next;
		} else if (ch === "<" && content[i + 1] !== "<") {
			const close = content.indexOf(">", i);
			const value = hexString(content.slice(i + 1, close === -1 ? content.length : close));
			if (array) array.push(value);
			else operands.push(value);
			i = close === -1 ? content.length : close + 1;
		} else if (ch === "[") {
			array = [];
			i += 1;
		} else if (ch === "]") {
			if (array) operands.push(array);
			array = null;
			i += 1;
		} else if (ch === "%") {
			const eol = content.slice(i).search(/[\r\n]/);
			i = eol === -1 ? content.length : i + eol;
		} else if (/[-+.\d]/.test(ch)) {
			const number = /^[-+]?(\d+\.?\d*|\.\d+)/.exec(content.slice(i, i + 32))?.[0] ?? ch;
			if (array) array.push(Number(number));
			else operands.push(Number(number));
			i += number.length;
		} else if (/[A-Za-z'"*]/.test(ch)) {
			const operator = /^[A-Za-z'"*]+/.exec(content.slice(i, i + 8))?.[0] ?? ch;
			i += operator.length;
			const last = operands.at(-1);
			if (operator === "Tj" && typeof last === "string") out += last;
			else if ((operator === "'" || operator === '"') && typeof last === "string") {
				newline();
				out += last;
			} else if (operator === "TJ" && Array.isArray(last)) {
				for (const part of last) out += typeof part === "string" ? part : part < -200 ? " " : "";
			} else if (operator === "T*" || operator === "ET") newline();
			else if ((operator === "Td" || operator === "TD") && operands.at(-1) !== 0) newline();
			operands.length = 0;
		} else {
			i += 1;
		}
	}
	return out;
}

function printableShare(text: string): number {
	const chars = text.replace(/\s/g, "");
	if (chars.length === 0) return 0;
	const printable = chars.match(/[\x21-\x7e\u00a0-\u00ff\u2018-\u201d\u2022\u2026]/g)?.length ?? 0;
	return printable / chars.length;
}

/** The text of a simple PDF, or null when it has none that this extractor can read. */
export async function extractPdfText(pdf: Uint8Array): Promise<string | null> {
	const text = byteString(pdf);
	if (!text.startsWith("%PDF-")) return null;
	const pages = (await contentStreams(pdf, text)).map(showText).filter((page) => page.trim() !== "");
	const joined = pages
		.join("\n\n")
		.replace(/[ \t]+\n/g, "\n")
		.replace(/\n{3,}/g, "\n\n")
		.trim();
	if (joined === "" || printableShare(joined) < MIN_PRINTABLE_SHARE) return null;
	return joined;
}
