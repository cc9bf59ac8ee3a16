/** Typed amounts in the operator console become minor units, or are refused; minor units show in their currency. */
import { describe, expect, it } from "vitest";
import { formatMoney, parseMoney } from "../../pwa/src/lib/money";

describe("money in forms", () => {
	it("reads whole and decimal amounts (dot or comma) into minor units", () => {
		expect(parseMoney("50")).toBe(5000);
		expect(parseMoney(" 12.5 ")).toBe(1250);
		expect(parseMoney("0,99")).toBe(99);
	});

	it("refuses what is not a positive amount with at most two decimals", () => {
		for (const text of ["", "0", "0.00", "-5", "1.234", "12 USD", "1e3"]) expect(parseMoney(text)).toBeNull();
	});

	it("shows minor units in their currency", () => {
		expect(formatMoney(14900, "usd")).toBe(new Intl.NumberFormat(undefined, { style: "currency", currency: "USD" }).format(149));
	});
});
