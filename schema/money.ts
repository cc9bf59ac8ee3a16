/**
 * Money in every currency: amounts are integers in the currency's minor units (DESIGN §4). A
 * currency's minor units are the exponent of Stripe's amounts, written out here rather than taken
 * from Intl (whose CLDR data shows HUF, ISK and UGX without decimals): ISO 4217's, except ISK and UGX
 * (two in Stripe's amounts, none in ISO) and MGA (none in Stripe's, two in ISO). JPY has none (1500
 * is ¥1,500), KWD three (1234 is KWD 1.234), most two (1999 is $19.99). Pure: the Worker and the
 * PWA share it.
 */

/** Currencies whose amounts have no minor unit. */
const ZERO_DECIMAL = new Set(["bif", "clp", "djf", "gnf", "jpy", "kmf", "krw", "mga", "pyg", "rwf", "vnd", "vuv", "xaf", "xof", "xpf"]);
/** Currencies whose amounts have three decimals. */
const THREE_DECIMAL = new Set(["bhd", "iqd", "jod", "kwd", "lyd", "omr", "tnd"]);
/** Currencies with four decimals (a unit of account). */
const FOUR_DECIMAL = new Set(["clf", "uyw"]);

/** How many decimals an amount in `currency` has: 1500 minor units of JPY are 1500 yen, of USD 15.00 dollars. */
export function minorUnitDigits(currency: string): number {
	const code = currency.toLowerCase();
	if (ZERO_DECIMAL.has(code)) return 0;
	if (THREE_DECIMAL.has(code)) return 3;
	if (FOUR_DECIMAL.has(code)) return 4;
	return 2;
}

/** Whether `currency` is an ISO 4217 code this runtime knows (so it can be shown and charged). */
export function isKnownCurrency(currency: string): boolean {
	if (!/^[a-z]{3}$/i.test(currency)) return false;
	const known = Intl.supportedValuesOf?.("currency");
	return known ? known.includes(currency.toUpperCase()) : true;
}

/** The exact decimal text of an amount, without a currency sign: (1234, "kwd") → "1.234", (1500, "jpy") → "1500". */
export function decimalAmount(minor: number, currency: string): string {
	const digits = minorUnitDigits(currency);
	const sign = minor < 0 ? "-" : "";
	const units = String(Math.abs(Math.trunc(minor)));
	if (digits === 0) return sign + units;
	const padded = units.padStart(digits + 1, "0");
	return `${sign}${padded.slice(0, -digits)}.${padded.slice(-digits)}`;
}

/** An amount shown in its currency with exactly its minor units: (1500, "jpy") → "¥1,500", (1234, "kwd") → "KWD 1.234" (en-US). */
export function formatMoney(minor: number, currency: string, locale?: string): string {
	const digits = minorUnitDigits(currency);
	return new Intl.NumberFormat(locale, {
		style: "currency",
		currency: currency.toUpperCase(),
		minimumFractionDigits: digits,
		maximumFractionDigits: digits,
	}).format(Number(decimalAmount(minor, currency)));
}

export type ParsedMoney = { ok: true; minor: number } | { ok: false; reason: "not-an-amount" | "too-many-decimals" | "not-positive" };

/**
 * A typed amount read into minor units: "19.99" USD → 1999, "1500" JPY → 1500, "1.234" KWD → 1234.
 * A dot or a comma separates the decimals; more decimals than the currency has are refused, never rounded.
 */
export function parseMoney(text: string, currency: string): ParsedMoney {
	const match = /^\s*(\d{1,12})(?:[.,](\d+))?\s*$/.exec(text);
	if (!match) return { ok: false, reason: "not-an-amount" };
	const digits = minorUnitDigits(currency);
	const fraction = match[2] ?? "";
	if (fraction.length > digits) return { ok: false, reason: "too-many-decimals" };
	const minor = Number(`${match[1]}${fraction.padEnd(digits, "0")}`);
	if (!Number.isSafeInteger(minor)) return { ok: false, reason: "not-an-amount" };
	return minor > 0 ? { ok: true, minor } : { ok: false, reason: "not-positive" };
}

/** An example amount as typed in `currency`: "20.00" (USD), "20" (JPY), "20.000" (KWD). */
export function exampleAmount(currency: string): string {
	return decimalAmount(20 * 10 ** minorUnitDigits(currency), currency);
}

/** What to tell someone whose amount was refused: "must be an amount like 20.00 (at most 2 decimals in USD)". */
export function amountHint(currency: string): string {
	const digits = minorUnitDigits(currency);
	const code = currency.toUpperCase();
	return digits === 0
		? `must be a whole amount like ${exampleAmount(currency)} (${code} has no decimals)`
		: `must be an amount like ${exampleAmount(currency)} (at most ${digits} decimals in ${code})`;
}
