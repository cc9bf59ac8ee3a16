/** Theme colour roles: WCAG maths on worked examples, roles that read in light and dark, refusals naming the field. */
import { describe, expect, it } from "vitest";
import { contrastRatio, MIN_TEXT_CONTRAST } from "../../schema/brand-palette";
import {
	APPEARANCES,
	brandRoles,
	colorRoleProperties,
	mix,
	NEUTRALS,
	readableOn,
	textOn,
	themeColorProblems,
} from "../../schema/theme-colors";

describe("theme colour roles", () => {
	it("uses WCAG relative luminance: worked examples with known ratios", () => {
		expect(contrastRatio("#777777", "#ffffff")).toBeCloseTo(4.48, 2);
		expect(contrastRatio("#767676", "#ffffff")).toBeCloseTo(4.54, 2);
		expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 5);
		expect(contrastRatio("#ff0000", "#ffffff")).toBeCloseTo(4.0, 2);
		expect(contrastRatio("#0000ff", "#ffffff")).toBeCloseTo(8.59, 2);
	});

	it("mixes in sRGB and shifts a colour only as far as it must to read", () => {
		expect(mix("#000000", "#ffffff", 0.5)).toBe("#808080");
		expect(mix("#1f4ed8", "#1f4ed8", 0.3)).toBe("#1f4ed8");
		// #777 on white is 4.48: one 5 % step toward black makes it pass.
		expect(readableOn("#777777", ["#ffffff"], "#000000")).toBe(mix("#777777", "#000000", 0.05));
		expect(readableOn("#767676", ["#ffffff"], "#000000")).toBe("#767676");
		// White text on white can never be reached within the allowed shift toward white.
		expect(readableOn("#ffffff", ["#ffffff"], "#ffffff")).toBeNull();
	});

	it("puts white or near-black text on a fill, whichever reads better", () => {
		expect(textOn("#1f4ed8")).toBe("#ffffff");
		expect(textOn("#f59e0b")).toBe(NEUTRALS.light.text);
		expect(textOn("#fef9c3")).toBe(NEUTRALS.light.text);
	});

	it("derives roles whose text meets AA in light and dark for many brands", () => {
		const brands = [
			["#1f4ed8", "#f59e0b"],
			["#0f766e", "#f97316"],
			["#000000", "#ffffff"],
			["#000080", "#000000"],
			["#7c3aed", "#fef9c3"],
			["#b91c1c", "#0000ff"],
		] as const;
		for (const [primary, accent] of brands) {
			expect(themeColorProblems(primary, accent), `${primary} ${accent}`).toEqual([]);
			for (const appearance of APPEARANCES) {
				const n = NEUTRALS[appearance];
				const { roles, problems } = brandRoles(primary, accent, appearance);
				const label = `${primary}/${accent} ${appearance}`;
				expect(problems, label).toEqual([]);
				for (const [fg, bg] of [
					[roles.onPrimary, roles.primary],
					[roles.onPrimarySoft, roles.primarySoft],
					[roles.link, n.surface],
					[roles.link, n.canvas],
					[roles.onAccent, roles.accent],
					[roles.accentText, n.surface],
					[roles.accentText, n.canvas],
					[n.text, n.surface],
					[n.muted, n.surface],
					[n.muted, n.canvas],
					[n.danger, n.surface],
					[n.onDangerSoft, n.dangerSoft],
					[n.onWarningSoft, n.warningSoft],
					[n.onSuccessSoft, n.successSoft],
				] as const) {
					expect(contrastRatio(fg, bg), `${label} ${fg} on ${bg}`).toBeGreaterThanOrEqual(MIN_TEXT_CONTRAST);
				}
			}
		}
	});

	it("lightens brand text on the dark theme and darkens it on the light one", () => {
		const light = brandRoles("#1e3a8a", "#f59e0b", "light").roles;
		const dark = brandRoles("#1e3a8a", "#f59e0b", "dark").roles;
		expect(light.link).toBe("#1e3a8a");
		expect(dark.link).not.toBe("#1e3a8a");
		expect(contrastRatio("#1e3a8a", NEUTRALS.dark.surface)).toBeLessThan(MIN_TEXT_CONTRAST);
		expect(contrastRatio(dark.link, NEUTRALS.dark.surface)).toBeGreaterThanOrEqual(MIN_TEXT_CONTRAST);
		// The amber accent reads as text on white only when darkened.
		expect(light.accentText).not.toBe("#f59e0b");
		expect(dark.accentText).toBe("#f59e0b");
	});

	it("refuses colours that cannot meet AA, naming the field", () => {
		// Pure red: 4.0:1 with white, 4.4:1 with near-black.
		expect(themeColorProblems("#1f4ed8", "#ff0000")).toEqual([
			{ path: "accentColor", message: expect.stringMatching(/^reads at best 4\.4:1 with white or dark text on it; WCAG AA needs 4\.5:1/) },
		]);
		expect(themeColorProblems("#1f4ed8", "#7a7a7a").map((p) => p.path)).toEqual(["accentColor"]);
		// #777 on white is 4.48: white button labels on it fail.
		expect(themeColorProblems("#777777", "#f59e0b")).toEqual([
			{ path: "primaryColor", message: expect.stringMatching(/4\.4:1 with white/) },
		]);
		expect(themeColorProblems("#1f4ed8", "orange")).toEqual([{ path: "accentColor", message: "must be a colour like #f59e0b" }]);
	});

	it("names every colour role as a CSS custom property, the same set in light and dark", () => {
		const light = colorRoleProperties("#1F4ED8", "#F59E0B", "light");
		const dark = colorRoleProperties("#1f4ed8", "#f59e0b", "dark");
		expect(Object.keys(light)).toEqual(Object.keys(dark));
		expect(light["--color-primary"]).toBe("#1f4ed8");
		expect(light["--color-surface"]).toBe("#ffffff");
		expect(dark["--color-surface"]).toBe(NEUTRALS.dark.surface);
	});
});
