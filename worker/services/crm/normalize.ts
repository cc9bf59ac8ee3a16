/**
 * What duplicate detection compares (pure): an email trimmed and lower-cased, a phone reduced to
 * its digits (a leading + kept), a company's domain without scheme, `www.`, path or port.
 */

export function normalizeEmail(email: string | null | undefined): string | null {
	const trimmed = email?.trim().toLowerCase();
	return trimmed ? trimmed : null;
}

/** Null when fewer than 4 digits remain (not a phone number). */
export function normalizePhone(phone: string | null | undefined): string | null {
	if (!phone) return null;
	const digits = phone.replace(/\D/g, "");
	if (digits.length < 4 || digits.length > 20) return null;
	return phone.trim().startsWith("+") ? `+${digits}` : digits;
}

export function normalizeDomain(domain: string | null | undefined): string | null {
	if (!domain) return null;
	const host = domain
		.trim()
		.toLowerCase()
		.replace(/^[a-z]+:\/\//, "")
		.replace(/^www\./, "")
		.split(/[/?#:]/)[0];
	return host ? host.replace(/\.$/, "") : null;
}
