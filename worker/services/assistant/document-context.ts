/**
 * Portal documents as assistant context: the user attaches a document they may read — through the
 * documents service's own check (`getVersion`: the document's client must be one their
 * ClientAccess sees, else 404) and only with `documents:read` — and its current version's text goes
 * to the model as data inside a portal-data block, truncated to a budget. Plain text, Markdown,
 * CSV and JSON are read as UTF-8; PDFs through worker/lib/pdf/pdf-text.ts (unpdf's pdf.js, CID fonts included).
 */
import { extractPdfText } from "../../lib/pdf/pdf-text";
import { problems } from "../../lib/problem";
import { getVersion } from "../documents/versions";
import type { ContextProvider, ContextRequest } from "./context-types";
import { portalRecordNote } from "./portal-record-note";

/** Characters of a document given to the model, at most (about 3,000 tokens). */
export const DOCUMENT_TEXT_BUDGET = 12_000;
/** Files larger than this are not read for context. */
export const DOCUMENT_MAX_BYTES = 10 * 1024 * 1024;

const TEXT_TYPES = /^(text\/|application\/(json|xml|x-markdown|markdown)\b)/;

function refuse(message: string) {
	return problems.validation([{ path: "about.id", message }]);
}

/** The readable text of a document's current version (the whole of it; the caller truncates). */
async function documentText(request: ContextRequest, id: string): Promise<{ name: string; contentType: string; text: string }> {
	if (!request.documents?.mayRead) throw problems.notFound("There is no document with this id.");
	const { document, version } = await getVersion(request.scope, request.access, id);
	const contentType = version.contentType.toLowerCase();
	const isPdf = contentType.startsWith("application/pdf");
	if (!isPdf && !TEXT_TYPES.test(contentType)) throw refuse("is not a text or PDF document, so the assistant cannot read it");
	if (version.size > DOCUMENT_MAX_BYTES) throw refuse("is larger than 10 MB, too large to read for the assistant");
	const object = await request.documents.files.get(version.objectKey);
	if (!object) throw problems.notFound("The stored file is missing.");
	const bytes = new Uint8Array(await object.arrayBuffer());
	const text = isPdf ? await extractPdfText(bytes) : new TextDecoder().decode(bytes);
	if (text === null || text.trim() === "")
		throw refuse(
			isPdf
				? "has no text the assistant can read (a scanned or image-only PDF, or one with unusual font encodings); paste the text into your message instead"
				: "is empty",
		);
	return { name: document.name, contentType, text };
}

export const documentContextProvider: ContextProvider = {
	id: "documents",
	async contextFor(request: ContextRequest): Promise<string[]> {
		if (request.about?.kind !== "document") return [];
		const { name, contentType, text } = await documentText(request, request.about.id);
		const truncated = text.length > DOCUMENT_TEXT_BUDGET;
		const record = {
			document: name,
			contentType,
			text: truncated ? text.slice(0, DOCUMENT_TEXT_BUDGET) : text,
			...(truncated ? { truncated: `only the first ${DOCUMENT_TEXT_BUDGET} of ${text.length} characters are included` } : {}),
		};
		return [portalRecordNote(`document "${name}"`, record)];
	},
};
