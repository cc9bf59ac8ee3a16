/**
 * How charts write numbers, in the person's locale (their profile's, else the browser's): whole
 * values in full for readouts and tables ("1,234"), compact for axis ticks ("1.2K"). Money goes
 * through schema/money.ts's formatMoney, passed in by the screen as a chart's `format`.
 */
import { datePreferences } from "../../../lib/date-format";

export type NumberWriter = (value: number) => string;

/** The locale charts write in (undefined: the browser's). */
export function chartLocale(): string | undefined {
	return datePreferences.value.locale ?? undefined;
}

export function fullNumber(locale = chartLocale()): NumberWriter {
	const format = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
	return (value) => format.format(value);
}

export function compactNumber(locale = chartLocale()): NumberWriter {
	const format = new Intl.NumberFormat(locale, { notation: "compact", maximumFractionDigits: 1 });
	return (value) => format.format(value);
}

/** A label cut to about `maxChars` characters with an ellipsis (SVG text cannot wrap); the full text stays in the label and table. */
export function truncateLabel(text: string, maxChars: number): string {
	if (maxChars < 2) return "…";
	return text.length <= maxChars ? text : `${text.slice(0, maxChars - 1).trimEnd()}…`;
}

/** Roughly how wide `text` is drawn at the charts' 12 px label size, to lay out margins before drawing. */
export function labelWidth(text: string): number {
	return Math.ceil(text.length * 7);
}
