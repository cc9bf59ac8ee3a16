/**
 * The device's storage budget for synced records, as a pure policy: keep at most `budget` records;
 * beyond it evict the least recently used, but never a record an unsent outbox entry refers to
 * (its pending change must stay visible and resolvable). Outbox entries themselves are never evicted.
 */

export type CachedRecordInfo = { key: string; lastUsedAt: number };

/** The keys to evict, least recently used first. */
export function recordsToEvict(records: readonly CachedRecordInfo[], pinned: ReadonlySet<string>, budget: number): string[] {
	const over = records.length - Math.max(0, budget);
	if (over <= 0) return [];
	return records
		.filter((r) => !pinned.has(r.key))
		.sort((a, b) => a.lastUsedAt - b.lastUsedAt || (a.key < b.key ? -1 : 1))
		.slice(0, over)
		.map((r) => r.key);
}
