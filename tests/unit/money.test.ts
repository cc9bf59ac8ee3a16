/**
 * Money in every currency (schema/money.ts), proven against worked examples: minor units shown with
 * the currency's real decimals (JPY none, KWD three, USD two) and typed amounts read back exactly,
 * refusing more decimals than the currency has instead of rounding.
 */
import { describe, expect, it } from "vitest";
import { amountHint, decimalAmount, formatMoney, isKnownCurrency, minorUnitDigits, parseMoney } from "../../schema/money";

/** Intl separates a currency code from the number with a no-break space. */
const nbsp = (text: string) => text.replace(/ /g, "\u00a0");

describe("minor units", () => {
	it("knows each currency's decimals", () => {
		expect([minorUnitDigits("usd"), minorUnitDigits("EUR"), minorUnitDigits("jpy"), minorUnitDigits("krw")]).toEqual([2, 2, 0, 0]);
		expect([minorUnitDigits("kwd"), minorUnitDigits("bhd"), minorUnitDigits("tnd"), minorUnitDigits("clf")]).toEqual([3, 3, 3, 4]);
		// Stripe's amounts, not CLDR's display: HUF and ISK amounts carry two decimals.
		expect([minorUnitDigits("huf"), minorUnitDigits("isk")]).toEqual([2, 2]);
	});

	it("writes the exact decimal of an amount", () => {
		expect(decimalAmount(1500, "jpy")).toBe("1500");
		expect(decimalAmount(1234, "kwd")).toBe("1.234");
		expect(decimalAmount(5, "kwd")).toBe("0.005");
		expect(decimalAmount(1999, "usd")).toBe("19.99");
		expect(decimalAmount(7, "usd")).toBe("0.07");
		expect(decimalAmount(-250, "usd")).toBe("-2.50");
	});
});

describe("amounts shown", () => {
	it("shows JPY 1500 as ¥1,500, KWD 1234 as KWD 1.234 and USD 1999 as $19.99", () => {
		expect(formatMoney(1500, "jpy", "en-US")).toBe("¥1,500");
		expect(formatMoney(1234, "kwd", "en-US")).toBe(nbsp("KWD 1.234"));
		expect(formatMoney(1999, "usd", "en-US")).toBe("$19.99");
		expect(formatMoney(14900, "usd", "en-US")).toBe("$149.00");
		expect(formatMoney(1050, "eur", "de-DE")).toBe(nbsp("10,50 €"));
	});
});

describe("amounts typed", () => {
	it("reads 19.99 USD as 1999, 1500 JPY as 1500 and 1.234 KWD as 1234", () => {
		expect(parseMoney("19.99", "usd")).toEqual({ ok: true, minor: 1999 });
		expect(parseMoney("1500", "jpy")).toEqual({ ok: true, minor: 1500 });
		expect(parseMoney("1.234", "kwd")).toEqual({ ok: true, minor: 1234 });
		expect(parseMoney(" 12,5 ", "usd")).toEqual({ ok: true, minor: 1250 });
		expect(parseMoney("50", "usd")).toEqual({ ok: true, minor: 5000 });
		expect(parseMoney("0.5", "kwd")).toEqual({ ok: true, minor: 500 });
	});

	it("refuses more decimals than the currency has, never rounding", () => {
		expect(parseMoney("1.234", "usd")).toEqual({ ok: false, reason: "too-many-decimals" });
		expect(parseMoney("1500.5", "jpy")).toEqual({ ok: false, reason: "too-many-decimals" });
		expect(parseMoney("1.2345", "kwd")).toEqual({ ok: false, reason: "too-many-decimals" });
		expect(amountHint("jpy")).toBe("must be a whole amount like 20 (JPY has no decimals)");
		expect(amountHint("kwd")).toBe("must be an amount like 20.000 (at most 3 decimals in KWD)");
	});

	it("refuses what is not a positive amount", () => {
		for (const text of ["", "0", "0.00", "-5", "12 USD", "1e3", "1.2.3"]) expect(parseMoney(text, "usd").ok).toBe(false);
	});

	it("round-trips every amount it shows", () => {
		for (const [minor, currency] of [
			[1500, "jpy"],
			[1234, "kwd"],
			[1999, "usd"],
			[1, "bhd"],
		] as const) {
			expect(parseMoney(decimalAmount(minor, currency), currency)).toEqual({ ok: true, minor });
		}
	});

	it("knows real currencies from made-up codes", () => {
		expect(isKnownCurrency("jpy")).toBe(true);
		expect(isKnownCurrency("kwd")).toBe(true);
		expect(isKnownCurrency("zzz")).toBe(false);
	});
});
