/** Money on screen: minor units shown in their currency, and typed amounts ("12.50") read back into minor units. */

export function formatMoney(minor: number, currency: string): string {
	return new Intl.NumberFormat(undefined, { style: "currency", currency: currency.toUpperCase() }).format(minor / 100);
}

/** "12.5" → 1250; null when the text is not a positive amount with at most two decimals. */
export function parseMoney(text: string): number | null {
	const match = /^\s*(\d{1,9})(?:[.,](\d{1,2}))?\s*$/.exec(text);
	if (!match) return null;
	const minor = Number(match[1]) * 100 + Number((match[2] ?? "").padEnd(2, "0"));
	return minor > 0 ? minor : null;
}
