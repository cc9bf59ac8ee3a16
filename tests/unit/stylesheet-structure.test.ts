/**
 * Guards the PWA stylesheet against a dropped closing brace. Modern CSS allows nesting, so a
 * missing `}` is not a parse error: every rule after it silently becomes a child of the rule
 * before it and stops applying (a merge once hid every progress bar this way). The stylesheet
 * nests only inside at-rules, so any style rule inside a style rule is such a slip.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

type Block = { selector: string; line: number };

/** Lines where a style rule opens inside another style rule (at-rule blocks may hold rules). */
function nestedStyleRules(css: string): string[] {
	const withoutComments = css.replace(/\/\*[\s\S]*?\*\//g, (comment) => comment.replace(/[^\n]/g, " "));
	const stack: Block[] = [];
	const problems: string[] = [];
	let pending = "";
	let line = 1;
	for (const ch of withoutComments) {
		if (ch === "\n") line++;
		if (ch === "{") {
			const selector = pending.trim();
			const parent = stack.at(-1);
			if (parent && !parent.selector.startsWith("@") && !selector.startsWith("@")) {
				problems.push(`line ${line}: "${selector}" is nested inside "${parent.selector}" (opened on line ${parent.line})`);
			}
			stack.push({ selector, line });
			pending = "";
		} else if (ch === "}") {
			stack.pop();
			pending = "";
		} else if (ch === ";") {
			pending = "";
		} else {
			pending += ch;
		}
	}
	if (stack.length > 0) problems.push(`${stack.length} block(s) never closed, the last opened on line ${stack.at(-1)?.line}`);
	return problems;
}

describe("the PWA stylesheet", () => {
	it("closes every rule, so no rule is swallowed by the one before it", () => {
		const css = readFileSync(new URL("../../pwa/src/styles/app.css", import.meta.url), "utf8");
		expect(nestedStyleRules(css)).toEqual([]);
	});

	it("would notice a rule left open", () => {
		expect(nestedStyleRules(".a {\n\tcolor: red;\n.b {\n\tcolor: blue;\n}\n")).toHaveLength(2);
	});
});
