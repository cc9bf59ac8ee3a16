/**
 * D1 refuses a statement with more than 100 bound parameters, so a look-up by a list of ids is
 * split into chunks small enough to leave room for the query's other parameters (tenant, flags).
 */
export const MAX_IDS_PER_QUERY = 90;

/** `items` in consecutive slices of at most `size`. */
export function chunked<T>(items: readonly T[], size = MAX_IDS_PER_QUERY): T[][] {
	const out: T[][] = [];
	for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
	return out;
}

/** Runs `select` once per chunk of `ids` (one after another) and returns all rows, chunk by chunk. */
export async function selectInChunks<T>(ids: readonly string[], select: (slice: string[]) => Promise<T[]>): Promise<T[]> {
	const rows: T[] = [];
	for (const slice of chunked(ids)) rows.push(...(await select(slice)));
	return rows;
}
