/// <reference types="vite/client" />
/**
 * PDF text inside workerd: the pdf.js that unpdf bundles loads and runs in the Workers runtime, and
 * a PDF from Chrome's print-to-PDF (Type0/CID fonts with ToUnicode maps, Polish and Japanese text)
 * reaches the model as readable text when attached to an assistant message.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { extractPdfText } from "../../worker/lib/pdf/pdf-text";
import cidFontPdfUrl from "../fixtures/cid-font-chrome.pdf?inline";
import { uniqueSlug } from "../support/agencies";
import { newConversation, openStream, sendMessage, sent } from "./assistant-helpers";
import { uploaded, uploadSmall } from "./document-fixtures";
import { portalAgency } from "./portal-fixtures";

const MINI = "openai/gpt-4o-mini";
const FIXTURE_TEXT = "Umowa: Łódź 東京\nZażółć gęślą jaźń.\n東京都の会議は月曜日です。";

/** The fixture's bytes (Vite inlines it as a base64 data: URL; workerd has no file system). */
function cidFontPdf(): Uint8Array {
	const base64 = cidFontPdfUrl.slice(cidFontPdfUrl.indexOf(",") + 1);
	return Uint8Array.from(atob(base64), (ch) => ch.charCodeAt(0));
}

describe("PDF text in the Workers runtime", () => {
	it("extracts the text of Chrome's print-to-PDF, CID fonts included", async () => {
		expect(await extractPdfText(cidFontPdf())).toBe(FIXTURE_TEXT);
	});

	it("gives the model a CID-font PDF's text when it is attached to a message", async () => {
		const agency = await portalAgency(uniqueSlug("cid-pdf"));
		await env.TENANT_GATE.getByName(agency.tenantId).grantCredits({ amount: 1_000, idempotencyKey: "g", reason: "test allowance" });
		const pdf = await uploaded(
			uploadSmall(agency, "umowa.pdf", cidFontPdf(), { contentType: "application/pdf", clientId: agency.clientX.id }),
		);
		const conversation = await newConversation(agency, agency.staffCookie, MINI);
		const stream = await openStream(agency, conversation, agency.staffCookie);
		const body = { content: "Summarise this [[openai:echo-system]]", modelId: MINI, about: { kind: "document", id: pdf.id } };
		const { reply } = await sent(await sendMessage(agency, conversation, body, agency.staffCookie));
		const notes = (await stream.until(reply.id)).content;
		await stream.close();
		expect(notes).toContain('Portal record: document "umowa.pdf"');
		expect(notes).toContain(`"text": ${JSON.stringify(FIXTURE_TEXT)}`);
	});
});
