/** CSV cells: quoted when they must be, and never runnable as a spreadsheet formula. */
import { describe, expect, it } from "vitest";
import { csvCell, csvRow } from "../../worker/lib/csv";

describe("csvCell", () => {
	it("leaves plain values alone and empties null", () => {
		expect(csvCell("owner@acme.test")).toBe("owner@acme.test");
		expect(csvCell(42)).toBe("42");
		expect(csvCell(-3)).toBe("-3");
		expect(csvCell(null)).toBe("");
		expect(csvCell(undefined)).toBe("");
	});

	it("quotes commas, quotes and line breaks", () => {
		expect(csvCell('a, "b"')).toBe('"a, ""b"""');
		expect(csvCell("line\nbreak")).toBe('"line\nbreak"');
	});

	it("neutralises every formula start with a leading quote", () => {
		for (const start of ["=", "+", "-", "@", "\t", "\r"]) {
			expect(csvCell(`${start}1+1`).startsWith(`"'${start}`), JSON.stringify(start)).toBe(true);
		}
		expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
	});

	it("ends a row with CRLF", () => {
		expect(csvRow(["a", null, "=b"])).toBe(`a,,"'=b"\r\n`);
	});
});
