/**
 * Sub-domain labels that never name an agency (no runtime imports: the PWA's sign-up form checks
 * them too). A reviewed list: the platform's own and conventional infrastructure names, which an
 * agency could otherwise use to pose as the platform (phishing `login.<platform>`, `admin.…`,
 * `billing.…`), plus every punycode label (`xn--…`), which can spell a look-alike of another
 * agency or of these names. Add a name here before the platform serves anything under it.
 */

export const RESERVED_SLUGS: readonly string[] = [
	// The platform's own surfaces.
	"admin",
	"api",
	"app",
	"auth",
	"login",
	"logout",
	"signin",
	"signup",
	"sso",
	"oauth",
	"account",
	"accounts",
	"operator",
	"platform",
	"dashboard",
	"console",
	"portal",
	"billing",
	"checkout",
	"pay",
	"payments",
	"invoice",
	"invoices",
	"security",
	"root",
	"system",
	"atrium",
	// Mail and web infrastructure.
	"www",
	"mail",
	"email",
	"smtp",
	"imap",
	"pop",
	"mx",
	"ns",
	"ns1",
	"ns2",
	"webmail",
	"autodiscover",
	"autoconfig",
	"ftp",
	// Assets, docs and support.
	"static",
	"assets",
	"cdn",
	"media",
	"files",
	"docs",
	"status",
	"help",
	"support",
	"blog",
	"news",
	"webhooks",
	// Environments.
	"dev",
	"staging",
	"localhost",
];

/** Punycode labels (IDNs) are refused outright: they can render as a look-alike of another name. */
export const PUNYCODE_PREFIX = "xn--";

/** Whether a (normalised, lower-case) slug is kept for the platform. */
export function isReservedSlug(slug: string): boolean {
	return slug.startsWith(PUNYCODE_PREFIX) || RESERVED_SLUGS.includes(slug);
}
