/**
 * Nothing in the app says "coming" or "soon" about something that is not on the way: every
 * coming-soon area of the route table, every plan feature marked coming, and every "coming"/"soon"
 * phrase in the PWA's text is listed here with the open issue that builds it. Shipping an area means
 * deleting its line here; promising a new one means naming its issue.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { NAVIGATION } from "../../pwa/src/navigation";
import { COMING_FEATURES } from "../../schema/plans";

const ROOT = join(import.meta.dirname, "../..");

/** Coming-soon pages of the route table, each with the open issue that builds it. */
const COMING_AREAS: Record<string, string> = {
	"/leads": "#18 CRM and leads",
	"/analytics": "#19 marketing analytics",
	"/reports": "#21 reports and agency insights",
	"/invoices": "#24 agency-to-client billing",
};

/** Plan features the plan table marks "coming", with their open issue. */
const COMING_PLAN_FEATURES: Record<string, string> = {
	automation: "#22 automation and the integration platform",
};

/** Where "coming"/"soon" may appear in the PWA's text, and why (not a promise of a missing feature). */
const ALLOWED_PHRASES: { file: string; text: RegExp; why: string }[] = [
	{ file: "routes/coming-soon.tsx", text: /is coming soon/, why: "the page of the COMING_AREAS above" },
	{ file: "routes/billing.tsx", text: /\bcoming\b/, why: "the plan table's mark for COMING_PLAN_FEATURES" },
	{ file: "routes/dashboard.tsx", text: /due soon/, why: "a time span, not a promise" },
	{ file: "components/bookings/slot-picker.tsx", text: /in the coming week/, why: "a time span, not a promise" },
	{ file: "catalogue/stories/badge.story.tsx", text: /Due soon/, why: "a time span (the warning badge's sample text), not a promise" },
];

function sourceFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		return statSync(path).isDirectory() ? sourceFiles(path) : /\.(tsx?|html)$/.test(name) ? [path] : [];
	});
}

/** The user-visible text of a source line: string literals, template text and JSX text, not comments or identifiers. */
function visibleText(line: string): string {
	const code = line.replace(/^\s*(\/\/|\*|\/\*\*).*$/, "").replace(/\/\/.*$/, "");
	const literals = [...code.matchAll(/"([^"]*)"|`([^`]*)`|'([^']*)'|[>}]([^<>{}]+)[<{]/g)]
		.map((m) => m[1] ?? m[2] ?? m[3] ?? m[4] ?? "")
		// Module paths are not text anyone reads.
		.filter((literal) => !/^\.{1,2}\//.test(literal));
	const jsxText = /^\s*[A-Za-z][^=;(){}]*$/.test(code) ? [code] : [];
	return [...literals, ...jsxText].join(" ");
}

describe("no screen promises what is not on the way", () => {
	it("has coming-soon pages only for areas with an open issue", () => {
		// The route table's places (pwa/src/navigation.ts: plain data, read as the app reads it).
		const coming = NAVIGATION.filter((place) => place.comingSoon).map((place) => place.path);
		expect(coming.sort()).toEqual(Object.keys(COMING_AREAS).sort());
	});

	it("marks plan features coming only when an open issue builds them", () => {
		expect([...COMING_FEATURES].sort()).toEqual(Object.keys(COMING_PLAN_FEATURES).sort());
	});

	it("says coming or soon in the PWA only where listed", () => {
		const pwa = join(ROOT, "pwa");
		const files = [...sourceFiles(join(pwa, "src")), join(pwa, "index.html")];
		const found = files.flatMap((path) =>
			readFileSync(path, "utf8")
				.split("\n")
				.map((line, index) => ({ file: relative(join(pwa, "src"), path), line: index + 1, text: visibleText(line) }))
				.filter(({ text }) => /\b(coming|soon)\b/i.test(text)),
		);
		const unexplained = found.filter(({ file, text }) => !ALLOWED_PHRASES.some((a) => a.file === file && a.text.test(text)));
		expect(unexplained.map(({ file, line, text }) => `${file}:${line}: ${text.trim()}`)).toEqual([]);
		// Each allowance is still used: a stale one would hide nothing but mislead.
		for (const allowed of ALLOWED_PHRASES) {
			expect(
				found.some(({ file, text }) => file === allowed.file && allowed.text.test(text)),
				`${allowed.file}: ${allowed.why}`,
			).toBe(true);
		}
	});
});
