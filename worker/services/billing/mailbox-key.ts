/**
 * The mailbox an email address delivers to, for telling whether two addresses are one person's
 * (self-referral): lower-cased, the `+tag` of the local part dropped, and for Gmail the dots of
 * the local part dropped too, with googlemail.com read as gmail.com. Pure; not a sign-in key
 * (sign-in keeps the address as typed, only trimmed and lower-cased).
 */

/** Providers that ignore dots in the local part and are one mailbox under either name. */
const GMAIL_DOMAINS = new Set(["gmail.com", "googlemail.com"]);

export function mailboxKey(email: string): string {
	const address = email.trim().toLowerCase();
	const at = address.lastIndexOf("@");
	if (at <= 0) return address;
	let local = address.slice(0, at);
	let domain = address.slice(at + 1).replace(/\.$/, "");
	const plus = local.indexOf("+");
	if (plus > 0) local = local.slice(0, plus);
	if (GMAIL_DOMAINS.has(domain)) {
		domain = "gmail.com";
		local = local.replaceAll(".", "");
	}
	return `${local}@${domain}`;
}
