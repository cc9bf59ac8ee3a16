/** Brand colours: WCAG contrast arithmetic, the refusal message, and a palette that always reads. */
import { describe, expect, it } from "vitest";
import {
	brandColorProblem,
	brandPalette,
	contrastRatio,
	DEFAULT_PRIMARY_COLOR,
	formatRatio,
	MIN_TEXT_CONTRAST,
} from "../../schema/brand-palette";

describe("brand colours", () => {
	it("computes WCAG contrast ratios", () => {
		expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 5);
		expect(contrastRatio("#ffffff", "#ffffff")).toBe(1);
		expect(contrastRatio("#767676", "#ffffff")).toBeCloseTo(4.54, 2);
	});

	it("accepts dark colours and refuses light ones with the ratio, rounded down", () => {
		expect(brandColorProblem(DEFAULT_PRIMARY_COLOR)).toBeNull();
		expect(brandColorProblem("#0B6E4F")).toBeNull();
		expect(brandColorProblem("#ffcc00")).toMatch(/^has a contrast of 1\.[0-9]:1 with white; WCAG AA needs 4\.5:1/);
		expect(brandColorProblem("#777777")).toMatch(/4\.4:1/);
		expect(brandColorProblem("blue")).toBe("must be a colour like #1f4ed8");
		expect(formatRatio(4.49)).toBe("4.4:1");
	});

	it("derives a palette whose text pairs all meet AA", () => {
		for (const colour of ["#1f4ed8", "#0b6e4f", "#7c3aed", "#b91c1c", "#595959"]) {
			const p = brandPalette(colour);
			expect(contrastRatio(p.brand, "#ffffff")).toBeGreaterThanOrEqual(MIN_TEXT_CONTRAST);
			expect(contrastRatio(p.brandDark, "#ffffff")).toBeGreaterThanOrEqual(MIN_TEXT_CONTRAST);
			expect(contrastRatio(p.brandInk, p.brandSoft)).toBeGreaterThanOrEqual(MIN_TEXT_CONTRAST);
		}
	});
});
