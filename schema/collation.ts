/**
 * How the database orders and matches names, for code outside it that must agree (the PWA sorting
 * records from its offline store, tests). D1 is SQLite without ICU: `lower()`, `LIKE` and `NOCASE`
 * fold the ASCII letters A–Z only, and text compares by its UTF-8 bytes, which is Unicode code point
 * order ("Zürich" < "alpha" < "Ärzte" < "Émile" < "Łódź" < "東京" < "ﬀ" < "😀"). docs/API.md,
 * "Names, sorting and search", states the rule for API users.
 */

/** SQLite's lower(): A–Z become a–z, every other character stays as it is. */
export function sqlLower(text: string): string {
	return text.replace(/[A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 32));
}

/**
 * SQLite's BINARY collation: code point order (the order of UTF-8 bytes). JavaScript's `<` compares
 * UTF-16 units instead, which puts characters past U+FFFF before U+E000–U+FFFF.
 */
export function compareBinary(a: string, b: string): number {
	let i = 0;
	let j = 0;
	while (i < a.length && j < b.length) {
		const x = a.codePointAt(i) ?? 0;
		const y = b.codePointAt(j) ?? 0;
		if (x !== y) return x < y ? -1 : 1;
		i += x > 0xffff ? 2 : 1;
		j += y > 0xffff ? 2 : 1;
	}
	return (a.length - i > 0 ? 1 : 0) - (b.length - j > 0 ? 1 : 0);
}

/** `ORDER BY name, id`: by name as the database compares it, then by id. */
export function byStoredName(a: { name: string; id: string }, b: { name: string; id: string }): number {
	return compareBinary(a.name, b.name) || compareBinary(a.id, b.id);
}

/** `ORDER BY lower(name), id` (the clients list sorted by name). */
export function byLowerName(a: { name: string; id: string }, b: { name: string; id: string }): number {
	return compareBinary(sqlLower(a.name), sqlLower(b.name)) || compareBinary(a.id, b.id);
}

/** `instr(lower(name), lower(q)) > 0`: the clients and agencies search. */
export function nameMatches(name: string, q: string): boolean {
	return sqlLower(name).includes(sqlLower(q));
}
