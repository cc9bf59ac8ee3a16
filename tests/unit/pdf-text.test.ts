/** The small PDF text extractor: FlateDecode content streams, Tj/TJ text, escapes, and a plain "no text" for scans. */
import { describe, expect, it } from "vitest";
import { extractPdfText } from "../../worker/lib/pdf/pdf-text";
import { buildPdf } from "../fakes/pdf-builder";

describe("extractPdfText", () => {
	it("reads the lines of every page from compressed content streams", async () => {
		const pdf = await buildPdf([
			{ lines: ["Project brief: Harbour relaunch", "Budget (draft) is $12,000 \\ firm"] },
			{ lines: ["Page two", "Deadline: 1 March"], useTJ: true },
		]);
		expect(await extractPdfText(pdf)).toBe(
			"Project brief: Harbour relaunch\nBudget (draft) is $12,000 \\ firm\n\nPage two\nDeadline: 1 March",
		);
	});

	it("reads hex strings and octal escapes", async () => {
		const content = "BT /F1 12 Tf 72 720 Td <48656c6c6f> Tj 0 -16 Td (caf\\351 \\(ok\\)) Tj ET";
		const pdf = new TextEncoder().encode(
			`%PDF-1.4\n1 0 obj\n<< /Length ${content.length} >>\nstream\n${content}\nendstream\nendobj\n%%EOF\n`,
		);
		expect(await extractPdfText(pdf)).toBe("Hello\ncafé (ok)");
	});

	it("returns null for an image-only PDF, a non-PDF and undecodable font bytes", async () => {
		expect(await extractPdfText(await buildPdf([{ imageOnly: true }]))).toBeNull();
		expect(await extractPdfText(new TextEncoder().encode("just text"))).toBeNull();
		const cid = "BT /F1 12 Tf <0003000400050006000700080009> Tj ET";
		expect(await extractPdfText(new TextEncoder().encode(`%PDF-1.4\n1 0 obj\n<< >>\nstream\n${cid}\nendstream\nendobj\n`))).toBeNull();
	});
});
